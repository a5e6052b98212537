// Batches of diplomas: a ceremony's (or a chosen) list printed into one PDF in hand-over order
// after a cover sheet, checked first without writing anything, every diploma logged with the
// batch's one batchId. One diploma at a time: ./diploma.server.ts.
import { randomUUID } from "node:crypto";
import type { Document } from "#app/documents/blocks";
import { diplomaPart, type PrintSetup } from "#app/documents/diploma-pdf.server";
import { describeCharacter, documentMissingGlyphs } from "#app/documents/font-coverage.server";
import { renderPdfParts } from "#app/documents/pdf.server";
import { projectTemplate } from "#app/documents/templates.server";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import * as clock from "#app/domain/clock";
import { diplomaSourceHash, honourLine, missingForDiploma, publicRegistryUrl } from "#app/domain/diploma";
import { batchCoverData, batchFileName, batchOrder, printerLogText, type BatchCoverData, type PrintMode } from "#app/domain/diploma-print";
import type { MedalClass } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { publicAddressProblem } from "#app/domain/public-address";
import { Prisma } from "#app/generated/prisma/client.ts";
import { db, newRowId, sqlDateTime } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { recordAudit } from "./audit.server";
import { emblemsByDate } from "./emblem.server";
import { CONFERRAL_FOR_DIPLOMA, inputsOf, printerFor, renderFor } from "./diploma.server";
import { recordDiplomaPrinted } from "./workflow.server";
import type { Actor } from "./write.server";

/** One conferral of a batch that cannot be printed, with what is missing and where to fix it. */
export type BatchProblem = { conferralId: string; position: number; name: string; href: string; problems: string[] };

type BatchItem = {
  conferralId: string;
  position: number;
  name: string;
  coverHonour: string;
  number: number | null;
  diplomaId: string;
  hash: string;
  doc: Document;
  publicUrl: string;
  printedBefore: number;
  nominative: string;
  medalClass: MedalClass | null;
  date: string | null;
};

export type BatchCheck = {
  ceremony: { id: string; title: string; date: string } | null;
  items: BatchItem[];
  problems: BatchProblem[];
};

/**
 * Checks a batch without writing anything: every diploma must be ready (data complete, text
 * confirmed and still current, every letter in the font); a diploma printed before needs a
 * reprint reason (`reprintReason: null` skips that check, for a list of what could be printed). Reads everything in a few queries (no per-diploma round trips).
 */
export async function checkBatch(conferralIds: readonly string[], options: { ceremonyId?: string | null; reprintReason: string | null }): Promise<BatchCheck> {
  const client = db();
  const [ceremony, conferrals, signatories] = await Promise.all([
    options.ceremonyId
      ? client.ceremony.findUnique({
          where: { id: options.ceremonyId },
          select: { id: true, title: true, date: true, laureates: { select: { conferralId: true, position: true } } },
        })
      : Promise.resolve(null),
    client.conferral.findMany({
      where: { id: { in: [...new Set(conferralIds)] } },
      // Not the diplomas' stored text (a few kB each): the batch renders the text afresh.
      select: {
        ...CONFERRAL_FOR_DIPLOMA,
        diplomas: { select: { id: true, confirmedHash: true, verificationCode: true, _count: { select: { prints: true } } } },
      },
    }),
    client.signatory.findMany(),
  ]);
  const positions = ceremony ? new Map(ceremony.laureates.map((l) => [l.conferralId, l.position])) : null;
  const byId = new Map(conferrals.map((c) => [c.id, c]));
  const items: BatchItem[] = [];
  const problems: BatchProblem[] = [];
  for (const { conferralId, position } of batchOrder(conferralIds, positions)) {
    const c = byId.get(conferralId);
    if (!c) {
      problems.push({ conferralId, position, name: "(nie ma takiego nadania)", href: "", problems: ["Nie znaleziono nadania: mogło zostać usunięte."] });
      continue;
    }
    const inputs = inputsOf(c, signatories);
    const name = c.candidate.displayName;
    const href = `/conferrals/${c.id}/diploma`;
    const found: string[] = missingForDiploma(inputs).map((m) => m.message);
    const diploma = c.diplomas[0];
    const hash = diplomaSourceHash(inputs);
    if (!found.length) {
      if (!diploma || diploma.confirmedHash === null) found.push("Tekst dyplomu nie jest zatwierdzony.");
      else if (diploma.confirmedHash !== hash) found.push("Dane dyplomu zmieniły się po zatwierdzeniu: tekst trzeba przeczytać i zatwierdzić ponownie.");
    }
    if (found.length || !diploma) {
      problems.push({ conferralId, position, name, href, problems: found });
      continue;
    }
    const publicUrl = publicRegistryUrl(env().PUBLIC_BASE_URL, c.publicId);
    const doc = renderFor(inputs, diploma.verificationCode, publicUrl);
    const glyphs = documentMissingGlyphs(doc);
    if (glyphs.length) found.push(`Tekst zawiera znaki, których nie ma w czcionce dyplomu: ${glyphs.map(describeCharacter).join(", ")}.`);
    const addressProblem = c.isDemo ? null : publicAddressProblem(env().PUBLIC_BASE_URL);
    if (addressProblem) found.push(addressProblem);
    if (diploma._count.prints > 0 && options.reprintReason !== null && !options.reprintReason.trim())
      found.push("Dyplom był już drukowany: podaj powód ponownego wydruku.");
    if (found.length) {
      problems.push({ conferralId, position, name, href, problems: found });
      continue;
    }
    items.push({
      conferralId,
      position,
      name,
      coverHonour: honourLine({ ...inputs, number: null }),
      number: c.number,
      diplomaId: diploma.id,
      hash,
      doc,
      publicUrl,
      printedBefore: diploma._count.prints,
      nominative: inputs.candidate.nameNominative,
      medalClass: inputs.medalClass,
      date: inputs.date,
    });
  }
  return { ceremony: ceremony ? { id: ceremony.id, title: ceremony.title, date: ceremony.date } : null, items, problems };
}

const coverTemplate = () => projectTemplate<BatchCoverData>("diploma-batch-cover.hbs");

export type BatchOptions = { ceremonyId?: string | null; mode: PrintMode; printerId?: string; reason: string };
export type BatchResult =
  | { kind: "printed"; pdf: Buffer; fileName: string; batchId: string; count: number }
  | { kind: "refused"; problems: BatchProblem[] }
  | { kind: "empty" }
  | { kind: "printer-unknown" };

/**
 * One PDF of many diplomas in hand-over order, after a cover sheet listing that order. Refused,
 * with the list of what is missing, when any diploma is not ready: nothing is printed or logged
 * then. Each diploma printed gets a print-log entry with the batch's one batchId.
 */
export async function printBatch(
  conferralIds: readonly string[],
  options: BatchOptions,
  actor: Actor & { name: string },
  today: string = todayIso(),
): Promise<BatchResult> {
  if (conferralIds.length === 0) return { kind: "empty" };
  const printer = await printerFor(options.printerId);
  if (printer === "unknown") return { kind: "printer-unknown" };
  const check = await checkBatch(conferralIds, { ceremonyId: options.ceremonyId, reprintReason: options.reason });
  if (check.problems.length) return { kind: "refused", problems: check.problems };
  const setup: PrintSetup = { mode: options.mode, printer: options.mode === "PREPRINTED" ? printer : null };
  const printerText = printerLogText(setup.printer);
  const emblemOn = await emblemsByDate();
  const cover = coverTemplate().render(
    batchCoverData({
      ceremony: check.ceremony,
      entries: check.items.map((i) => ({ position: i.position, name: i.name, honourLine: i.coverHonour, number: i.number })),
      mode: options.mode,
      printer: printerText,
      printedBy: actor.name,
      printedAt: formatWarsawDateTime(clock.now()),
    }),
  );
  // checkBatch has refused every diploma with a letter the font lacks (the cover holds the same names).
  const pdf = await renderPdfParts(
    [
      { document: cover },
      ...check.items.map((i) =>
        diplomaPart(i.doc, i.publicUrl, { ...setup, medalClass: i.medalClass, emblem: options.mode === "FULL" ? emblemOn(i.date) : null }),
      ),
    ],
    { title: cover.meta.title, author: "Urząd Miasta Krakowa", subject: "Dyplomy w kolejności wręczania" },
    { allowMissingGlyphs: true },
  );
  const batchId = randomUUID();
  const reason = options.reason.trim();
  const recorded = await db().$transaction(async (tx) => {
    const now = await tx.diploma.findMany({ where: { id: { in: check.items.map((i) => i.diplomaId) } }, select: { id: true, confirmedHash: true } });
    const confirmed = new Map(now.map((d) => [d.id, d.confirmedHash]));
    const changed = check.items.filter((i) => confirmed.get(i.diplomaId) !== i.hash);
    if (changed.length)
      return {
        kind: "refused" as const,
        problems: changed.map((i) => ({
          conferralId: i.conferralId,
          position: i.position,
          name: i.name,
          href: `/conferrals/${i.conferralId}/diploma`,
          problems: ["Zatwierdzenie tekstu zmieniło się w trakcie przygotowania wydruku: sprawdź dyplom ponownie."],
        })),
      };
    // Raw multi-row INSERTs (Prisma's createMany spent ~40 ms on 300 rows), 500 rows each to stay
    // well inside SQLite's limit on bound values.
    const printedAt = sqlDateTime();
    for (let from = 0; from < check.items.length; from += 500) {
      const rows = check.items
        .slice(from, from + 500)
        .map(
          (i) =>
            Prisma.sql`(${newRowId()}, ${i.diplomaId}, ${printedAt}, ${actor.userId}, ${i.hash}, ${options.mode}, ${batchId}, ${i.printedBefore > 0 ? reason : ""}, ${printerText})`,
        );
      await tx.$executeRaw`
        INSERT INTO "DiplomaPrint" ("id", "diplomaId", "printedAt", "printedById", "textHash", "mode", "batchId", "reason", "printer")
        VALUES ${Prisma.join(rows)}`;
    }
    await recordAudit(tx, {
      userId: actor.userId,
      action: "PRINT",
      entityType: "DiplomaBatch",
      entityId: batchId,
      after: {
        count: check.items.length,
        ceremonyId: check.ceremony?.id ?? null,
        mode: options.mode,
        printer: printerText,
        diplomaIds: check.items.map((i) => i.diplomaId),
      },
      reason,
    });
    await recordDiplomaPrinted(
      tx,
      check.items.map((i) => i.conferralId),
      today,
      actor,
    );
    return { kind: "printed" as const };
  });
  if (recorded.kind === "refused") return recorded;
  const label = check.ceremony ? `${check.ceremony.date}-${check.ceremony.title}` : `wybrane-${today}`;
  return { kind: "printed", pdf, fileName: batchFileName(label, check.items.length), batchId, count: check.items.length };
}

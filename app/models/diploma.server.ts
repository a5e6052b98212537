// Diplomas: the text generated from a conferral, confirmed by a person, then printed. Every
// print is recorded (DiplomaPrint) with the hash of the text it printed; a reprint names a reason.
// A change to the data the text depends on (name forms, class, number, act, date, signatories)
// changes the diploma's sourceHash, so the earlier confirmation no longer matches ("stale") and
// printing is refused until someone confirms the new text.
import { randomUUID } from "node:crypto";
import type { Document } from "#app/documents/blocks";
import { documentMissingGlyphs, describeCharacter } from "#app/documents/font-coverage.server";
import { MM } from "#app/documents/layout";
import { pdfRectOperators, qrRects } from "#app/documents/qr";
import { artifact, MissingGlyphsError, renderPdfParts, type PdfPart } from "#app/documents/pdf.server";
import { projectTemplate } from "#app/documents/templates.server";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { batchCoverData, batchFileName, batchOrder, CALIBRATION_MARK_MM, calibrationData, type CalibrationData, printerLogText, type BatchCoverData, type PrintMode } from "#app/domain/diploma-print";
import {
  diplomaFileName,
  diplomaSourceHash,
  diplomaTemplateData,
  diplomaTemplateFile,
  honourLine,
  isCouncilHonour,
  missingForDiploma,
  newVerificationCode,
  publicRegistryUrl,
  reprintReasonLabel,
  type DiplomaInputs,
  type DiplomaTemplateData,
  type MissingDatum,
} from "#app/domain/diploma";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { addressDativeOf } from "#app/domain/address-forms";
import { signatoryOn as signatoryOnRows } from "#app/domain/settings";
import { Prisma, type Diploma, type PrinterProfile, type Signatory } from "#app/generated/prisma/client.ts";
import { db, newRowId, sqlDateTime, type Tx } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { recordAudit } from "./audit.server";
import { recordDiplomaPrinted } from "./workflow.server";
import { publicAddressProblem } from "#app/domain/public-address";
import * as clock from "#app/domain/clock";
import type { Actor } from "./write.server";


/** What a diploma is made from: only these columns (a batch reads 300 conferrals at once). */
const CONFERRAL_FOR_DIPLOMA = {
  id: true,
  nominationId: true,
  publicId: true,
  honour: true,
  medalClass: true,
  number: true,
  handedOverOn: true,
  isDemo: true,
  candidate: {
    select: { id: true, kind: true, grammaticalGender: true, title: true, nameNominative: true, nameDative: true, addressDative: true, appositionDative: true, displayName: true, nameFormsConfirmedAt: true },
  },
  // The planned ceremonies: the diploma bears the hand-over date, else the ceremony's.
  ceremonies: { where: { ceremony: { status: { not: "CANCELLED" } } }, select: { ceremony: { select: { date: true } } } },
  resolution: { select: { number: true, adoptedOn: true } },
  ordinance: { select: { number: true, issuedOn: true } },
} satisfies Prisma.ConferralSelect;

function loadConferral(tx: Tx, conferralId: string) {
  return tx.conferral.findUnique({ where: { id: conferralId }, select: CONFERRAL_FOR_DIPLOMA });
}
type ConferralForDiploma = NonNullable<Awaited<ReturnType<typeof loadConferral>>>;

/** The diploma's inputs from a conferral row and the signatory rows (all of them, any office). */
function inputsOf(c: ConferralForDiploma, signatories: readonly Signatory[]): DiplomaInputs {
  const planned = c.ceremonies.map((l) => l.ceremony.date).sort()[0] ?? null;
  const date = c.handedOverOn ?? planned;
  const kind = c.candidate.kind as CandidateKind;
  const gender = (c.candidate.grammaticalGender as Gender | null) ?? null;
  const honour = c.honour as Honour;
  const person = (s: Signatory | null) => (s ? { fullName: s.fullName, titleLine: s.titleLine } : null);
  return {
    conferralId: c.id,
    nominationId: c.nominationId,
    honour,
    medalClass: (c.medalClass as MedalClass | null) ?? null,
    number: c.number,
    candidate: {
      id: c.candidate.id,
      kind,
      gender,
      nameNominative: c.candidate.nameNominative || c.candidate.displayName,
      nameDative: c.candidate.nameDative,
      address: addressDativeOf({ kind, gender, title: c.candidate.title, addressDative: c.candidate.addressDative }),
      apposition: c.candidate.appositionDative ?? "",
      nameFormsConfirmed: Boolean(c.candidate.nameFormsConfirmedAt),
    },
    act: c.resolution
      ? { kind: "RESOLUTION", number: c.resolution.number, date: c.resolution.adoptedOn }
      : c.ordinance
        ? { kind: "ORDINANCE", number: c.ordinance.number, date: c.ordinance.issuedOn }
        : null,
    date,
    mayor: date ? person(signatoryOnRows(signatories, "MAYOR", date)) : null,
    councilChair: date && isCouncilHonour(honour) ? person(signatoryOnRows(signatories, "COUNCIL_CHAIR", date)) : null,
  };
}

async function inputsFor(tx: Tx, c: ConferralForDiploma): Promise<DiplomaInputs> {
  return inputsOf(c, await tx.signatory.findMany());
}

export type DiplomaState = {
  conferral: { id: string; publicId: string; honour: Honour; nominationId: string | null; candidateName: string };
  inputs: DiplomaInputs;
  missing: MissingDatum[];
  /** Null while something is missing (nothing to show or print yet). */
  diploma: Diploma | null;
  doc: Document | null;
  publicUrl: string;
  /** Fictional demo data: printed even without a public address. */
  isDemo: boolean;
  /** Why the public address cannot be printed (for real data); null when it can. */
  publicAddressProblem: string | null;
};

async function uniqueCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = newVerificationCode();
    if (!(await tx.diploma.findUnique({ where: { verificationCode: code } }))) return code;
  }
}

function renderFor(inputs: DiplomaInputs, verificationCode: string, publicUrl: string): Document {
  return projectTemplate<DiplomaTemplateData>(diplomaTemplateFile(inputs.honour)).render(diplomaTemplateData(inputs, { verificationCode, publicUrl }));
}

/** Creates or refreshes the conferral's diploma (text and sourceHash from the current data). */
async function refresh(tx: Tx, conferralId: string): Promise<DiplomaState | null> {
  const c = await loadConferral(tx, conferralId);
  if (!c) return null;
  const inputs = await inputsFor(tx, c);
  const missing = missingForDiploma(inputs);
  const publicUrl = publicRegistryUrl(env().PUBLIC_BASE_URL, c.publicId);
  const state: DiplomaState = {
    conferral: { id: c.id, publicId: c.publicId, honour: c.honour as Honour, nominationId: c.nominationId, candidateName: c.candidate.displayName },
    inputs,
    missing,
    diploma: await tx.diploma.findFirst({ where: { conferralId }, orderBy: { createdAt: "desc" } }),
    doc: null,
    publicUrl,
    isDemo: c.isDemo,
    publicAddressProblem: c.isDemo ? null : publicAddressProblem(env().PUBLIC_BASE_URL),
  };
  if (missing.length) return state;
  const sourceHash = diplomaSourceHash(inputs);
  const templateKey = diplomaTemplateFile(inputs.honour);
  const existing = state.diploma;
  const verificationCode = existing?.verificationCode ?? (await uniqueCode(tx));
  const doc = renderFor(inputs, verificationCode, publicUrl);
  const text = JSON.stringify(doc);
  if (!existing) {
    state.diploma = await tx.diploma.create({ data: { conferralId, templateKey, text, sourceHash, verificationCode } });
  } else if (existing.sourceHash !== sourceHash || existing.text !== text || existing.templateKey !== templateKey) {
    state.diploma = await tx.diploma.update({ where: { id: existing.id }, data: { templateKey, text, sourceHash, version: { increment: 1 } } });
  }
  state.doc = doc;
  return state;
}

/** The conferral's diploma, created or brought up to date with the data; null for no conferral. */
export async function diplomaFor(conferralId: string): Promise<DiplomaState | null> {
  return db().$transaction((tx) => refresh(tx, conferralId));
}

/** A confirmation that no longer matches the text (the data changed since). */
export function isStale(d: Pick<Diploma, "confirmedHash" | "sourceHash">): boolean {
  return d.confirmedHash !== null && d.confirmedHash !== d.sourceHash;
}

export function isConfirmed(d: Pick<Diploma, "confirmedHash" | "sourceHash">): boolean {
  return d.confirmedHash !== null && d.confirmedHash === d.sourceHash;
}

export type ConfirmResult = { kind: "confirmed" } | { kind: "changed" } | { kind: "not-found" };

/**
 * Confirms the text a person read: `hash` is the sourceHash shown to them; refused ("changed")
 * when the data changed in between, so nobody confirms a text they did not see.
 */
export async function confirmDiploma(diplomaId: string, hash: string, actor: Actor): Promise<ConfirmResult> {
  return db().$transaction(async (tx) => {
    const d = await tx.diploma.findUnique({ where: { id: diplomaId } });
    if (!d) return { kind: "not-found" as const };
    if (d.sourceHash !== hash) return { kind: "changed" as const };
    await tx.diploma.update({ where: { id: d.id }, data: { confirmedHash: hash, confirmedAt: clock.now(), confirmedById: actor.userId, version: { increment: 1 } } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Diploma",
      entityId: d.id,
      before: { confirmedHash: d.confirmedHash },
      after: { confirmedHash: hash, conferralId: d.conferralId },
      reason: "zatwierdzenie tekstu dyplomu",
    });
    return { kind: "confirmed" as const };
  });
}

export type PrintRefusal = "NOT_FOUND" | "MISSING" | "NOT_CONFIRMED" | "STALE" | "REASON_REQUIRED" | "PRINTER" | "GLYPHS" | "PUBLIC_ADDRESS";
export type PrintResult = { kind: "printed"; pdf: Buffer; fileName: string; printId: string } | { kind: "refused"; reason: PrintRefusal };

export const PRINT_REFUSAL_MESSAGE: Record<PrintRefusal, string> = {
  NOT_FOUND: "Nie znaleziono dyplomu.",
  MISSING: "Dyplomu nie można wydrukować: brakuje danych (lista poniżej).",
  NOT_CONFIRMED: "Tekst dyplomu nie został zatwierdzony: przeczytaj go i kliknij „Zatwierdzam tekst”.",
  STALE: "Dane dyplomu zmieniły się po zatwierdzeniu: przeczytaj nowy tekst i zatwierdź go ponownie.",
  REASON_REQUIRED: "Ten dyplom był już drukowany: wybierz powód ponownego wydruku.",
  PRINTER: "Nie ma już wybranej drukarki: wybierz drukarkę z listy ponownie.",
  PUBLIC_ADDRESS:
    "Adres publiczny aplikacji (PUBLIC_BASE_URL) jest pusty albo wskazuje ten komputer: kod QR prowadziłby donikąd. Administrator musi ustawić PUBLIC_BASE_URL na publiczny adres rejestru i uruchomić aplikację ponownie.",
  GLYPHS: "Tekst zawiera znak, którego nie ma w czcionce dyplomu: popraw pisownię nazwy (np. na kartotece kandydata), zamiast drukować pusty kwadrat.",
};

/** How a diploma is printed: the mode, and for pre-printed stock the printer whose offsets apply. */
export type PrintSetup = { mode: PrintMode; printer: Pick<PrinterProfile, "name" | "offsetXMm" | "offsetYMm"> | null };
export const FULL_PRINT: PrintSetup = { mode: "FULL", printer: null };

// The city's colours are white and blue (issue 16): a blue frame on white paper.
const BORDER_COLOUR = "#1d4f91";
const QR_SIZE = 62;

/**
 * The QR code drawn as vector rectangles (sharp at any printer resolution, and no PNG to encode per
 * diploma), in module units under one transformation: whole-number coordinates keep each
 * rectangle a few bytes of the page's content, written in one piece.
 */
function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrRects(text);
  const cell = size / qr.size;
  pdf.save().transform(cell, 0, 0, cell, x, y);
  pdf.addContent(pdfRectOperators(qr.rects));
  pdf.fillColor("black").fill();
  pdf.restore();
}

function drawBorder(pdf: PDFKit.PDFDocument): void {
  const { width, height } = pdf.page;
  pdf.save();
  pdf.lineWidth(2).strokeColor(BORDER_COLOUR).rect(18, 18, width - 36, height - 36).stroke();
  pdf.lineWidth(0.6).rect(24, 24, width - 48, height - 48).stroke();
  // Corner ornaments: small diamonds between the two lines, filled at once.
  for (const [x, y] of [
    [21, 21],
    [width - 21, 21],
    [21, height - 21],
    [width - 21, height - 21],
  ] as const) {
    pdf.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]);
  }
  pdf.fillColor(BORDER_COLOUR).fill();
  pdf.restore();
}

/**
 * One diploma as a part of a PDF. Full design: the vector border and ornaments, the text and the
 * QR code. Pre-printed stock: the text and the QR code only (the stock carries the design),
 * everything shifted by the printer's offsets.
 */
export function diplomaPart(doc: Document, publicUrl: string, setup: PrintSetup = FULL_PRINT): PdfPart {
  const preprinted = setup.mode === "PREPRINTED";
  return {
    document: doc,
    offset: preprinted && setup.printer ? { x: setup.printer.offsetXMm * MM, y: setup.printer.offsetYMm * MM } : undefined,
    decorate: (pdf, { start, count }) => {
      for (let i = start; i < start + count; i++) {
        pdf.switchToPage(i);
        if (!preprinted) artifact(pdf, () => drawBorder(pdf));
        if (i === start) {
          const { height, margins } = pdf.page;
          artifact(pdf, () => drawQr(pdf, publicUrl, margins.left, height - margins.bottom - QR_SIZE, QR_SIZE));
        }
      }
    },
  };
}

/** The diploma's PDF (one diploma): see diplomaPart. */
export function diplomaPdf(doc: Document, publicUrl: string, setup: PrintSetup = FULL_PRINT): Promise<Buffer> {
  return renderPdfParts([diplomaPart(doc, publicUrl, setup)], doc.meta);
}

/** The printer profile chosen for a print: null for none; "unknown" for an id that is not there. */
async function printerFor(printerId: string | undefined): Promise<PrinterProfile | null | "unknown"> {
  if (!printerId) return null;
  return (await db().printerProfile.findUnique({ where: { id: printerId } })) ?? "unknown";
}

export type PrintOptions = { reason: string; mode: PrintMode; printerId?: string };

/**
 * Prints a confirmed, current diploma: refreshes it from the data first, refuses when it is not
 * confirmed or the confirmation is stale, or when it was printed before and no reason is given;
 * records the print (who, when, the text's hash, the mode and printer, the reason) and returns the PDF.
 */
export async function printDiploma(diplomaId: string, options: PrintOptions, actor: Actor): Promise<PrintResult> {
  const printer = await printerFor(options.printerId);
  if (printer === "unknown") return { kind: "refused", reason: "PRINTER" };
  const found = await db().diploma.findUnique({ where: { id: diplomaId } });
  if (!found) return { kind: "refused", reason: "NOT_FOUND" };
  const state = await diplomaFor(found.conferralId);
  if (!state?.diploma || !state.doc) return { kind: "refused", reason: state ? "MISSING" : "NOT_FOUND" };
  const d = state.diploma;
  if (d.id !== diplomaId) return { kind: "refused", reason: "NOT_FOUND" };
  if (isStale(d)) return { kind: "refused", reason: "STALE" };
  if (!isConfirmed(d)) return { kind: "refused", reason: "NOT_CONFIRMED" };
  if (!state.isDemo && publicAddressProblem(env().PUBLIC_BASE_URL)) return { kind: "refused", reason: "PUBLIC_ADDRESS" };
  const reason = options.reason.trim();
  if (!reason && (await db().diplomaPrint.count({ where: { diplomaId } })) > 0) return { kind: "refused", reason: "REASON_REQUIRED" };
  const setup: PrintSetup = { mode: options.mode, printer: options.mode === "PREPRINTED" ? printer : null };
  // Render before the transaction: the write lock is held only for the two inserts.
  let pdf: Buffer;
  try {
    pdf = await diplomaPdf(state.doc, state.publicUrl, setup);
  } catch (error) {
    // A letter the font lacks is refused here, before anything is logged as printed.
    if (error instanceof MissingGlyphsError) return { kind: "refused", reason: "GLYPHS" };
    throw error;
  }
  const printerText = printerLogText(setup.printer);
  const recorded = await db().$transaction(async (tx) => {
    const now = await tx.diploma.findUniqueOrThrow({ where: { id: diplomaId } });
    if (now.sourceHash !== d.sourceHash || now.confirmedHash !== d.sourceHash) return { kind: "refused" as const, reason: "STALE" as const };
    const previous = await tx.diplomaPrint.count({ where: { diplomaId } });
    if (previous > 0 && !reason) return { kind: "refused" as const, reason: "REASON_REQUIRED" as const };
    const print = await tx.diplomaPrint.create({ data: { diplomaId, printedById: actor.userId, textHash: d.sourceHash, mode: options.mode, reason, printer: printerText } });
    await recordDiplomaPrinted(tx, [state.conferral.id], todayIso(), actor);
    await recordAudit(tx, {
      userId: actor.userId,
      action: "PRINT",
      entityType: "Diploma",
      entityId: diplomaId,
      after: { printId: print.id, textHash: d.sourceHash, mode: options.mode, printer: printerText, copy: previous + 1 },
      reason,
    });
    return { kind: "printed" as const, printId: print.id };
  });
  if (recorded.kind === "refused") return recorded;
  return { kind: "printed", pdf, fileName: diplomaFileName(state.inputs.candidate.nameNominative, d.verificationCode), printId: recorded.printId };
}

// ---------------------------------------------------------------- batches

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
      ? client.ceremony.findUnique({ where: { id: options.ceremonyId }, select: { id: true, title: true, date: true, laureates: { select: { conferralId: true, position: true } } } })
      : Promise.resolve(null),
    client.conferral.findMany({
      where: { id: { in: [...new Set(conferralIds)] } },
      // Not the diplomas' stored text (a few kB each): the batch renders the text afresh.
      select: { ...CONFERRAL_FOR_DIPLOMA, diplomas: { select: { id: true, confirmedHash: true, verificationCode: true, _count: { select: { prints: true } } } } },
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
    if (diploma._count.prints > 0 && options.reprintReason !== null && !options.reprintReason.trim()) found.push("Dyplom był już drukowany: podaj powód ponownego wydruku.");
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
export async function printBatch(conferralIds: readonly string[], options: BatchOptions, actor: Actor & { name: string }, today: string = todayIso()): Promise<BatchResult> {
  if (conferralIds.length === 0) return { kind: "empty" };
  const printer = await printerFor(options.printerId);
  if (printer === "unknown") return { kind: "printer-unknown" };
  const check = await checkBatch(conferralIds, { ceremonyId: options.ceremonyId, reprintReason: options.reason });
  if (check.problems.length) return { kind: "refused", problems: check.problems };
  const setup: PrintSetup = { mode: options.mode, printer: options.mode === "PREPRINTED" ? printer : null };
  const printerText = printerLogText(setup.printer);
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
    [{ document: cover }, ...check.items.map((i) => diplomaPart(i.doc, i.publicUrl, setup))],
    { title: cover.meta.title, author: "Urząd Miasta Krakowa", subject: "Dyplomy w kolejności wręczania" },
    { allowMissingGlyphs: true },
  );
  const batchId = randomUUID();
  const reason = options.reason.trim();
  const recorded = await db().$transaction(async (tx) => {
    const now = await tx.diploma.findMany({ where: { id: { in: check.items.map((i) => i.diplomaId) } }, select: { id: true, confirmedHash: true } });
    const confirmed = new Map(now.map((d) => [d.id, d.confirmedHash]));
    const changed = check.items.filter((i) => confirmed.get(i.diplomaId) !== i.hash);
    if (changed.length) return { kind: "refused" as const, problems: changed.map((i) => ({ conferralId: i.conferralId, position: i.position, name: i.name, href: `/conferrals/${i.conferralId}/diploma`, problems: ["Zatwierdzenie tekstu zmieniło się w trakcie przygotowania wydruku: sprawdź dyplom ponownie."] })) };
    // Raw multi-row INSERTs (Prisma's createMany spent ~40 ms on 300 rows), 500 rows each to stay
    // well inside SQLite's limit on bound values.
    const printedAt = sqlDateTime();
    for (let from = 0; from < check.items.length; from += 500) {
      const rows = check.items.slice(from, from + 500).map((i) => Prisma.sql`(${newRowId()}, ${i.diplomaId}, ${printedAt}, ${actor.userId}, ${i.hash}, ${options.mode}, ${batchId}, ${i.printedBefore > 0 ? reason : ""}, ${printerText})`);
      await tx.$executeRaw`
        INSERT INTO "DiplomaPrint" ("id", "diplomaId", "printedAt", "printedById", "textHash", "mode", "batchId", "reason", "printer")
        VALUES ${Prisma.join(rows)}`;
    }
    await recordAudit(tx, {
      userId: actor.userId,
      action: "PRINT",
      entityType: "DiplomaBatch",
      entityId: batchId,
      after: { count: check.items.length, ceremonyId: check.ceremony?.id ?? null, mode: options.mode, printer: printerText, diplomaIds: check.items.map((i) => i.diplomaId) },
      reason,
    });
    await recordDiplomaPrinted(tx, check.items.map((i) => i.conferralId), today, actor);
    return { kind: "printed" as const };
  });
  if (recorded.kind === "refused") return recorded;
  const label = check.ceremony ? `${check.ceremony.date}-${check.ceremony.title}` : `wybrane-${today}`;
  return { kind: "printed", pdf, fileName: batchFileName(label, check.items.length), batchId, count: check.items.length };
}

/** The prints of a diploma, newest first, with who printed. */
export function printsOf(diplomaId: string) {
  return db().diplomaPrint.findMany({ where: { diplomaId }, orderBy: { printedAt: "desc" }, include: { printedBy: { select: { name: true } } } });
}

/** The print log of a nomination's diploma, newest first, ready for PrintLogTable. */
export async function printLogOfNomination(nominationId: string) {
  const prints = await db().diplomaPrint.findMany({
    where: { diploma: { conferral: { nominationId } } },
    orderBy: { printedAt: "desc" },
    include: { printedBy: { select: { name: true } } },
  });
  return prints.map((p) => ({ id: p.id, at: p.printedAt.toISOString(), by: p.printedBy?.name ?? "system", mode: p.mode, printer: p.printer, batch: Boolean(p.batchId), reason: reprintReasonLabel(p.reason) }));
}

export async function confirmerName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

// ---------------------------------------------------------------- calibration

/** A millimetre ruler along the top edge and one along the left edge, labelled every centimetre. */
function drawRulers(pdf: PDFKit.PDFDocument): void {
  const { width, height } = pdf.page;
  const at = 10 * MM;
  pdf.save().lineWidth(0.4).strokeColor("black").fillColor("black").font("regular").fontSize(6);
  for (let mm = 10; mm * MM <= width - at; mm++) {
    const length = (mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3.5 : 2) * MM;
    pdf.moveTo(mm * MM, at).lineTo(mm * MM, at + length).stroke();
    if (mm % 10 === 0) pdf.text(String(mm), mm * MM - 6, at + 5.5 * MM, { width: 12, align: "center", lineBreak: false });
  }
  for (let mm = 10; mm * MM <= height - at; mm++) {
    const length = (mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3.5 : 2) * MM;
    pdf.moveTo(at, mm * MM).lineTo(at + length, mm * MM).stroke();
    if (mm % 10 === 0) pdf.text(String(mm), at + 5.5 * MM, mm * MM - 2.5, { lineBreak: false });
  }
  pdf.restore();
}

/** A crosshair with a ring, centred on (x, y) points, and its distance from the edges beside it. */
function drawCrosshair(pdf: PDFKit.PDFDocument, x: number, y: number, label: string): void {
  const arm = 6 * MM;
  pdf.save().lineWidth(0.3).strokeColor("black");
  pdf.moveTo(x - arm, y).lineTo(x + arm, y).stroke();
  pdf.moveTo(x, y - arm).lineTo(x, y + arm).stroke();
  pdf.circle(x, y, 2 * MM).stroke();
  pdf.fillColor("black").font("regular").fontSize(7).text(label, x + 2.5 * MM, y + 1.5 * MM, { lineBreak: false });
  pdf.restore();
}

/**
 * The calibration page: crosshairs at CALIBRATION_MARK_MM from the nearest edges and millimetre
 * rulers, printed with the printer's offsets (none without a printer), so staff can measure how
 * far the printer is off and check the correction.
 */
export function calibrationPdf(printer: Pick<PrinterProfile, "name" | "offsetXMm" | "offsetYMm"> | null, orientation: "portrait" | "landscape" = "landscape"): Promise<Buffer> {
  const document = projectTemplate<CalibrationData>("diploma-calibration.hbs").render(calibrationData(printer, orientation));
  const mark = CALIBRATION_MARK_MM * MM;
  return renderPdfParts(
    [
      {
        document,
        offset: printer ? { x: printer.offsetXMm * MM, y: printer.offsetYMm * MM } : undefined,
        decorate: (pdf, { start }) => {
          pdf.switchToPage(start);
          const { width, height } = pdf.page;
          drawRulers(pdf);
          const label = `${CALIBRATION_MARK_MM} mm`;
          for (const [x, y] of [
            [mark, mark],
            [width - mark, mark],
            [mark, height - mark],
            [width - mark, height - mark],
          ] as const) {
            drawCrosshair(pdf, x, y, label);
          }
        },
      },
    ],
    document.meta,
  );
}

// Diplomas: the text generated from a conferral, confirmed by a person, then printed. Every
// print is recorded (DiplomaPrint) with the hash of the text it printed; a reprint names a reason.
// A change to the data the text depends on (name forms, class, number, act, date, signatories)
// changes the diploma's sourceHash, so the earlier confirmation no longer matches ("stale") and
// printing is refused until someone confirms the new text. Batches: ./diploma-batch.server.ts;
// the PDF: app/documents/diploma-pdf.server.ts.
import type { Document } from "#app/documents/blocks";
import { diplomaPdf, type PrintSetup } from "#app/documents/diploma-pdf.server";
import { MissingGlyphsError } from "#app/documents/pdf.server";
import { projectTemplate } from "#app/documents/templates.server";
import { printerLogText, type PrintMode } from "#app/domain/diploma-print";
import {
  diplomaFileName,
  diplomaSourceHash,
  diplomaTemplateData,
  diplomaTemplateFile,
  isConfirmed,
  isCouncilHonour,
  isStale,
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
import type { Diploma, PrinterProfile, Prisma, Signatory } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { recordAudit } from "./audit.server";
import { emblemsByDate } from "./emblem.server";
import { recordDiplomaPrinted } from "./workflow.server";
import { publicAddressProblem } from "#app/domain/public-address";
import * as clock from "#app/domain/clock";
import type { Actor } from "./write.server";

/** What a diploma is made from: only these columns (a batch reads 300 conferrals at once). */
export const CONFERRAL_FOR_DIPLOMA = {
  id: true,
  nominationId: true,
  publicId: true,
  honour: true,
  medalClass: true,
  number: true,
  handedOverOn: true,
  isDemo: true,
  candidate: {
    select: {
      id: true,
      kind: true,
      grammaticalGender: true,
      title: true,
      nameNominative: true,
      nameDative: true,
      addressDative: true,
      appositionDative: true,
      displayName: true,
      nameFormsConfirmedAt: true,
    },
  },
  // The planned ceremonies: the diploma bears the hand-over date, else the ceremony's.
  ceremonies: { where: { ceremony: { status: { not: "CANCELLED" } } }, select: { ceremony: { select: { date: true } } } },
  resolution: { select: { number: true, adoptedOn: true } },
  ordinance: { select: { number: true, issuedOn: true } },
} satisfies Prisma.ConferralSelect;

function loadConferral(tx: Tx, conferralId: string) {
  return tx.conferral.findUnique({ where: { id: conferralId }, select: CONFERRAL_FOR_DIPLOMA });
}
export type ConferralForDiploma = NonNullable<Awaited<ReturnType<typeof loadConferral>>>;

/** The diploma's inputs from a conferral row and the signatory rows (all of them, any office). */
export function inputsOf(c: ConferralForDiploma, signatories: readonly Signatory[]): DiplomaInputs {
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

export function renderFor(inputs: DiplomaInputs, verificationCode: string, publicUrl: string): Document {
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
    await tx.diploma.update({
      where: { id: d.id },
      data: { confirmedHash: hash, confirmedAt: clock.now(), confirmedById: actor.userId, version: { increment: 1 } },
    });
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

/** The printer profile chosen for a print: null for none; "unknown" for an id that is not there. */
export async function printerFor(printerId: string | undefined): Promise<PrinterProfile | null | "unknown"> {
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
  const emblem = options.mode === "FULL" ? (await emblemsByDate())(state.inputs.date) : null;
  const setup: PrintSetup = { mode: options.mode, printer: options.mode === "PREPRINTED" ? printer : null, medalClass: state.inputs.medalClass, emblem };
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
    const print = await tx.diplomaPrint.create({
      data: { diplomaId, printedById: actor.userId, textHash: d.sourceHash, mode: options.mode, reason, printer: printerText },
    });
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
  return prints.map((p) => ({
    id: p.id,
    at: p.printedAt.toISOString(),
    by: p.printedBy?.name ?? "system",
    mode: p.mode,
    printer: p.printer,
    batch: Boolean(p.batchId),
    reason: reprintReasonLabel(p.reason),
  }));
}

export async function confirmerName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

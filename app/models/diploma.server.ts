// Diplomas: the text generated from a conferral, confirmed by a person, then printed. Every
// print is recorded (DiplomaPrint) with the hash of the text it printed; a reprint names a reason.
// A change to the data the text depends on (name forms, class, number, act, date, signatories)
// changes the diploma's sourceHash, so the earlier confirmation no longer matches ("stale") and
// printing is refused until someone confirms the new text.
import { readFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";
import type { Document } from "#app/documents/blocks";
import { MissingGlyphsError, renderPdf } from "#app/documents/pdf.server";
import { compileDocumentTemplate, type DocumentTemplate } from "#app/documents/template";
import {
  diplomaFileName,
  diplomaSourceHash,
  diplomaTemplateData,
  diplomaTemplateFile,
  isCouncilHonour,
  missingForDiploma,
  newVerificationCode,
  publicRegistryUrl,
  type DiplomaInputs,
  type DiplomaTemplateData,
  type MissingDatum,
} from "#app/domain/diploma";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import type { Diploma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { recordAudit } from "./audit.server";
import { signatoryOn } from "./settings.server";

const TEMPLATES_DIR = path.resolve("templates");
const compiled = new Map<string, DocumentTemplate<DiplomaTemplateData>>();

function diplomaTemplate(file: string) {
  let t = compiled.get(file);
  if (!t) {
    t = compileDocumentTemplate<DiplomaTemplateData>(readFileSync(path.join(TEMPLATES_DIR, file), "utf8"), file);
    compiled.set(file, t);
  }
  return t;
}

type Actor = { userId: string | null };

function loadConferral(tx: Tx, conferralId: string) {
  return tx.conferral.findUnique({ where: { id: conferralId }, include: { candidate: true, resolution: true, ordinance: true } });
}
type ConferralForDiploma = NonNullable<Awaited<ReturnType<typeof loadConferral>>>;

async function inputsFor(tx: Tx, c: ConferralForDiploma, today: string): Promise<DiplomaInputs> {
  const date = c.handedOverOn ?? today;
  const honour = c.honour as Honour;
  const [mayor, chair] = await Promise.all([signatoryOn("MAYOR", date, tx), isCouncilHonour(honour) ? signatoryOn("COUNCIL_CHAIR", date, tx) : Promise.resolve(null)]);
  const person = (s: typeof mayor) => (s ? { fullName: s.fullName, titleLine: s.titleLine } : null);
  return {
    conferralId: c.id,
    nominationId: c.nominationId,
    honour,
    medalClass: (c.medalClass as MedalClass | null) ?? null,
    number: c.number,
    candidate: {
      id: c.candidate.id,
      kind: c.candidate.kind as CandidateKind,
      gender: (c.candidate.grammaticalGender as Gender | null) ?? null,
      nameNominative: c.candidate.nameNominative || c.candidate.displayName,
      nameDative: c.candidate.nameDative,
      nameFormsConfirmed: Boolean(c.candidate.nameFormsConfirmedAt),
    },
    act: c.resolution
      ? { kind: "RESOLUTION", number: c.resolution.number, date: c.resolution.adoptedOn }
      : c.ordinance
        ? { kind: "ORDINANCE", number: c.ordinance.number, date: c.ordinance.issuedOn }
        : null,
    date,
    mayor: person(mayor),
    councilChair: person(chair),
  };
}

export type DiplomaState = {
  conferral: { id: string; publicId: string; honour: Honour; nominationId: string | null; candidateName: string };
  inputs: DiplomaInputs;
  missing: MissingDatum[];
  /** Null while something is missing (nothing to show or print yet). */
  diploma: Diploma | null;
  doc: Document | null;
  publicUrl: string;
};

async function uniqueCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = newVerificationCode();
    if (!(await tx.diploma.findUnique({ where: { verificationCode: code } }))) return code;
  }
}

function renderFor(inputs: DiplomaInputs, verificationCode: string, publicUrl: string): Document {
  return diplomaTemplate(diplomaTemplateFile(inputs.honour)).render(diplomaTemplateData(inputs, { verificationCode, publicUrl }));
}

/** Creates or refreshes the conferral's diploma (text and sourceHash from the current data). */
async function refresh(tx: Tx, conferralId: string, today: string): Promise<DiplomaState | null> {
  const c = await loadConferral(tx, conferralId);
  if (!c) return null;
  const inputs = await inputsFor(tx, c, today);
  const missing = missingForDiploma(inputs);
  const publicUrl = publicRegistryUrl(env().PUBLIC_BASE_URL, c.publicId);
  const state: DiplomaState = {
    conferral: { id: c.id, publicId: c.publicId, honour: c.honour as Honour, nominationId: c.nominationId, candidateName: c.candidate.displayName },
    inputs,
    missing,
    diploma: await tx.diploma.findFirst({ where: { conferralId }, orderBy: { createdAt: "desc" } }),
    doc: null,
    publicUrl,
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
export async function diplomaFor(conferralId: string, today: string = todayIso()): Promise<DiplomaState | null> {
  return db().$transaction((tx) => refresh(tx, conferralId, today));
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
    await tx.diploma.update({ where: { id: d.id }, data: { confirmedHash: hash, confirmedAt: new Date(), confirmedById: actor.userId, version: { increment: 1 } } });
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

export type PrintRefusal = "NOT_FOUND" | "MISSING" | "NOT_CONFIRMED" | "STALE" | "REASON_REQUIRED" | "MODE" | "GLYPHS";
export type PrintResult = { kind: "printed"; pdf: Buffer; fileName: string; printId: string } | { kind: "refused"; reason: PrintRefusal };

export const PRINT_REFUSAL_MESSAGE: Record<PrintRefusal, string> = {
  NOT_FOUND: "Nie znaleziono dyplomu.",
  MISSING: "Dyplomu nie można wydrukować: brakuje danych (lista poniżej).",
  NOT_CONFIRMED: "Tekst dyplomu nie został zatwierdzony: przeczytaj go i kliknij „Zatwierdzam tekst”.",
  STALE: "Dane dyplomu zmieniły się po zatwierdzeniu: przeczytaj nowy tekst i zatwierdź go ponownie.",
  REASON_REQUIRED: "Ten dyplom był już drukowany: wybierz powód ponownego wydruku.",
  MODE: "Druk na gotowych blankietach nie jest jeszcze dostępny.",
  GLYPHS: "Tekst zawiera znak, którego nie ma w czcionce dyplomu: popraw pisownię nazwy (np. na kartotece kandydata), zamiast drukować pusty kwadrat.",
};

/** The diploma's PDF: the text, a border and a QR code of the public registry address. */
export async function diplomaPdf(doc: Document, publicUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(publicUrl, { type: "png", errorCorrectionLevel: "M", margin: 0, scale: 8 });
  return renderPdf(doc, {
    decorate: (pdf) => {
      const { start, count } = pdf.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        pdf.switchToPage(i);
        const { width, height, margins } = pdf.page;
        pdf.save();
        pdf.lineWidth(2).strokeColor("#7a1f1f").rect(18, 18, width - 36, height - 36).stroke();
        pdf.lineWidth(0.6).rect(24, 24, width - 48, height - 48).stroke();
        // Corner ornaments: small diamonds between the two lines.
        for (const [x, y] of [
          [21, 21],
          [width - 21, 21],
          [21, height - 21],
          [width - 21, height - 21],
        ] as const) {
          pdf.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]).fillColor("#7a1f1f").fill();
        }
        pdf.restore();
        if (i === start) {
          const size = 62;
          pdf.image(qr, margins.left, height - margins.bottom - size, { width: size, height: size });
        }
      }
    },
  });
}

/**
 * Prints a confirmed, current diploma: refreshes it from the data first, refuses when it is not
 * confirmed or the confirmation is stale, or when it was printed before and no reason is given;
 * records the print (who, when, the text's hash, the mode, the reason) and returns the PDF.
 */
export async function printDiploma(diplomaId: string, options: { reason: string; mode: "FULL" | "PREPRINTED" }, actor: Actor, today: string = todayIso()): Promise<PrintResult> {
  if (options.mode !== "FULL") return { kind: "refused", reason: "MODE" };
  const found = await db().diploma.findUnique({ where: { id: diplomaId } });
  if (!found) return { kind: "refused", reason: "NOT_FOUND" };
  const state = await diplomaFor(found.conferralId, today);
  if (!state?.diploma || !state.doc) return { kind: "refused", reason: state ? "MISSING" : "NOT_FOUND" };
  const d = state.diploma;
  if (d.id !== diplomaId) return { kind: "refused", reason: "NOT_FOUND" };
  if (isStale(d)) return { kind: "refused", reason: "STALE" };
  if (!isConfirmed(d)) return { kind: "refused", reason: "NOT_CONFIRMED" };
  const reason = options.reason.trim();
  if (!reason && (await db().diplomaPrint.count({ where: { diplomaId } })) > 0) return { kind: "refused", reason: "REASON_REQUIRED" };
  // Render before the transaction: the write lock is held only for the two inserts.
  let pdf: Buffer;
  try {
    pdf = await diplomaPdf(state.doc, state.publicUrl);
  } catch (error) {
    // A letter the font lacks is refused here, before anything is logged as printed.
    if (error instanceof MissingGlyphsError) return { kind: "refused", reason: "GLYPHS" };
    throw error;
  }
  const recorded = await db().$transaction(async (tx) => {
    const now = await tx.diploma.findUniqueOrThrow({ where: { id: diplomaId } });
    if (now.sourceHash !== d.sourceHash || now.confirmedHash !== d.sourceHash) return { kind: "refused" as const, reason: "STALE" as const };
    const previous = await tx.diplomaPrint.count({ where: { diplomaId } });
    if (previous > 0 && !reason) return { kind: "refused" as const, reason: "REASON_REQUIRED" as const };
    const print = await tx.diplomaPrint.create({ data: { diplomaId, printedById: actor.userId, textHash: d.sourceHash, mode: options.mode, reason } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "PRINT",
      entityType: "Diploma",
      entityId: diplomaId,
      after: { printId: print.id, textHash: d.sourceHash, mode: options.mode, copy: previous + 1 },
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

export async function confirmerName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db().user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

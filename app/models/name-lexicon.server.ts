// The lexicon of confirmed name forms (NameLexiconEntry): loaded for every suggestion, taught by
// confirmations on the candidate's page, edited and exported by an administrator, seeded from
// prisma/seed/name-lexicon.csv. See docs/declension.md.
import { parse } from "csv-parse/sync";
import {
  buildLexicon,
  LEXICON_GENDERS,
  LEXICON_KINDS,
  lexiconKeyOf,
  type LexiconEntry,
  type LexiconEntryEdit,
  type LexiconEntryInput,
  type LexiconGender,
  type LexiconKind,
  type NameLexicon,
} from "#app/domain/name-lexicon";
import { foldText } from "#app/domain/search-text";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { expectWritten, isStaleWrite, STALE_MESSAGE, versioned } from "./write.server";

type Row = { id: string; kind: string; nominative: string; gender: string; genitive: string; dative: string; origin: string; updatedAt: Date };

const entryOf = (r: Pick<Row, "kind" | "nominative" | "gender" | "genitive" | "dative">): LexiconEntry => ({
  kind: r.kind as LexiconKind,
  nominative: r.nominative,
  gender: (r.gender || null) as LexiconGender | null,
  genitive: r.genitive,
  dative: r.dative,
});

/** The whole lexicon, for the suggester. */
export async function loadLexicon(tx: Tx = db()): Promise<NameLexicon> {
  const rows = await tx.nameLexiconEntry.findMany({ select: { kind: true, nominative: true, gender: true, genitive: true, dative: true } });
  return buildLexicon(rows.map(entryOf));
}

export const LEXICON_PAGE_SIZE = 50;

export async function listLexicon(filter: { kind?: LexiconKind; q?: string; page?: number }) {
  const folded = filter.q ? foldText(filter.q) : "";
  const rows = await db().nameLexiconEntry.findMany({
    where: { kind: filter.kind },
    orderBy: [{ kind: "asc" }, { key: "asc" }, { gender: "asc" }],
  });
  // The list is small (hundreds of words): filtering by the folded word here keeps „Żółć” findable as „zolc”.
  const matching = folded ? rows.filter((r) => foldText(r.nominative).includes(folded)) : rows;
  const page = Math.max(1, filter.page ?? 1);
  return { total: matching.length, page, entries: matching.slice((page - 1) * LEXICON_PAGE_SIZE, page * LEXICON_PAGE_SIZE) };
}

export async function getLexiconEntry(id: string) {
  return db().nameLexiconEntry.findUnique({ where: { id } });
}

export type LexiconSaveResult = { kind: "saved"; id: string } | { kind: "duplicate" } | { kind: "not-found" } | { kind: "conflict"; message: string };

/** An administrator adds an entry (id null) or corrects one read at `input.version`; audited. */
export async function saveLexiconEntry(id: null, input: LexiconEntryInput, actor: { userId: string }): Promise<LexiconSaveResult>;
export async function saveLexiconEntry(id: string, input: LexiconEntryEdit, actor: { userId: string }): Promise<LexiconSaveResult>;
export async function saveLexiconEntry(id: string | null, input: LexiconEntryInput | LexiconEntryEdit, actor: { userId: string }): Promise<LexiconSaveResult> {
  return db()
    .$transaction(async (tx) => {
      const data = {
        kind: input.kind,
        nominative: input.nominative,
        key: lexiconKeyOf(input.nominative),
        gender: input.gender ?? "",
        genitive: input.genitive,
        dative: input.dative,
      };
      const clash = await tx.nameLexiconEntry.findUnique({ where: { kind_key_gender: { kind: data.kind, key: data.key, gender: data.gender } } });
      if (clash && clash.id !== id) return { kind: "duplicate" as const };
      if (id === null) {
        const created = await tx.nameLexiconEntry.create({ data: { ...data, origin: "ADMIN", updatedById: actor.userId } });
        await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "NameLexiconEntry", entityId: created.id, after: data });
        return { kind: "saved" as const, id: created.id };
      }
      const before = await tx.nameLexiconEntry.findUnique({ where: { id } });
      if (!before) return { kind: "not-found" as const };
      // A correction made on a form read before someone else's save is refused, not written over it.
      expectWritten(
        await tx.nameLexiconEntry.updateMany(versioned(id, (input as LexiconEntryEdit).version, { ...data, origin: "ADMIN", updatedById: actor.userId })),
      );
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "NameLexiconEntry",
        entityId: id,
        before: { kind: before.kind, nominative: before.nominative, gender: before.gender, genitive: before.genitive, dative: before.dative },
        after: data,
      });
      return { kind: "saved" as const, id };
    })
    .catch((error: unknown) => {
      if (isStaleWrite(error)) return { kind: "conflict" as const, message: STALE_MESSAGE };
      throw error;
    });
}

export async function deleteLexiconEntry(id: string, actor: { userId: string }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const before = await tx.nameLexiconEntry.findUnique({ where: { id } });
    if (!before) return false;
    await tx.nameLexiconEntry.delete({ where: { id } });
    await recordAudit(tx, { userId: actor.userId, action: "DELETE", entityType: "NameLexiconEntry", entityId: id, before: entryOf(before) });
    return true;
  });
}

/**
 * Keeps what a confirmation taught (inside the candidate's transaction): a new word is added, a
 * known one takes the confirmed forms. The candidate's audit event lists the words.
 */
export async function learnFromConfirmation(tx: Tx, lessons: LexiconEntry[], source: { candidateId: string; userId: string | null }) {
  for (const l of lessons) {
    const data = { kind: l.kind, nominative: l.nominative, key: lexiconKeyOf(l.nominative), gender: l.gender ?? "", genitive: l.genitive, dative: l.dative };
    await tx.nameLexiconEntry.upsert({
      where: { kind_key_gender: { kind: data.kind, key: data.key, gender: data.gender } },
      create: { ...data, origin: "CONFIRMED", candidateId: source.candidateId, updatedById: source.userId },
      update: {
        genitive: data.genitive,
        dative: data.dative,
        nominative: data.nominative,
        origin: "CONFIRMED",
        candidateId: source.candidateId,
        updatedById: source.userId,
      },
    });
  }
}

/** The lexicon as CSV rows (the same columns the seed file has). */
export async function lexiconCsvRows(): Promise<string[][]> {
  const rows = await db().nameLexiconEntry.findMany({ orderBy: [{ kind: "asc" }, { key: "asc" }, { gender: "asc" }] });
  return rows.map((r) => [r.kind, r.nominative, r.gender, r.genitive, r.dative]);
}

/** Entries of a CSV file in the export's format; rows that do not fit are skipped. */
export function readLexiconCsv(text: string): LexiconEntry[] {
  const records: Record<string, string>[] = parse(text, { columns: true, delimiter: ";", bom: true, skip_empty_lines: true, trim: true });
  return records
    .filter((r) => (LEXICON_KINDS as readonly string[]).includes(r.rodzaj ?? "") && r.mianownik && r.dopelniacz && r.celownik)
    .filter((r) => !r.rodzaj_gramatyczny || (LEXICON_GENDERS as readonly string[]).includes(r.rodzaj_gramatyczny))
    .map((r) => entryOf({ kind: r.rodzaj!, nominative: r.mianownik!, gender: r.rodzaj_gramatyczny ?? "", genitive: r.dopelniacz!, dative: r.celownik! }));
}

/** Seeds the lexicon from a CSV text: inserts the words it does not have, never touches what people confirmed or edited. */
export async function seedLexicon(text: string, tx: Tx = db()): Promise<number> {
  let created = 0;
  for (const e of readLexiconCsv(text)) {
    const where = { kind_key_gender: { kind: e.kind, key: lexiconKeyOf(e.nominative), gender: e.gender ?? "" } };
    if (await tx.nameLexiconEntry.findUnique({ where })) continue;
    await tx.nameLexiconEntry.create({ data: { ...where.kind_key_gender, nominative: e.nominative, genitive: e.genitive, dative: e.dative, origin: "SEED" } });
    created++;
  }
  return created;
}

// Candidates: one person or organisation across all their nominations and honours.
import { lessonsFromConfirmation, suggestNameForms, type NameFormsInput } from "#app/domain/name-forms";
import type { CandidateInput, EditCandidateInput } from "#app/domain/nomination-form";
import { displayNameOf, foldedNameOf, looksLikeSameCandidate, sortNameOf } from "#app/domain/candidate";
import { EMPTY_LEXICON, type NameLexicon } from "#app/domain/name-lexicon";
import { foldText } from "#app/domain/search-text";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { learnFromConfirmation, loadLexicon } from "./name-lexicon.server";
import * as clock from "#app/domain/clock";
import { type Actor } from "./write.server";

export async function getCandidate(id: string) {
  return db().candidate.findUnique({
    where: { id },
    include: {
      nominations: {
        orderBy: { receivedDate: "desc" },
        select: { id: true, honour: true, requestedClass: true, status: true, receivedDate: true, caseReference: true },
      },
      conferrals: {
        orderBy: { conferredOn: "desc" },
        include: { resolution: { select: { number: true, adoptedOn: true } }, ordinance: { select: { number: true, issuedOn: true } } },
      },
    },
  });
}

const namesOf = (c: CandidateInput): NameFormsInput => ({
  kind: c.candidateKind,
  givenNames: c.givenNames,
  surname: c.surname,
  organizationName: c.organizationName,
  gender: c.grammaticalGender ?? null,
});

export type CandidateUpdateResult = { kind: "updated" } | { kind: "not-found" } | { kind: "conflict"; changedFields: string[] };

const EDITABLE = [
  "kind",
  "givenNames",
  "surname",
  "organizationName",
  "shortName",
  "grammaticalGender",
  "birthYear",
  "birthDate",
  "deceased",
  "title",
  "city",
  "nameNominative",
  "nameGenitive",
  "nameDative",
  "addressDative",
  "appositionDative",
] as const;

function pick(source: Record<string, unknown>) {
  return Object.fromEntries(EDITABLE.map((k) => [k, source[k] ?? null]));
}

export async function updateCandidate(id: string, input: EditCandidateInput, actor: Actor): Promise<CandidateUpdateResult> {
  return db().$transaction(async (tx) => {
    const current = await tx.candidate.findUnique({ where: { id }, include: { nominations: { include: { nominators: true } } } });
    if (!current) return { kind: "not-found" as const };
    const lexicon = await loadLexicon(tx);
    const suggested = candidateData(input.candidate, lexicon);
    // Forms other than the suggestion are a person's; the re-suggestion after an import never touches them.
    const typedByPerson = input.nameGenitive !== suggested.nameGenitive || input.nameDative !== suggested.nameDative;
    const data = {
      ...suggested,
      nameNominative: input.nameNominative,
      nameGenitive: input.nameGenitive,
      nameDative: input.nameDative,
      addressDative: input.addressDative,
      appositionDative: input.appositionDative,
      nameFormsSource: typedByPerson ? "person" : suggested.nameFormsSource,
    };
    const diff = changedFields(pick(current), pick(data));
    if (current.version !== input.version) return { kind: "conflict" as const, changedFields: diff.changed };

    // A confirmation holds only for the forms it saw: changing a form (or the name) drops it.
    const formsChanged = diff.changed.some((f) =>
      ["nameNominative", "nameGenitive", "nameDative", "addressDative", "givenNames", "surname", "organizationName"].includes(f),
    );
    const confirmation = input.confirmNameForms
      ? { nameFormsConfirmedAt: clock.now(), nameFormsConfirmedById: actor.userId }
      : formsChanged
        ? { nameFormsConfirmedAt: null, nameFormsConfirmedById: null }
        : {};
    const written = await tx.candidate.updateMany({
      where: { id, version: input.version },
      data: { ...data, ...confirmation, version: { increment: 1 } },
    });
    if (written.count === 0) return { kind: "conflict" as const, changedFields: diff.changed };

    // A confirmation teaches the lexicon the words whose forms the person corrected (or the rules only guessed).
    const lessons = input.confirmNameForms
      ? lessonsFromConfirmation(namesOf(input.candidate), suggestNameForms(namesOf(input.candidate), lexicon), {
          genitive: data.nameGenitive,
          dative: data.nameDative,
        })
      : [];
    await learnFromConfirmation(tx, lessons, { candidateId: id, userId: actor.userId });

    for (const n of current.nominations) {
      await tx.nomination.update({
        where: { id: n.id },
        data: { sortName: data.sortName, searchText: searchTextOf(data.foldedName, data.shortName, n.nominators) },
      });
    }
    if (diff.changed.length > 0 || input.confirmNameForms) {
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Candidate",
        entityId: id,
        before: diff.before,
        after: {
          ...diff.after,
          ...(input.confirmNameForms ? { nameFormsConfirmed: true } : {}),
          ...(lessons.length ? { learnedWords: lessons.map((l) => `${l.nominative}: ${l.genitive}, ${l.dative}`) } : {}),
        },
      });
    }
    return { kind: "updated" as const };
  });
}

/** The suggestion for the candidate's current names, with the lexicon people confirmed, for its edit page. */
export async function nameFormsSuggestionFor(c: {
  kind: string;
  givenNames: string;
  surname: string;
  organizationName: string;
  grammaticalGender: string | null;
}) {
  const lexicon = await loadLexicon();
  return suggestNameForms(
    {
      kind: c.kind as CandidateInput["candidateKind"],
      givenNames: c.givenNames,
      surname: c.surname,
      organizationName: c.organizationName,
      gender: (c.grammaticalGender as CandidateInput["grammaticalGender"]) ?? null,
    },
    lexicon,
  );
}

const IN_CHUNK = 900;

/**
 * Suggests the name forms again, with the current rules and lexicon, for candidates whose forms
 * nobody confirmed and nobody typed: a confirmed form, or one a person wrote (nameFormsSource
 * "person", or for records older than that column an audited edit of the forms), is never touched.
 * Used by the import (for the register's candidates a file names) and by `npm run names:resuggest`.
 */
export async function resuggestNameForms(tx: Tx, candidateIds: string[] | "all"): Promise<number> {
  const lexicon = await loadLexicon(tx);
  const where = { nameFormsConfirmedAt: null, anonymizedAt: null, OR: [{ nameFormsSource: null }, { nameFormsSource: { not: "person" } }] };
  const select = {
    id: true,
    kind: true,
    givenNames: true,
    surname: true,
    organizationName: true,
    grammaticalGender: true,
    nameGenitive: true,
    nameDative: true,
    nameFormsSource: true,
  } as const;
  const rows =
    candidateIds === "all"
      ? await tx.candidate.findMany({ where, select })
      : (await Promise.all(chunked(candidateIds).map((ids) => tx.candidate.findMany({ where: { ...where, id: { in: ids } }, select })))).flat();
  const legacy = rows.filter((r) => r.nameFormsSource === null).map((r) => r.id);
  const edited = new Set<string>();
  for (const ids of chunked(legacy)) {
    const events = await tx.auditEvent.findMany({
      where: {
        entityType: "Candidate",
        action: "UPDATE",
        entityId: { in: ids },
        OR: [{ after: { contains: '"nameGenitive"' } }, { after: { contains: '"nameDative"' } }],
      },
      select: { entityId: true },
    });
    for (const e of events) edited.add(e.entityId);
  }
  let changed = 0;
  for (const r of rows) {
    if (edited.has(r.id)) continue;
    const s = suggestNameForms(
      {
        kind: r.kind as CandidateInput["candidateKind"],
        givenNames: r.givenNames,
        surname: r.surname,
        organizationName: r.organizationName,
        gender: (r.grammaticalGender as CandidateInput["grammaticalGender"]) ?? null,
      },
      lexicon,
    );
    if (s.genitive === r.nameGenitive && s.dative === r.nameDative && s.source === r.nameFormsSource) continue;
    await tx.candidate.update({
      where: { id: r.id },
      data: { nameGenitive: s.genitive, nameDative: s.dative, nameFormsSource: s.source, version: { increment: 1 } },
    });
    changed++;
  }
  return changed;
}

function chunked<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

// ---------------------------------------------------------------- the form's columns and possible duplicates

/** A candidate's columns from the form; the name forms are suggested with the lexicon people confirmed. */
export function candidateData(c: CandidateInput, lexicon: NameLexicon = EMPTY_LEXICON) {
  const names = { kind: c.candidateKind, givenNames: c.givenNames, surname: c.surname, organizationName: c.organizationName };
  const person = c.candidateKind === "PERSON";
  const suggested = suggestNameForms({ ...names, gender: c.grammaticalGender ?? null }, lexicon);
  return {
    kind: c.candidateKind,
    givenNames: person ? c.givenNames : "",
    surname: person ? c.surname : "",
    organizationName: person ? "" : c.organizationName,
    shortName: person ? "" : c.shortName,
    grammaticalGender: person ? (c.grammaticalGender ?? null) : null,
    birthYear: person ? (c.birthYear ?? (c.birthDate ? Number(c.birthDate.slice(0, 4)) : null)) : null,
    birthDate: person ? (c.birthDate ?? null) : null,
    deceased: person ? c.deceased : false,
    title: person ? c.title : "",
    city: c.city,
    nameNominative: displayNameOf(names),
    // Suggestions only: documents need a person to confirm them on the candidate's page.
    nameGenitive: suggested.genitive,
    nameDative: suggested.dative,
    nameFormsSource: suggested.source as string | null,
    displayName: displayNameOf(names),
    sortName: sortNameOf(names),
    foldedName: foldedNameOf(names),
  };
}

export type PossibleDuplicate = {
  id: string;
  displayName: string;
  birthYear: number | null;
  city: string;
  nominationCount: number;
};

export async function findPossibleDuplicates(tx: Tx, c: CandidateInput): Promise<PossibleDuplicate[]> {
  const data = candidateData(c);
  const sameName = await tx.candidate.findMany({
    where: { foldedName: data.foldedName, kind: data.kind, anonymizedAt: null },
    select: { id: true, displayName: true, birthYear: true, city: true, foldedName: true, kind: true, _count: { select: { nominations: true } } },
    take: 20,
  });
  return sameName
    .filter((e) =>
      looksLikeSameCandidate(
        { foldedName: data.foldedName, birthYear: data.birthYear, kind: data.kind },
        { foldedName: e.foldedName, birthYear: e.birthYear, kind: e.kind as CandidateInput["candidateKind"] },
      ),
    )
    .map((e) => ({ id: e.id, displayName: e.displayName, birthYear: e.birthYear, city: e.city, nominationCount: e._count.nominations }));
}

export function searchTextOf(candidateFolded: string, shortName: string, nominators: { name: string }[]) {
  return [candidateFolded, foldText(shortName), ...nominators.map((n) => foldText(n.name))].filter(Boolean).join(" | ");
}

// Candidates: the names a person or an organisation is listed, sorted and searched by.
import { foldText } from "./search-text";
import type { CandidateKind } from "./honours";

export type CandidateNameInput = {
  kind: CandidateKind;
  givenNames: string;
  surname: string;
  organizationName: string;
};

export function displayNameOf(c: CandidateNameInput): string {
  if (c.kind === "ORGANIZATION") return c.organizationName.trim();
  return `${c.givenNames.trim()} ${c.surname.trim()}`.trim();
}

/** Persons sort by surname, organisations by name. */
export function sortNameOf(c: CandidateNameInput): string {
  if (c.kind === "ORGANIZATION") return foldText(c.organizationName);
  return foldText(`${c.surname} ${c.givenNames}`);
}

export function foldedNameOf(c: CandidateNameInput): string {
  return foldText(displayNameOf(c));
}

export type DuplicateProbe = { foldedName: string; birthYear: number | null; kind: CandidateKind };
export type ExistingCandidate = { foldedName: string; birthYear: number | null; kind: CandidateKind };

/**
 * Two candidates look like the same one when their folded names are equal and, for persons,
 * the birth years do not contradict each other (an unknown year does not rule a match out).
 */
export function looksLikeSameCandidate(probe: DuplicateProbe, existing: ExistingCandidate): boolean {
  if (probe.kind !== existing.kind || probe.foldedName !== existing.foldedName) return false;
  if (probe.kind === "ORGANIZATION") return true;
  return probe.birthYear === null || existing.birthYear === null || probe.birthYear === existing.birthYear;
}

// Forms of address in the dative („Panu”, „Pani Profesor”, „Księdzu Kardynałowi”), printed before
// the honoree's name in resolutions, diplomas and letters. Suggested from the grammatical gender
// and the academic or church title; a person confirms or corrects it with the name forms, and the
// confirmed form is stored on the candidate (Candidate.addressDative).
import type { CandidateKind, Gender } from "./honours";

export type AddressInput = { kind: CandidateKind; gender: Gender | null; title: string };

/** Church titles, most senior first: the first one found in the title wins. */
const CHURCH: { pattern: RegExp; masculine: string }[] = [
  { pattern: /\bkard(\.|ynał)/i, masculine: "Księdzu Kardynałowi" },
  { pattern: /\babp\b|arcybisk/i, masculine: "Księdzu Arcybiskupowi" },
  { pattern: /\bbp\b|biskup/i, masculine: "Księdzu Biskupowi" },
  { pattern: /\bprał(\.|at)/i, masculine: "Księdzu Prałatowi" },
  { pattern: /\bkan(\.|onik)/i, masculine: "Księdzu Kanonikowi" },
  { pattern: /\bks\.|ksiądz/i, masculine: "Księdzu" },
  { pattern: /(^|\s)o\.|ojciec/i, masculine: "Ojcu" },
];

/** Academic titles, highest first. */
const ACADEMIC: { pattern: RegExp; masculine: string; feminine: string }[] = [
  { pattern: /\bprof(\.|esor)/i, masculine: "Profesorowi", feminine: "Pani Profesor" },
  { pattern: /\bdr\b|doktor/i, masculine: "Panu Doktorowi", feminine: "Pani Doktor" },
];

/**
 * The suggested form of address in the dative: "" for an organisation (its name stands alone),
 * a church title before an academic one („ks. prof.” → „Księdzu Profesorowi”), then „Panu” /
 * „Pani”. A man with a professorship is „Profesorowi” (as in „Profesorowi Krzysztofowi
 * Pendereckiemu”), a woman „Pani Profesor”.
 */
export function suggestAddressDative(c: AddressInput): string {
  if (c.kind === "ORGANIZATION") return "";
  const feminine = c.gender === "FEMININE";
  const title = c.title.trim();
  const academic = ACADEMIC.find((a) => a.pattern.test(title));
  if (!feminine) {
    const church = CHURCH.find((ch) => ch.pattern.test(title));
    if (church?.masculine === "Księdzu" && academic) return `Księdzu ${academic.masculine.replace(/^Panu /, "")}`;
    if (church) return church.masculine;
  } else if (/\bs\.|siostr/i.test(title)) {
    return "Siostrze";
  }
  if (academic) return feminine ? academic.feminine : academic.masculine;
  return feminine ? "Pani" : "Panu";
}

/** The form of address a document prints: the confirmed one, else the suggestion. */
export function addressDativeOf(c: AddressInput & { addressDative: string | null }): string {
  return c.addressDative ?? suggestAddressDative(c);
}

/**
 * The honoree in the dative as a document names them: „Profesorowi Krzysztofowi Pendereckiemu”,
 * „Okręgowej Izbie Lekarskiej w Krakowie”; `apposition` (dative phrases after the name, as the
 * BIP writes „mężowi stanu, Premierowi Rządu RP”) follows after a comma.
 */
export function dativeFull(address: string, nameDative: string, apposition = ""): string {
  const named = [address.trim(), nameDative.trim()].filter(Boolean).join(" ");
  return apposition.trim() ? `${named}, ${apposition.trim()}` : named;
}

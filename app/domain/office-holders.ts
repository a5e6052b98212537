// Who holds an office, as the documents name them: the Mayor and the Council Chair are signatories
// with dated periods (app/domain/settings.ts), and their gender decides the wording
// („Przewodnicząca Rady”, „wystąpienie Przewodniczącej Rady”, „nadała”). The signatory record
// has no gender of its own: its title line says it for the Chair („Przewodnicząca …”), and the
// first given name (the register's own rule, inferGender) for the Mayor, whose title is the
// same for a woman.
import type { Gender } from "./honours";
import { inferGender } from "./person-declension";

export type OfficeHolder = { fullName: string; titleLine: string };

/** The office holder's gender: from a gendered title line, else from the first given name. */
export function officeHolderGender(holder: OfficeHolder): Gender {
  const title = holder.titleLine.trim().toLocaleLowerCase("pl");
  if (/^przewodnicząca\b/.test(title)) return "FEMININE";
  if (/^przewodniczący\b/.test(title)) return "MASCULINE";
  const [given = "", ...rest] = holder.fullName.trim().split(/\s+/);
  return inferGender(given, rest.at(-1) ?? "").gender;
}

/** The Council Chair in the nominative and genitive, for a man or a woman (unknown: a man). */
export function councilChairTitle(holder: OfficeHolder | null): { nominative: string; genitive: string } {
  return holder && officeHolderGender(holder) === "FEMININE"
    ? { nominative: "Przewodnicząca Rady Miasta Krakowa", genitive: "Przewodniczącej Rady Miasta Krakowa" }
    : { nominative: "Przewodniczący Rady Miasta Krakowa", genitive: "Przewodniczącego Rady Miasta Krakowa" };
}

/** The Mayor in the nominative and genitive: „Prezydent” for both, „Prezydenta” only for a man. */
export function mayorTitle(holder: OfficeHolder | null): { nominative: string; genitive: string } {
  return holder && officeHolderGender(holder) === "FEMININE"
    ? { nominative: "Prezydent Miasta Krakowa", genitive: "Prezydent Miasta Krakowa" }
    : { nominative: "Prezydent Miasta Krakowa", genitive: "Prezydenta Miasta Krakowa" };
}

/** A past-tense verb for what the office holder did: „nadał” / „nadała”. */
export function pastVerb(holder: OfficeHolder | null, masculine: string, feminine: string): string {
  return holder && officeHolderGender(holder) === "FEMININE" ? feminine : masculine;
}

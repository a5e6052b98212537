// The right of access (RODO art. 15): the file name and headers of a candidate's data export.
import { foldText } from "./search-text";

export const EXPORT_FORMAT = "merenti-dane-osobowe/1";

/** A note carried in every export: the file also names third persons (nominators, applicants). */
export const EXPORT_NOTE =
  "Plik zawiera wszystkie dane o kandydacie przechowywane w rejestrze Merenti, w tym dane osób trzecich " +
  "(wnioskodawców). Przed przekazaniem go osobie, której dane dotyczą, oceń, czy ujawnienie danych osób trzecich " +
  "nie narusza ich praw (art. 15 ust. 4 RODO).";

/** "dane-osobowe-<name>-<date>.json" twice: ASCII only (folded, dashes) and in UTF-8 as written. */
export function exportFileNames(displayName: string, isoDate: string): { ascii: string; utf8: string } {
  const slug =
    foldText(displayName)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "kandydat";
  // Characters no file system or header likes, and control characters, become dashes.
  const readable =
    displayName
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"\\/:*?<>|;]+/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80) || "kandydat";
  return { ascii: `dane-osobowe-${slug}-${isoDate}.json`, utf8: `dane-osobowe-${readable}-${isoDate}.json` };
}

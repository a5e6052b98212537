// Folding names for search and duplicate checks: case- and diacritics-insensitive, so that
// "zolkiewski" finds "Żółkiewski" and "rajcic" finds "Rajčić".

// Letters that Unicode does not decompose into a base letter plus a combining mark.
const UNDECOMPOSABLE: Record<string, string> = {
  ł: "l",
  đ: "d",
  ð: "d",
  ø: "o",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
};

const COMBINING_MARKS = /\p{M}+/gu;
const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join("")}]`, "g");

/** Lower-case, strip diacritics, collapse whitespace. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .replace(/\s+/g, " ")
    .trim();
}

/** Escape LIKE wildcards so user input matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

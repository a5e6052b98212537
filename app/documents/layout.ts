// The page and type sizes of a Council print, shared by the PDF and the DOCX renderer so both
// outputs look alike. Lengths in PostScript points (1/72 in) unless the name says otherwise.

export const MM = 72 / 25.4;

/** A4 in points, portrait (landscape swaps them). */
export const A4 = { width: 595.28, height: 841.89 };

export const LAYOUT = {
  margin: 25 * MM,
  /** Body text size and line spacing (a multiple of the font's natural line height, as Word's "1,15"). */
  bodySize: 12,
  lineSpacing: 1.15,
  headerSize: 10,
  titleSize: 13,
  footerSize: 9,
  /** Space after a paragraph, a list point, the header and the title; before a section and the signature. */
  paragraphAfter: 6,
  listItemAfter: 2,
  headerAfter: 12,
  titleBefore: 6,
  titleAfter: 12,
  sectionBefore: 6,
  signatureBefore: 24,
  /** How far list text stands from the list's left edge (the marker "1)" hangs in that space). */
  listIndent: 7 * MM,
} as const;

/** "Strona 2 z 3": printed at the foot of each page of a document longer than one page. */
export function pageNumberText(page: number, pages: number): string {
  return `Strona ${page} z ${pages}`;
}

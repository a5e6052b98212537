// Which characters of a text the document font cannot print. A missing glyph prints as an empty
// box (or nothing) in the PDF, so callers refuse to print a name with one instead of misspelling it.
import type { Document } from "./blocks";
import { documentText } from "./blocks";
import { FACES, parsedFont as font, type Face } from "./fonts.server";

/** Line breaks and tabs are layout, not printed characters. */
const LAYOUT = new Set(["\n", "\r", "\t"]);

/**
 * The distinct characters of `text` (after Unicode NFC, as documents print it) that one of
 * `faces` (default: all four) lacks, in order of first appearance. Empty when all can be printed.
 */
export function missingGlyphs(text: string, faces: readonly Face[] = FACES): string[] {
  const missing = new Set<string>();
  const normalized = text.normalize("NFC");
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    // The common case without making a string per character: a letter all four faces have.
    if (faces === FACES && coveredByAll[code] === 1) continue;
    const ch = String.fromCodePoint(normalized.codePointAt(i)!);
    if (ch.length === 2) i++;
    if (LAYOUT.has(ch) || missing.has(ch)) continue;
    if (faces.some((face) => !hasGlyph(face, ch))) missing.add(ch);
    else if (faces === FACES && ch.length === 1) coveredByAll[code] = 1;
  }
  return [...missing];
}

// The answers per face and character, kept for the process: a batch of 300 diplomas asks about
// the same few dozen letters thousands of times, and each cmap lookup costs.
const coverage = new Map<Face, Map<string, boolean>>(FACES.map((face) => [face, new Map()]));
/** Per UTF-16 code unit outside the surrogates: 1 when all four faces have it (0: not known yet). */
const coveredByAll = new Uint8Array(0x10000);
function hasGlyph(face: Face, ch: string): boolean {
  const known = coverage.get(face)!;
  let has = known.get(ch);
  if (has === undefined) {
    has = font(face).hasGlyphForCodePoint(ch.codePointAt(0)!);
    known.set(ch, has);
  }
  return has;
}

/** Every character of a document the font lacks. */
export function documentMissingGlyphs(doc: Document): string[] {
  return missingGlyphs(documentText(doc).join("\n"));
}

/** "漢 (U+6F22)", for messages naming the characters that cannot be printed. */
export function describeCharacter(ch: string): string {
  return `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

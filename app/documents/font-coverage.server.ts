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
  const seen = new Set<string>();
  for (const ch of text.normalize("NFC")) {
    if (LAYOUT.has(ch) || seen.has(ch)) continue;
    seen.add(ch);
    if (faces.some((face) => !hasGlyph(face, ch))) missing.add(ch);
  }
  return [...missing];
}

// The answers per face and character, kept for the process: a batch of 300 diplomas asks about
// the same few dozen letters thousands of times, and each cmap lookup costs.
const coverage = new Map<Face, Map<string, boolean>>(FACES.map((face) => [face, new Map()]));
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

// The part of fontkit (pdfkit's font engine, installed with pdfkit) the font coverage check and the
// PDF writer use; fontkit ships no types.
declare module "fontkit" {
  export interface Font {
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
    /** fontkit's glyph cache (glyph id → glyph object); see fonts.server.ts on why it is cleared. */
    _glyphs: Record<number, unknown>;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

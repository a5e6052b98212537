// The part of fontkit (pdfkit's font engine, installed with pdfkit) the font coverage check uses;
// fontkit ships no types.
declare module "fontkit" {
  export interface Font {
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

// The PDF renderer measures a word followed by a space together with the space, minus the space
// (app/documents/pdf.server.ts, PdfWriter.words): exact only while the font neither kerns nor
// substitutes against a space. This checks that for every letter of the four faces.
import { describe, expect, test } from "vitest";
import { FACES, parsedFont } from "#app/documents/fonts.server";

/** The parts of a fontkit font this test reads (app/documents/fontkit.d.ts declares fewer). */
type ShapingFont = { characterSet: number[]; layout(text: string): { advanceWidth: number; glyphs: { id: number }[] } };

describe("EB Garamond and the space", () => {
  test.each(FACES)("%s: a word shapes the same with a space after it", (face) => {
    const font = parsedFont(face) as unknown as ShapingFont;
    const space = font.layout(" ").advanceWidth;
    const letters = font.characterSet.filter((cp) => cp > 0x20 && !(cp >= 0x7f && cp < 0xa1)).map((cp) => String.fromCodePoint(cp));
    expect(letters.length).toBeGreaterThan(200);
    for (const word of [...letters, ...letters.map((l) => `a${l}`), "Żak", "„Cracoviae", "Merenti”;", "r.", "XCIX/9999/26"]) {
      const alone = font.layout(word);
      const spaced = font.layout(`${word} `);
      expect(spaced.advanceWidth, JSON.stringify(word)).toBe(alone.advanceWidth + space);
      expect(
        spaced.glyphs.slice(0, -1).map((g) => g.id),
        JSON.stringify(word),
      ).toEqual(alone.glyphs.map((g) => g.id));
    }
  });
});

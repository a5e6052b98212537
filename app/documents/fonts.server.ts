// The document font, EB Garamond (SIL Open Font License, package @expo-google-fonts/eb-garamond):
// it has the Polish letters and the other Latin ones foreign names bring (č ř š ž ő ű ğ ø …),
// „ ” – §. Each file is read and parsed once per process.
//
// fontkit caches glyph objects inside a font object, each with the characters it was first laid
// out from, and pdfkit writes a document's text layer (ToUnicode) from them. A font object reused
// across documents as it is therefore corrupts the text layer of later documents: after a document
// with "Rajčić", a later "Kościuszko" extracts as "Koś iuszko" (fontkit issue #154; reproduced with
// pdfkit 0.20 / fontkit 2.0). So a document takes its fonts from fontForDocument, which clears
// that cache: parsing a face anew for every document would cost ~10 ms each.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

export const FONT_FAMILY = "EB Garamond";

export const FACES = ["regular", "bold", "italic", "boldItalic"] as const;
export type Face = (typeof FACES)[number];

const FILES: Record<Face, string> = {
  regular: "@expo-google-fonts/eb-garamond/400Regular/EBGaramond_400Regular.ttf",
  bold: "@expo-google-fonts/eb-garamond/700Bold/EBGaramond_700Bold.ttf",
  italic: "@expo-google-fonts/eb-garamond/400Regular_Italic/EBGaramond_400Regular_Italic.ttf",
  boldItalic: "@expo-google-fonts/eb-garamond/700Bold_Italic/EBGaramond_700Bold_Italic.ttf",
};

export function faceOf(style: { bold: boolean; italic: boolean }): Face {
  if (style.bold) return style.italic ? "boldItalic" : "bold";
  return style.italic ? "italic" : "regular";
}

const require = createRequire(import.meta.url);
const cache = new Map<Face, Buffer>();

/** The TTF file of a face, read on first use and kept for the life of the process. */
export function fontFile(face: Face): Buffer {
  let buffer = cache.get(face);
  if (!buffer) {
    buffer = readFileSync(require.resolve(FILES[face]));
    cache.set(face, buffer);
  }
  return buffer;
}

const parsed = new Map<Face, Font>();

/** The face parsed once per process (its character map and metrics). */
export function parsedFont(face: Face): Font {
  let font = parsed.get(face);
  if (!font) {
    font = create(fontFile(face));
    parsed.set(face, font);
  }
  return font;
}

/**
 * The parsed face for one new document, its glyph cache cleared (see the note above). Documents
 * are written synchronously, one at a time, so no two documents share the cache at once.
 */
export function fontForDocument(face: Face): Font {
  const font = parsedFont(face);
  font._glyphs = {};
  return font;
}

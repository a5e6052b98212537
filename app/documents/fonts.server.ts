// The document font, EB Garamond (SIL Open Font License, package @expo-google-fonts/eb-garamond):
// it has the Polish letters and the other Latin ones foreign names bring (č ř š ž ő ű ğ ø …),
// „ ” – §. Each file is read once per process; the Buffer is shared, never a parsed font object
// (see pdf.server.ts on why).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

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

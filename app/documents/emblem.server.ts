// The city's emblem (herb) above a diploma's heading: a PNG or an SVG the office uploads (the
// crest is the city's protected mark and does not ship with the app). A file is checked by its
// content, not its name or declared type, and by drawing it once into a scratch PDF, so what
// the settings accept is what a diploma can print.
//
// PNG: pdfkit embeds it (an alpha channel becomes a soft mask, allowed in PDF/A-2). SVG: drawn as
// vector paths by svg-to-pdfkit; nothing outside the file is ever read (no linked images, fonts
// or documents), and text is refused, since its fonts would not be embedded (PDF/A).
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";

export type EmblemType = "image/png" | "image/svg+xml";
export type Emblem = { mediaType: EmblemType; data: Uint8Array };

/** The largest file accepted: a crest at print resolution is far smaller. */
export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the bytes are: a PNG by its signature, an SVG by its root element; null for anything else. */
export function emblemTypeOf(data: Uint8Array): EmblemType | null {
  if (PNG_SIGNATURE.every((b, i) => data[i] === b)) return "image/png";
  const head = Buffer.from(data.subarray(0, 4096))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  // An XML declaration, comments and a doctype may come before the root element.
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z][\w:.-]*)/.exec(head);
  return root && root[1]!.replace(/^.*:/, "") === "svg" ? "image/svg+xml" : null;
}

/** SVG content a diploma will not draw: scripts, embedded HTML, text, linked or embedded images, entities. */
const SVG_REFUSED = /<\s*(?:[\w-]+:)?(script|foreignObject|text|image)\b|<!ENTITY|(?:xlink:)?href\s*=\s*["'](?!#)/i;

/** Why a file cannot be the emblem (a Polish message for the form), or null when it can. */
export function emblemProblem(data: Uint8Array): string | null {
  if (data.byteLength === 0) return "Wybierz plik z herbem (PNG albo SVG).";
  if (data.byteLength > EMBLEM_MAX_BYTES) {
    return `Plik herbu może mieć najwyżej ${EMBLEM_MAX_BYTES / 1024 / 1024} MB; ten ma ${(data.byteLength / 1024 / 1024).toFixed(1).replace(".", ",")} MB.`;
  }
  const mediaType = emblemTypeOf(data);
  if (!mediaType) return "Herb musi być obrazem PNG albo SVG: ten plik nie jest ani jednym, ani drugim (sprawdzamy zawartość pliku, nie jego nazwę).";
  if (mediaType === "image/svg+xml" && SVG_REFUSED.test(Buffer.from(data).toString("utf8"))) {
    return "Plik SVG zawiera tekst, skrypt, obraz albo odwołanie do innego pliku, których dyplom nie wydrukuje: zapisz herb jako same kształty (tekst zamieniony na krzywe) albo jako PNG.";
  }
  try {
    const warnings = trialDraw({ mediaType, data });
    if (warnings.length) return "Pliku SVG nie da się poprawnie narysować: zapisz herb ponownie (np. jako zwykły SVG) albo jako PNG.";
  } catch {
    return mediaType === "image/png"
      ? "Pliku PNG nie da się odczytać: jest uszkodzony albo niepełny."
      : "Pliku SVG nie da się odczytać: jest uszkodzony albo nie jest poprawnym SVG.";
  }
  return null;
}

/** Draws the emblem into a throw-away PDF; returns what svg-to-pdfkit warned about. */
function trialDraw(emblem: Emblem): string[] {
  const doc = new PDFDocument({ autoFirstPage: true });
  const warnings: string[] = [];
  drawEmblem(doc, emblem, 0, 0, 100, 100, (w) => warnings.push(w));
  return warnings;
}

/** The PNG opened once per PDF: a batch of 300 diplomas embeds the image once and refers to it. */
const opened = new WeakMap<PDFKit.PDFDocument, Map<Uint8Array, Buffer>>();
/** pdfkit's openImage (not in its type definitions): an image object `image` accepts in place of a file. */
type WithOpenImage = { openImage(src: Buffer): Buffer };

/** Draws the emblem centred in the box (x, y, width, height), scaled to fit, its top at y. */
export function drawEmblem(
  doc: PDFKit.PDFDocument,
  emblem: Emblem,
  x: number,
  y: number,
  width: number,
  height: number,
  warn: (warning: string) => void = () => {},
): void {
  if (emblem.mediaType === "image/png") {
    let images = opened.get(doc);
    if (!images) opened.set(doc, (images = new Map()));
    let image = images.get(emblem.data);
    if (!image) images.set(emblem.data, (image = (doc as unknown as WithOpenImage).openImage(Buffer.from(emblem.data))));
    doc.image(image, x, y, { fit: [width, height], align: "center" });
    return;
  }
  SVGtoPDF(doc, Buffer.from(emblem.data).toString("utf8"), x, y, {
    width,
    height,
    preserveAspectRatio: "xMidYMin meet",
    // Nothing from outside the file: no linked image (pdfkit would read a path from the disk), no document.
    imageCallback: () => "",
    documentCallback: () => [],
    fontCallback: () => "regular",
    warningCallback: warn,
  });
}

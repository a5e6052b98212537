// A QR code as rectangles of dark modules: what the diploma's PDF draws (vector, sharp at any
// printer resolution) and what an HTML rendering of it can draw.
//
// The encoding is fixed instead of searched for, because a batch of 300 diplomas spent most of
// its QR time choosing: one byte-mode segment (a registry address is byte mode anyway; this skips
// the segment optimiser's graph search) and mask pattern 2 (the qrcode package otherwise scores
// all 8 masks per code; pattern 2 scores best for ~80 % of registry addresses, and any mask is
// valid for every reader, since the mask in use is written in the code's format bits).
import QRCode from "qrcode";

/** In modules, from the code's top left corner. */
export type QrRect = { x: number; y: number; w: number; h: number };

/** Error correction level M, mask pattern 2. */
export const QR_OPTIONS = { errorCorrectionLevel: "M", maskPattern: 2 } as const;

/** The code of `text` as the diplomas print it: one byte-mode segment, QR_OPTIONS. */
export function qrCode(text: string) {
  // A Buffer, not a plain Uint8Array: the library tests the segment's data against its mode
  // patterns as a string, and a Buffer's string is its text, a Uint8Array's a list of numbers
  // (a quarter of a batch's QR time went on making and testing those).
  return QRCode.create([{ data: Buffer.from(text, "utf8"), mode: "byte" }], QR_OPTIONS);
}

/**
 * The code's size in modules and its dark modules as rectangles covering them exactly, without
 * overlaps: each row's runs of dark modules, a run that repeats a run of the row above (same
 * columns) extending that one's rectangle down; about a third fewer rectangles than runs.
 */
export function qrRects(text: string): { size: number; rects: QrRect[] } {
  const { modules } = qrCode(text);
  const size = modules.size;
  const data = modules.data;
  const rects: QrRect[] = [];
  // The rectangles that reach the row above, left to right.
  let above: QrRect[] = [];
  for (let row = 0; row < size; row++) {
    const base = row * size;
    const reaching: QrRect[] = [];
    let k = 0;
    let col = 0;
    while (col < size) {
      if (!data[base + col]) {
        col++;
        continue;
      }
      const from = col;
      while (col < size && data[base + col]) col++;
      while (k < above.length && above[k]!.x < from) k++;
      const over = above[k];
      if (over && over.x === from && over.w === col - from) {
        over.h++;
        reaching.push(over);
        k++;
      } else {
        const rect = { x: from, y: row, w: col - from, h: 1 };
        rects.push(rect);
        reaching.push(rect);
      }
    }
    above = reaching;
  }
  return { size, rects };
}

/**
 * Rectangles as PDF path operators in module units ("x y w h re", a line each), as the bytes a
 * page's content takes: written straight into one buffer, since a batch draws 300 codes of some
 * 250 rectangles each. A code is at most 177 modules wide, so every number has 1 to 3 digits.
 */
export function pdfRectOperators(rects: readonly QrRect[]): Uint8Array {
  const out = new Uint8Array(rects.length * 19);
  let at = 0;
  const number = (n: number) => {
    if (n >= 100) out[at++] = 48 + Math.floor(n / 100);
    if (n >= 10) out[at++] = 48 + (Math.floor(n / 10) % 10);
    out[at++] = 48 + (n % 10);
    out[at++] = 32;
  };
  for (const r of rects) {
    number(r.x);
    number(r.y);
    number(r.w);
    number(r.h);
    out[at++] = 114; // r
    out[at++] = 101; // e
    out[at++] = 10;
  }
  return out.subarray(0, at);
}

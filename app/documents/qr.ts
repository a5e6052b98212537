// A QR code as runs of dark modules, one rectangle per run in a row: what the diploma's PDF
// draws (vector, sharp at any printer resolution) and what an HTML rendering of it can draw.
//
// The encoding is fixed instead of searched for, because a batch of 300 diplomas spent most of
// its QR time choosing: one byte-mode segment (a registry address is byte mode anyway; this skips
// the segment optimiser's graph search) and mask pattern 2 (the qrcode package otherwise scores
// all 8 masks per code; pattern 2 scores best for ~80 % of registry addresses, and any mask is
// valid for every reader, since the mask in use is written in the code's format bits).
import QRCode from "qrcode";

export type QrRun = { row: number; from: number; to: number };

/** Error correction level M, mask pattern 2. */
export const QR_OPTIONS = { errorCorrectionLevel: "M", maskPattern: 2 } as const;

/** The code of `text` as the diplomas print it: one byte-mode segment, QR_OPTIONS. */
export function qrCode(text: string) {
  return QRCode.create([{ data: new TextEncoder().encode(text), mode: "byte" }], QR_OPTIONS);
}

/** The code's size in modules and its dark runs (`to` exclusive). */
export function qrRuns(text: string): { size: number; runs: QrRun[] } {
  const { modules } = qrCode(text);
  const size = modules.size;
  const data = modules.data;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    const base = row * size;
    let col = 0;
    while (col < size) {
      if (!data[base + col]) {
        col++;
        continue;
      }
      const from = col;
      while (col < size && data[base + col]) col++;
      runs.push({ row, from, to: col });
    }
  }
  return { size, runs };
}

// A QR code as runs of dark modules, one rectangle per run in a row: what the diploma's PDF
// draws (vector, sharp at any printer resolution) and what an HTML rendering of it can draw.
import QRCode from "qrcode";

export type QrRun = { row: number; from: number; to: number };

/** The code's size in modules and its dark runs (`to` exclusive); error correction level M. */
export function qrRuns(text: string): { size: number; runs: QrRun[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const from = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push({ row, from, to: col });
    }
  }
  return { size, runs };
}

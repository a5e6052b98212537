// Reading real PDFs back with poppler: the text per page (pdftotext) and the archival checks every
// generated PDF must pass (issue 16, item 14): PDF/A-2b in the XMP, tagged, a title, pl-PL, every
// font embedded. Used by the gallery's test and by the tests of each document kind.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-pdf-"));
let count = 0;

/** Writes the PDF to a temporary file (poppler reads files) and returns its path. */
export function pdfFile(pdf: Buffer | string): string {
  if (typeof pdf === "string") return pdf;
  const file = path.join(dir, `${++count}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, as pdftotext reads it (reading order, not layout). */
export async function pdfPages(pdf: Buffer | string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", pdfFile(pdf), "-"]);
  return stdout.split("\f").slice(0, -1);
}

/** Whitespace (non-breaking spaces too) collapsed, for matching sentences. */
export function flatText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** PDF/A-2b identification in the XMP, tagged with a Document structure, titled, pl-PL, every font embedded. */
export async function expectArchivalPdf(pdf: Buffer | string, label = "PDF"): Promise<void> {
  const file = pdfFile(pdf);
  const meta = (await run("pdfinfo", ["-meta", file])).stdout;
  expect(meta, label).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  const info = (await run("pdfinfo", [file])).stdout;
  expect(info, label).toMatch(/^Tagged:\s+yes$/m);
  expect(info, label).toMatch(/^Title:\s+\S/m);
  expect((await run("pdfinfo", ["-struct", file])).stdout, label).toMatch(/^Document/m);
  const fonts = (await run("pdffonts", [file])).stdout.split("\n").slice(2).filter(Boolean);
  expect(fonts.length, label).toBeGreaterThan(0);
  for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], `${label}: ${line}`).toBe("yes");
  const { stderr } = await run("pdftotext", [file, "/dev/null"]);
  expect(stderr, `${label}: poppler reads it without warnings`).toBe("");
}

// Issue 16, items 14-15: the gallery renders every kind of document from fictional data, and each
// PDF is PDF/A-2b (the identification in its XMP), tagged, in Polish, titled, with every font embedded.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectArchivalPdf } from "./pdf-checks";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-gallery-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let pdfs: string[] = [];
beforeAll(async () => {
  const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["scripts/documents-gallery.ts", dir], {
    env: { ...process.env, PUBLIC_BASE_URL: "https://merenti.krakow.pl" },
  });
  expect(stdout).toContain("https://merenti.krakow.pl");
  pdfs = readdirSync(dir).filter((f) => f.endsWith(".pdf"));
}, 120_000);

describe("the documents gallery", () => {
  test("every kind of document is there", () => {
    for (const kind of [
      "projekt-cm-srebrny-projekt-uchwaly",
      "projekt-ho-prezydent-zarzadzenie",
      "projekt-ho-przewodniczacy-uzasadnienie",
      "dyplom-cm-zloty-instytucja",
      "dyplom-ho-kobieta",
      "dyplom-hg-kobieta",
      "honoris-gratia-zarzadzenie",
      "honoris-gratia-pisma",
      "honoris-gratia-pisma-odmowa",
      "uroczystosc-program",
      "uroczystosc-lista-wreczen",
    ]) {
      expect(pdfs).toContain(`${kind}.pdf`);
    }
    // A Council Chair's draft has no Mayor's forwarding ordinance.
    expect(pdfs).not.toContain("projekt-ho-przewodniczacy-zarzadzenie.pdf");
  });

  test("each PDF: PDF/A-2b in the XMP, tagged, pl-PL, a title, every font embedded", async () => {
    for (const file of pdfs) await expectArchivalPdf(path.join(dir, file), file);
  });

  test("the structure has headings, paragraphs, sections, lists and the signature table", async () => {
    const tree = (await run("pdfinfo", ["-struct", path.join(dir, "projekt-ho-prezydent-zarzadzenie.pdf")])).stdout;
    for (const element of ["H1", "P", "Sect", "Table", "TR", "TD"]) expect(tree).toMatch(new RegExp(`^\\s*${element}\\b`, "m"));
    const list = (await run("pdfinfo", ["-struct", path.join(dir, "uroczystosc-program.pdf")])).stdout;
    for (const element of ["L", "LI", "LBody"]) expect(list).toMatch(new RegExp(`^\\s*${element}\\b`, "m"));
  });

  test("lang is pl-PL", async () => {
    const { stdout } = await run("sh", ["-c", `strings "${path.join(dir, "dyplom-ho-kobieta.pdf")}" | grep -c "/Lang (pl-PL)" || true`]);
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });
});

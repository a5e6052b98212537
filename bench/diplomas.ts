// Diplomas: a ceremony's batch of 300 diplomas printed into one PDF from the database rows (the
// printing desk's path: checks, templates, cover sheet, pdfkit, the print log), against the same
// 300 pages printed by a warm headless Chromium (playwright-core, Debian chromium, launched before
// the clock) from an equivalent HTML page (the app's document preview markup, EB Garamond via
// @font-face from the same font files, the frame as CSS with its four corner diamonds, the lines
// sized by their role as the ceremonial design sets them, the signatures side by side, the QR code
// as SVG in the bottom left corner: same page size, text, frame and code, the font embedded in
// both PDFs; both files are left in bench/.tmp/ to compare). Also what PDF/A costs (the same 300
// pages rendered as PDF/A-2b and as plain PDF, taking turns in this run), one diploma warm, and the batch's
// peak memory (in a child process: the RSS high-water mark, reset just before the batch).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { qrRects } from "#app/documents/qr";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "#tests/setup/chromium";
import { benchDataset, BENCH_TMP, ROOT } from "./lib/dataset";
import { buildDiplomaRows } from "./lib/diplomas";
import { figureOf, formatMs, iterationsFromEnv, measure, printFigures, type Figure, type SuiteReport } from "./lib/measure";

const BATCH = 300;
const TARGET_BATCH_MS = 400;
const TARGET_SHARE_OF_CHROMIUM_PCT = 100 / 3; // at least 3x faster (issue 16)
const TARGET_ONE_MS = 20;
const TARGET_PEAK_MB = 200;

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`unexpected output: ${what}`);
}

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

/** The corner diamonds of the PDF's border (7 pt from centre to tip, centred 21 pt from the edges). */
const ORNAMENTS = ["tl", "tr", "bl", "br"].map((corner) => `<div class="orn ${corner}"></div>`).join("");

/** The QR code as SVG rectangles, the same ones the PDF draws. */
function qrSvg(text: string): string {
  const qr = qrRects(text);
  const rects = qr.rects.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}"/>`).join("");
  return `<svg class="qr" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges">${rects}</svg>`;
}

function fontFaces(): string {
  const require = createRequire(import.meta.url);
  const face = (file: string, weight: number, style: string) =>
    `@font-face{font-family:"EB Garamond";src:url("${pathToFileURL(require.resolve(`@expo-google-fonts/eb-garamond/${file}`)).href}") format("truetype");font-weight:${weight};font-style:${style}}`;
  return [
    face("400Regular/EBGaramond_400Regular.ttf", 400, "normal"),
    face("700Bold/EBGaramond_700Bold.ttf", 700, "normal"),
    face("400Regular_Italic/EBGaramond_400Regular_Italic.ttf", 400, "italic"),
    face("700Bold_Italic/EBGaramond_700Bold_Italic.ttf", 700, "italic"),
  ].join("\n");
}

export async function diplomasBench(): Promise<SuiteReport> {
  await benchDataset();
  const { DocumentPreview } = await import("#app/components/document-preview");
  const { printDiploma } = await import("#app/models/diploma.server");
  const { checkBatch, printBatch } = await import("#app/models/diploma-batch.server");
  const { diplomaPart, diplomaPdf, FULL_PRINT } = await import("#app/documents/diploma-pdf.server");
  const { renderPdfParts } = await import("#app/documents/pdf.server");
  const { db } = await import("#app/utils/db.server");

  let t = performance.now();
  const rows = await buildDiplomaRows(BATCH);
  console.log(`${BATCH} laureates with confirmed diplomas added in ${formatMs(performance.now() - t)} ms`);
  const actor = { userId: rows.userId, name: rows.userName };
  const batch = () => printBatch(rows.conferralIds, { ceremonyId: rows.ceremonyId, mode: "FULL", reason: "SPOILED" }, actor);

  t = performance.now();
  const first = await batch();
  const coldMs = performance.now() - t;
  check(first.kind === "printed", `batch ${first.kind}`);
  const pdf = first.kind === "printed" ? first.pdf : Buffer.alloc(0);
  // The cover sheet lists 300 names: it runs to several pages of its own.
  const coverPages = pageCount(pdf) - BATCH;
  check(coverPages >= 1, `batch of ${pageCount(pdf)} pages`);
  check((await db().diplomaPrint.count({ where: { batchId: first.kind === "printed" ? first.batchId : "" } })) === BATCH, "print log of the batch");

  const figures: Figure[] = [];
  const batchIterations = Math.max(3, Math.min(20, iterationsFromEnv(20)));
  // CPU time per batch, median over the measured batches: the whole process (the main thread,
  // the garbage collector's threads, the page compression on libuv's thread pool) and the main
  // thread alone (what blocks the server's event loop; Linux's per-thread counter, 10 ms ticks).
  const cpuSamples: { process: number; main: number }[] = [];
  const mainThreadMs = () => {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const ours = await measure(
    async () => {
      const cpu = process.cpuUsage();
      const main = mainThreadMs();
      await batch();
      const used = process.cpuUsage(cpu);
      cpuSamples.push({ process: (used.user + used.system) / 1000, main: mainThreadMs() - main });
    },
    { warmup: 2, iterations: batchIterations },
  );
  const measuredCpu = cpuSamples.slice(2);
  const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpuMs = medianOf(measuredCpu.map((c) => c.process));
  const mainCpuMs = medianOf(measuredCpu.map((c) => c.main));
  figures.push(
    figureOf(
      `${BATCH} diplomas → one PDF (DB rows → logged file)`,
      ours,
      TARGET_BATCH_MS,
      `${BATCH} diplomas + ${coverPages} cover pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MiB, first (cold) ${formatMs(coldMs)} ms, CPU time per batch (median) ${formatMs(cpuMs)} ms, of which the main thread ${formatMs(mainCpuMs)} ms`,
    ),
  );

  const check300 = await checkBatch(rows.conferralIds, { ceremonyId: rows.ceremonyId, reprintReason: null });

  // What PDF/A costs: the 300 diplomas rendered alone (no database, no log, no cover sheet), as
  // the app writes them (PDF/A-2b) and as a plain PDF, taking turns in this run (a load that
  // comes and goes on a shared machine then falls on both alike), wall and CPU time each.
  const parts = check300.items.map((i) => diplomaPart(i.doc, i.publicUrl, { ...FULL_PRINT, medalClass: i.medalClass }));
  const render = (pdfA: boolean) => renderPdfParts(parts, { title: "Dyplomy" }, { allowMissingGlyphs: true, pdfA });
  const [archival, plain] = [await render(true), await render(false)];
  const turns = { archival: { wall: [] as number[], cpu: [] as number[] }, plain: { wall: [] as number[], cpu: [] as number[] } };
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = -2; i < batchIterations; i++) {
    for (const [pdfA, samples] of [
      [true, turns.archival],
      [false, turns.plain],
    ] as const) {
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      await render(pdfA);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpuBefore);
      // The first two turns of each warm up.
      if (i >= 0) {
        samples.wall.push(wall);
        samples.cpu.push((used.user + used.system) / 1000);
      }
    }
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pdfACost = medianOf(turns.archival.wall) - medianOf(turns.plain.wall);
  const pdfACpuCost = medianOf(turns.archival.cpu) - medianOf(turns.plain.cpu);
  figures.push(
    figureOf(
      `${BATCH} diplomas rendered, PDF/A-2b`,
      sorted(turns.archival.wall),
      Number.POSITIVE_INFINITY,
      `${(archival.length / 1024).toFixed(0)} KiB; what the app writes; CPU time ${formatMs(medianOf(turns.archival.cpu))} ms (median)`,
    ),
    figureOf(
      `${BATCH} diplomas rendered, plain PDF (no PDF/A)`,
      sorted(turns.plain.wall),
      Number.POSITIVE_INFINITY,
      `${(plain.length / 1024).toFixed(0)} KiB; CPU time ${formatMs(medianOf(turns.plain.cpu))} ms (median); PDF/A costs ${formatMs(pdfACost)} ms (${((100 * pdfACost) / medianOf(turns.plain.wall)).toFixed(1)} %) of wall time, ${formatMs(pdfACpuCost)} ms (${((100 * pdfACpuCost) / medianOf(turns.plain.cpu)).toFixed(1)} %) of CPU time, and ${((archival.length - plain.length) / 1024).toFixed(0)} KiB`,
    ),
  );

  // The anchor: the same pages as HTML, printed by a warm Chromium.
  const pages = check300.items
    .map(
      (i) =>
        `<section class="page"><div class="frame"></div><div class="inner"></div><div class="inner2"></div>${ORNAMENTS}${renderToStaticMarkup(createElement(DocumentPreview, { doc: i.doc, label: "Dyplom" }))}${qrSvg(i.publicUrl)}</section>`,
    )
    .join("\n");
  const html = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><style>
${fontFaces()}
@page{size:A4 landscape;margin:0}
body{margin:0;font-family:"EB Garamond",serif;font-size:12pt;line-height:1.15}
.page{position:relative;width:297mm;height:210mm;box-sizing:border-box;padding:16mm 25mm;break-after:page;overflow:hidden}
.frame{position:absolute;inset:18pt;border:2pt solid #1d4f91}
.inner{position:absolute;inset:24pt;border:.6pt solid #1d4f91}
.inner2{position:absolute;inset:29pt;border:.4pt solid #9db3d6}
.orn{position:absolute;width:9.9pt;height:9.9pt;background:#1d4f91;transform:rotate(45deg)}
.orn.tl{left:16.05pt;top:16.05pt}.orn.tr{right:16.05pt;top:16.05pt}.orn.bl{left:16.05pt;bottom:16.05pt}.orn.br{right:16.05pt;bottom:16.05pt}
.doc-preview{position:relative;text-align:center;height:100%}
.doc-header{position:absolute;left:-4mm;bottom:-8mm;font-size:7pt;text-align:left;margin:0 0 0 52pt}
.doc-title{font-weight:700;font-size:30pt;line-height:1.22;color:#1d4f91;margin:0 0 14pt}
.doc-p{margin:0 0 4pt}
.doc-p[data-role=kicker]{font-size:10.5pt;letter-spacing:3.2pt;color:#1d4f91;margin:0}
.doc-p[data-role=body]{font-size:16pt}.doc-p[data-role=act]{font-size:10.5pt}.doc-p[data-role=verb]{font-style:italic;font-size:13pt;margin-top:7pt}
.doc-p[data-role=name]{font-size:40pt;line-height:1.22}.doc-p[data-role=apposition]{font-style:italic;font-size:13pt}
.doc-p[data-role=honour]{font-size:18pt;color:#1d4f91;margin-top:8pt}.doc-p[data-role=dedication]{font-size:12.5pt}.doc-p[data-role=place-date]{font-style:italic;font-size:12pt;margin-top:12pt}
.doc-signature{display:inline-block;width:38%;margin:auto 0 0;font-size:11pt}
.doc-signature + .doc-signature{margin-left:23%}
.qr{position:absolute;left:40pt;bottom:40pt;width:46pt;height:46pt}
</style></head><body>${pages}</body></html>`;
  mkdirSync(BENCH_TMP, { recursive: true });
  const htmlFile = path.join(BENCH_TMP, "diplomas.html");
  writeFileSync(htmlFile, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const chromiumPrint = async () => {
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.pdf({ preferCSSPageSize: true, printBackground: true });
    };
    const sample = await chromiumPrint();
    writeFileSync(path.join(BENCH_TMP, "diplomas-chromium.pdf"), sample);
    writeFileSync(path.join(BENCH_TMP, "diplomas-ours.pdf"), pdf);
    check(pageCount(sample) === BATCH, `Chromium printed ${pageCount(sample)} pages`);
    const theirs = await measure(chromiumPrint, { warmup: 1, iterations: Math.max(3, Math.min(5, batchIterations)) });
    figures.push(
      figureOf(
        `the same ${BATCH} pages, warm Chromium (HTML → PDF)`,
        theirs,
        Number.POSITIVE_INFINITY,
        `${(sample.length / 1024 / 1024).toFixed(1)} MiB; the anchor, no target of its own`,
      ),
    );
    const share = (100 * ours[Math.floor(ours.length / 2)]!) / theirs[Math.floor(theirs.length / 2)]!;
    figures.push({
      scenario: "ours as % of Chromium's time (median)",
      iterations: 1,
      p50Ms: share,
      p95Ms: share,
      maxMs: share,
      targetP95Ms: TARGET_SHARE_OF_CHROMIUM_PCT,
      pass: share <= TARGET_SHARE_OF_CHROMIUM_PCT,
      detail: `a percentage, not ms: ${(100 / share).toFixed(1)}x faster (target ≥ 3x)`,
    });
  } finally {
    await browser.close();
  }

  // One diploma, warm: the PDF of a confirmed diploma, and the whole print path (refresh, checks, log).
  const one = check300.items[0]!;
  figures.push(
    figureOf(
      "one diploma → PDF (render)",
      await measure(() => diplomaPdf(one.doc, one.publicUrl), { warmup: 20, iterations: iterationsFromEnv(200) }),
      TARGET_ONE_MS,
    ),
  );
  figures.push(
    figureOf(
      "one diploma printed (DB → logged PDF)",
      await measure(
        async () => {
          const r = await printDiploma(one.diplomaId, { reason: "SPOILED", mode: "FULL" }, { userId: rows.userId });
          check(r.kind === "printed", `print ${r.kind === "refused" ? r.reason : ""}`);
        },
        { warmup: 20, iterations: iterationsFromEnv(200) },
      ),
      Number.POSITIVE_INFINITY,
      "refresh from the data, checks, render, log insert; shown for comparison, no target of its own",
    ),
  );

  // Peak memory of one batch, in a child process doing nothing else (see bench/lib/diploma-memory.ts).
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(ROOT, "bench/lib/diploma-memory.ts")], {
      cwd: ROOT,
      env: { ...process.env, BENCH_DIPLOMA_ROWS: JSON.stringify(rows) },
      encoding: "utf8",
    });
    const m = JSON.parse(out.trim().split("\n").pop()!) as { ok: boolean; beforeKb: number; peakKb: number };
    check(m.ok, "the batch in the memory child");
    const growthMb = (m.peakKb - m.beforeKb) / 1024;
    figures.push({
      scenario: `peak memory of the ${BATCH}-diploma batch`,
      iterations: 1,
      p50Ms: growthMb,
      p95Ms: growthMb,
      maxMs: growthMb,
      targetP95Ms: TARGET_PEAK_MB,
      pass: growthMb <= TARGET_PEAK_MB,
      detail: `MB, not ms: RSS growth over the batch in a fresh process (RSS ${(m.beforeKb / 1024).toFixed(0)} MB before, peak ${(m.peakKb / 1024).toFixed(0)} MB)`,
    });
  } catch (error) {
    console.log(`peak memory not measured: ${(error as Error).message}`);
  }

  printFigures(figures);
  return { suite: "diplomas", figures };
}

export default diplomasBench;

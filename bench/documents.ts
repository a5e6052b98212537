// The document pipeline (app/documents) on a two-page draft resolution: the example template
// (draft with header, title, §§, points and signature; justification on page 2) rendered to PDF
// and to DOCX, warm (fonts already read), one render at a time. Needs no database.
import { exampleResolutionData, exampleResolutionTemplate } from "#tests/fixtures/example-document";
import { renderDocx } from "#app/documents/docx.server";
import { renderPdf } from "#app/documents/pdf.server";
import { figureOf, formatMs, iterationsFromEnv, measure, printFigures, type SuiteReport } from "./lib/measure";

const TARGET_RENDER_P95_MS = 200;
const TARGET_TEMPLATE_P95_MS = 20;

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`unexpected output: ${what}`);
}

export async function documentsBench(): Promise<SuiteReport> {
  const data = exampleResolutionData();
  const document = exampleResolutionTemplate.render(data);

  // The first render reads and parses the font files: reported, not part of the warm figures.
  let start = performance.now();
  const pdf = await renderPdf(document);
  const coldPdfMs = performance.now() - start;
  const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
  check(pdf.subarray(0, 5).toString() === "%PDF-" && pages === 2, `PDF of ${pages} pages`);
  start = performance.now();
  const docx = await renderDocx(document);
  const coldDocxMs = performance.now() - start;
  check(docx.subarray(0, 2).toString() === "PK", "DOCX is not a ZIP file");

  const iterations = iterationsFromEnv(200);
  const warmup = Math.min(20, iterations);
  const figures = [
    figureOf(
      "template + markup → Document",
      await measure(async () => exampleResolutionTemplate.render(data), { warmup, iterations }),
      TARGET_TEMPLATE_P95_MS,
    ),
    figureOf(
      "renderPdf, 2 pages",
      await measure(() => renderPdf(document), { warmup, iterations }),
      TARGET_RENDER_P95_MS,
      `${(pdf.length / 1024).toFixed(0)} KiB, first (cold) render ${formatMs(coldPdfMs)} ms`,
    ),
    figureOf(
      "renderDocx, 2 pages",
      await measure(() => renderDocx(document), { warmup, iterations }),
      TARGET_RENDER_P95_MS,
      `${(docx.length / 1024).toFixed(0)} KiB, first (cold) render ${formatMs(coldDocxMs)} ms`,
    ),
  ];
  printFigures(figures);
  return { suite: "documents", figures };
}

export default documentsBench;

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
    figureOf("template + markup → Document", await measure(async () => exampleResolutionTemplate.render(data), { warmup, iterations }), TARGET_TEMPLATE_P95_MS),
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
  // The real draft templates (templates/*.hbs) with a realistic draft, as the download route renders them.
  const { draftTemplate } = await import("#app/models/draft.server");
  const { templateData, templateFileOf } = await import("#app/domain/draft");
  const draftData = templateData({
    honour: "CRACOVIAE_MERENTI",
    medalClass: "SILVER",
    candidate: {
      id: "c",
      kind: "PERSON",
      gender: "MASCULINE",
      nameNominative: "Bolesław Żółkiewski",
      nameGenitive: "Bolesława Żółkiewskiego",
      nameDative: "Bolesławowi Żółkiewskiemu",
      address: "Panu",
      nameFormsConfirmed: true,
    },
    others: [],
    nominators: ["Towarzystwo Miłośników Historii i Zabytków Krakowa"],
    nominatorKinds: ["ORGANIZATION"],
    resolution: null,
    ordinance: null,
    settings: {
      legalBasis: "Na podstawie art. 18 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym uchwala się, co następuje:",
      ordinanceLegalBasis: "Na podstawie art. 30 ust. 2 pkt 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym zarządza się, co następuje:",
      executionClause: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.",
      entryIntoForceClause: "Uchwała wchodzi w życie z dniem podjęcia.",
      actCitation: "(Dz. U. z 2024 r. poz. 1465, z późn. zm.)",
      medalRules: "uchwała nr C/2603/18 Rady Miasta Krakowa z dnia 25 kwietnia 2018 r.",
    },
    mayor: { fullName: "Jan Przykładowy", titleLine: "Prezydent Miasta Krakowa" },
    content: { printNumber: "1234", mover: "Komisja Medalu pozytywnie zaopiniowała wniosek.", merits: "Zasługi. ".repeat(300) },
  });
  const draftResolution = () => draftTemplate(templateFileOf("RESOLUTION", "CRACOVIAE_MERENTI")).render(draftData);
  figures.push(
    figureOf("draft resolution (templates/) → PDF", await measure(() => renderPdf(draftResolution()), { warmup, iterations }), TARGET_RENDER_P95_MS),
    figureOf("draft resolution (templates/) → DOCX", await measure(() => renderDocx(draftResolution()), { warmup, iterations }), TARGET_RENDER_P95_MS),
  );
  printFigures(figures);
  return { suite: "documents", figures };
}

export default documentsBench;

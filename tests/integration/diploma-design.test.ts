// Issue 16, item 8: the full-design diploma of each honour and class, checked on the printed
// page's word boxes (pdftotext -bbox): the name's type at least twice the body's, every word
// inside the frame, the signature blocks apart; and the exact text of each (a table, as the
// drafts' titles are in drafts.test.ts), HG's Mayor's decision included.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { diplomaPdf, FULL_PRINT } from "#app/documents/diploma-pdf.server";
import { hgDocument } from "#app/documents/honoris-gratia.server";
import { renderPdf } from "#app/documents/pdf.server";
import { projectTemplate } from "#app/documents/templates.server";
import { addressDativeOf } from "#app/domain/address-forms";
import { diplomaTemplateData, diplomaTemplateFile, type DiplomaInputs } from "#app/domain/diploma";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-diploma-design-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Who = { kind: CandidateKind; gender: Gender | null; title: string; nominative: string; dative: string; apposition?: string };
const MAN: Who = { kind: "PERSON", gender: "MASCULINE", title: "", nominative: "Bolesław Rajčić", dative: "Bolesławowi Rajčiciowi" };
const PROFESSOR: Who = { kind: "PERSON", gender: "MASCULINE", title: "prof. dr hab.", nominative: "Krzysztof Pendecki", dative: "Krzysztofowi Pendeckiemu" };
const WOMAN: Who = {
  kind: "PERSON",
  gender: "FEMININE",
  title: "prof. dr hab.",
  nominative: "Łucja Zawadzka-Wiśniewska",
  dative: "Łucji Zawadzkiej-Wiśniewskiej",
  apposition: "wybitnej lekarce, twórczyni krakowskiej szkoły kardiochirurgii",
};
const LONG = "Towarzystwu Przyjaciół Zabytków Stołecznego Królewskiego Miasta Krakowa i Ziemi Krakowskiej im. Jana Matejki";
const INSTITUTION: Who = { kind: "ORGANIZATION", gender: null, title: "", nominative: LONG, dative: LONG };
const EXTREME =
  "Stowarzyszeniu Przyjaciół Zabytkowych Cmentarzy, Kopców, Fortyfikacji i Ogrodów Stołecznego Królewskiego Miasta Krakowa imienia Tadeusza Kościuszki oraz Wszystkich Obrońców Miasta w Latach 1768–1945 z Siedzibą przy Ulicy Świętego Sebastiana";
const MAYOR = { fullName: "Jan Przykładowy", titleLine: "Prezydent Miasta Krakowa" };
const CHAIR = { fullName: "Anna Wzorcowa", titleLine: "Przewodnicząca Rady Miasta Krakowa" };

function inputs(honour: Honour, medalClass: MedalClass | null, who: Who, number: number | null): DiplomaInputs {
  return {
    conferralId: "c",
    nominationId: null,
    honour,
    medalClass,
    number,
    candidate: {
      id: "k",
      kind: who.kind,
      gender: who.gender,
      nameNominative: who.nominative,
      nameDative: who.dative,
      address: addressDativeOf({ kind: who.kind, gender: who.gender, title: who.title, addressDative: null }),
      apposition: who.apposition ?? "",
      nameFormsConfirmed: true,
    },
    act:
      honour === "HONORIS_GRATIA"
        ? { kind: "ORDINANCE", number: "1777/2026", date: "2026-02-02" }
        : { kind: "RESOLUTION", number: "XLI/1001/26", date: "2026-03-11" },
    date: "2026-06-05",
    mayor: MAYOR,
    councilChair: honour === "HONORIS_GRATIA" ? null : CHAIR,
  };
}

async function printed(i: DiplomaInputs): Promise<string> {
  const doc = projectTemplate<ReturnType<typeof diplomaTemplateData>>(diplomaTemplateFile(i.honour)).render(
    diplomaTemplateData(i, { verificationCode: "K7QX2MHD", publicUrl: "https://merenti.krakow.pl/rejestr/abc" }),
  );
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await diplomaPdf(doc, "https://merenti.krakow.pl/rejestr/abc", { ...FULL_PRINT, medalClass: i.medalClass }));
  return file;
}

type Box = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
async function wordBoxes(file: string) {
  const { stdout } = await run("pdftotext", ["-bbox", file, "-"]);
  const pages = stdout.match(/<page /g)?.length ?? 0;
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(stdout)!;
  const words: Box[] = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&amp;/g, "&"),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  return { pages, width: Number(size[1]), height: Number(size[2]), words };
}

const text = async (file: string) => (await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout.replace(/[\s\u00a0]+/g, " ").trim();
const heightOf = (w: Box) => w.yMax - w.yMin;
/** The box around the words of a run of text (one word after another in reading order). */
function boxOf(words: Box[], phrase: string): Box {
  const parts = phrase.split(" ");
  const start = words.findIndex((_, i) => parts.every((p, j) => words[i + j]?.text === p));
  expect(start, `„${phrase}” on the page`).toBeGreaterThanOrEqual(0);
  const run = words.slice(start, start + parts.length);
  return {
    text: phrase,
    xMin: Math.min(...run.map((w) => w.xMin)),
    yMin: Math.min(...run.map((w) => w.yMin)),
    xMax: Math.max(...run.map((w) => w.xMax)),
    yMax: Math.max(...run.map((w) => w.yMax)),
  };
}
const union = (a: Box, b: Box): Box => ({
  text: `${a.text} ${b.text}`,
  xMin: Math.min(a.xMin, b.xMin),
  yMin: Math.min(a.yMin, b.yMin),
  xMax: Math.max(a.xMax, b.xMax),
  yMax: Math.max(a.yMax, b.yMax),
});
const overlap = (a: Box, b: Box) => a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;

const CASES = [
  {
    name: "CM gold to an institution",
    i: inputs("CRACOVIAE_MERENTI", "GOLD", INSTITUTION, 7),
    heading: "DYPLOM Złoty Medal „Cracoviae Merenti”",
    sentence: `Rada Miasta Krakowa uchwałą nr XLI/1001/26 z dnia 11 marca 2026 r. przyznała ${LONG} Złoty Medal „Cracoviae Merenti” nr 7 w dowód uznania szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa Kraków, 5 czerwca 2026 r.`,
    surname: "Matejki",
  },
  {
    name: "CM silver to a man",
    i: inputs("CRACOVIAE_MERENTI", "SILVER", MAN, 8),
    heading: "DYPLOM Srebrny Medal „Cracoviae Merenti”",
    sentence:
      "przyznała Panu Bolesławowi Rajčiciowi Srebrny Medal „Cracoviae Merenti” nr 8 w dowód uznania Jego szczególnych zasług dla Stołecznego Królewskiego Miasta Krakowa",
    surname: "Rajčiciowi",
  },
  {
    name: "CM bronze to a woman with an academic title",
    i: inputs("CRACOVIAE_MERENTI", "BRONZE", WOMAN, 9),
    heading: "DYPLOM Brązowy Medal „Cracoviae Merenti”",
    sentence:
      "przyznała Pani Profesor Łucji Zawadzkiej-Wiśniewskiej wybitnej lekarce, twórczyni krakowskiej szkoły kardiochirurgii Brązowy Medal „Cracoviae Merenti” nr 9 w dowód uznania Jej szczególnych zasług",
    surname: "Zawadzkiej-Wiśniewskiej",
  },
  {
    name: "HC to a man with an academic title",
    i: inputs("HONORARY_CITIZENSHIP", null, PROFESSOR, null),
    heading: "AKT NADANIA Honorowe Obywatelstwo Stołecznego Królewskiego Miasta Krakowa",
    sentence:
      "nadała Profesorowi Krzysztofowi Pendeckiemu tytuł „Honorowy Obywatel Stołecznego Królewskiego Miasta Krakowa” w dowód uznania Jego szczególnych zasług",
    surname: "Pendeckiemu",
  },
  {
    name: "HC to a woman",
    i: inputs("HONORARY_CITIZENSHIP", null, WOMAN, null),
    heading: "AKT NADANIA Honorowe Obywatelstwo Stołecznego Królewskiego Miasta Krakowa",
    sentence:
      "nadała Pani Profesor Łucji Zawadzkiej-Wiśniewskiej wybitnej lekarce, twórczyni krakowskiej szkoły kardiochirurgii tytuł „Honorowa Obywatelka Stołecznego Królewskiego Miasta Krakowa”",
    surname: "Zawadzkiej-Wiśniewskiej",
  },
  {
    name: "HG to a woman",
    i: inputs("HONORIS_GRATIA", null, WOMAN, 5530),
    heading: "DYPLOM Odznaka Honorowa „Honoris Gratia”",
    sentence:
      "Prezydent Miasta Krakowa zarządzeniem nr 1777/2026 z dnia 2 lutego 2026 r. przyznaje Pani Profesor Łucji Zawadzkiej-Wiśniewskiej wybitnej lekarce, twórczyni krakowskiej szkoły kardiochirurgii Odznakę Honorową „Honoris Gratia” nr 5530 w dowód uznania Jej szczególnych zasług",
    surname: "Zawadzkiej-Wiśniewskiej",
  },
  {
    name: "HG to an institution",
    i: inputs("HONORIS_GRATIA", null, INSTITUTION, 5531),
    heading: "DYPLOM Odznaka Honorowa „Honoris Gratia”",
    sentence: `przyznaje ${LONG} Odznakę Honorową „Honoris Gratia” nr 5531 w dowód uznania szczególnych zasług`,
    surname: "Matejki",
  },
];

describe("the full-design diploma of each honour and class", () => {
  test.each(CASES)("$name: the heading and the sentence, exactly", async ({ i, heading, sentence }) => {
    const printedText = await text(await printed(i));
    expect(printedText.startsWith(heading)).toBe(true);
    expect(printedText).toContain(sentence);
    expect(printedText).toContain("Kraków, 5 czerwca 2026 r.");
    expect(printedText).toContain("Kod weryfikacyjny: K7QX2MHD");
  });

  test.each(CASES)("$name: the name twice the body's size at least, all inside the frame, signatures apart", async ({ i, surname }) => {
    const page = await wordBoxes(await printed(i));
    expect(page.pages).toBe(1);
    expect(page.width).toBeGreaterThan(page.height);
    const name = page.words.find((w) => w.text === surname)!;
    const body = page.words.find((w) => w.text === "uznania")!;
    expect(heightOf(name) / heightOf(body), `${surname} against „uznania”`).toBeGreaterThanOrEqual(2);
    // The largest text on the page is the name.
    expect(Math.max(...page.words.map(heightOf))).toBeCloseTo(heightOf(name), 0);
    // Inside the frame (its innermost line is 29 pt from the edges), so inside the page box too.
    for (const w of page.words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.xMax, w.text).toBeLessThanOrEqual(page.width - 30);
      expect(w.yMax, w.text).toBeLessThanOrEqual(page.height - 30);
    }
    const blocks = (i.councilChair ? [i.councilChair, i.mayor!] : [i.mayor!]).map((s) => union(boxOf(page.words, s.titleLine), boxOf(page.words, s.fullName)));
    // Each block keeps room to sign between the office and the name.
    for (const b of blocks) expect(b.yMax - b.yMin).toBeGreaterThan(50);
    if (blocks.length === 2) {
      expect(overlap(blocks[0]!, blocks[1]!)).toBe(false);
      // Side by side: on the same level, with room for the seal between them.
      expect(Math.abs(blocks[0]!.yMin - blocks[1]!.yMin)).toBeLessThan(1);
      expect(blocks[1]!.xMin - blocks[0]!.xMax).toBeGreaterThan(100);
    }
    // Nothing else on the page runs into a signature block (the verification code beside the QR code).
    const code = boxOf(page.words, "Kod weryfikacyjny:");
    for (const b of blocks) expect(overlap(b, code)).toBe(false);
  });

  test("a name too long for two lines at the smallest size takes a third, and stays inside the frame", async () => {
    const page = await wordBoxes(await printed(inputs("CRACOVIAE_MERENTI", "SILVER", { ...INSTITUTION, dative: EXTREME }, 3)));
    expect(page.pages).toBe(1);
    const name = page.words.find((w) => w.text === "Sebastiana")!;
    expect(heightOf(name) / heightOf(page.words.find((w) => w.text === "uznania")!)).toBeGreaterThanOrEqual(1.6);
    for (const w of page.words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(30);
      expect(w.yMax, w.text).toBeLessThanOrEqual(page.height - 30);
    }
  });
});

describe("Honoris Gratia's act: the Mayor's decision", () => {
  test("the title and § 1, exactly", async () => {
    const made = hgDocument("decision", {
      ordinance: { number: "1777/2026", issuedOn: "2026-02-02" },
      laureates: [
        { name: "Łucja Zawadzka-Wiśniewska", number: "5530" },
        { name: "Okręgowa Izba Lekarska w Krakowie", number: "5531" },
      ],
      letters: [],
      mayor: MAYOR,
      sender: null,
    });
    if (made.kind !== "ok") throw new Error(made.message);
    const file = path.join(dir, "decision.pdf");
    writeFileSync(file, await renderPdf(made.docs[0]!));
    const printedText = await text(file);
    expect(printedText).toContain(
      "ZARZĄDZENIE NR 1777/2026 PREZYDENTA MIASTA KRAKOWA z dnia 2 lutego 2026 r. w sprawie nadania Odznaki Honorowej „Honoris Gratia”",
    );
    expect(printedText).toContain(
      "§ 1. Nadaje się Odznakę Honorową „Honoris Gratia” następującym osobom i instytucjom: 1) Łucja Zawadzka-Wiśniewska, odznaka nr 5530 2) Okręgowa Izba Lekarska w Krakowie, odznaka nr 5531",
    );
    expect(printedText).toContain("Prezydent Miasta Krakowa Jan Przykładowy");
  });
});

// Real PDFs and DOCX files from the example resolution, read back with poppler (pdftotext,
// pdfinfo, pdffonts) and by unzipping word/document.xml.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildRuns, documentText, type Document, type Run } from "#app/documents/blocks";
import { renderDocx } from "#app/documents/docx.server";
import { fontFile } from "#app/documents/fonts.server";
import { exampleResolutionData, exampleResolutionTemplate } from "#tests/fixtures/example-document";
import { describeCharacter, documentMissingGlyphs, missingGlyphs } from "#app/documents/font-coverage.server";
import { parseMarkup } from "#app/documents/markup";
import { MissingGlyphsError, renderPdf } from "#app/documents/pdf.server";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "merenti-documents-"));
let fileNo = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function save(buffer: Buffer, ext: string): Promise<string> {
  const file = path.join(dir, `${++fileNo}.${ext}`);
  writeFileSync(file, buffer);
  return file;
}

/** pdftotext's text of a PDF (reading order, or `-layout` to keep the lines as printed). */
async function pdfText(pdf: Buffer, layout = false): Promise<string> {
  const file = await save(pdf, "pdf");
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", ...(layout ? ["-layout"] : []), file, "-"]);
  return stdout;
}

async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const file = await save(pdf, "pdf");
  const { stdout } = await run("pdfinfo", ["-enc", "UTF-8", file]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** Lines joined, non-breaking spaces as spaces, whitespace collapsed: for matching sentences. */
function normalise(text: string): string {
  return text
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a text, in order. */
function words(text: string): string[] {
  return normalise(text).split(" ").filter(Boolean);
}

const PAGE_NUMBER = /^Strona \d+ z \d+$/;

/** pdftotext's text without the page numbers at the foot of the pages. */
function withoutPageNumbers(text: string): string {
  return text
    .split("\n")
    .filter((l) => !PAGE_NUMBER.test(l.trim()))
    .join("\n");
}

/** The text of word/document.xml: <w:t> contents, a space for each tab and line break, a line per paragraph. */
function docxText(docx: Buffer): { xml: string; text: string; files: Record<string, string> } {
  const zip = unzipSync(new Uint8Array(docx));
  const files = Object.fromEntries(
    Object.entries(zip)
      .filter(([name]) => name.endsWith(".xml"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
  const xml = files["word/document.xml"]!;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? decode(m[1]) : " ")).join(""),
  );
  return { xml, text: paragraphs.join("\n"), files };
}

const example = exampleResolutionTemplate.render(exampleResolutionData());

// First in this file, so that the process's fonts are fresh when it runs: the corruption showed
// when a glyph was first laid out from "č" in one document and printed as "c" in the next.
describe("fonts across documents (fontkit issue #154)", () => {
  test("documents rendered one after another each extract correctly, the second one included", async () => {
    const first = parseMarkup(`<document title="A"><p>Rajčić Ćwiklińska-Śliwa, Győr, Dvořák.</p></document>`);
    const second = parseMarkup(`<document title="B"><p>Tadeusz Kościuszko, office, Łucja, cyfra, <b>Kościuszko</b> i <i>Kościuszko</i>.</p></document>`);
    const firstText = normalise(await pdfText(await renderPdf(first)));
    const secondText = normalise(await pdfText(await renderPdf(second)));
    const thirdText = normalise(await pdfText(await renderPdf(first)));
    expect(firstText).toBe("Rajčić Ćwiklińska-Śliwa, Győr, Dvořák.");
    // With a font object shared between documents this read "Koś iuszko, offi e, Łu ja".
    expect(secondText).toBe("Tadeusz Kościuszko, office, Łucja, cyfra, Kościuszko i Kościuszko.");
    expect(thirdText).toBe(firstText);
  });

  test("documents rendered concurrently extract correctly too", async () => {
    const texts = ["Rajčić Kościuszko", "Ćwiklińska-Śliwa cyfra", "Žilina Győr Kościuszko", "office Łucja"];
    const pdfs = await Promise.all(texts.map((t) => renderPdf(parseMarkup(`<document title="x"><p>${t}</p></document>`))));
    for (const [i, pdf] of pdfs.entries()) expect(normalise(await pdfText(pdf))).toBe(texts[i]);
  });
});

describe("the example resolution as PDF", () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderPdf(example);
    text = await pdfText(pdf);
  });

  test("the names print exactly: Polish, Czech and Hungarian letters, no broken text layer", () => {
    const joined = normalise(text);
    for (const name of [
      "Dragan Rajčić",
      "Draganowi Rajčiciowi",
      "Łucja Ćwiklińska-Śliwa",
      "Tadeusz Kościuszko",
      "Kopca Kościuszki",
      "Jiří Dvořák",
      "Zuzana Šťastná",
      "Ödön Szűcs",
      "Žilina, Győr",
      "Zofia Żółkiewska",
    ]) {
      expect(joined).toContain(name);
    }
    expect(joined).not.toMatch(/Koś iuszk|Raj čić|Ćwikliń ska/);
  });

  test("whole sentences, across line breaks, with the section label and „quotes”", () => {
    const joined = normalise(text);
    expect(joined).toContain(
      "§ 1. Nadaje się Panu Draganowi Rajčiciowi Srebrny Medal „Cracoviae Merenti” w dowód uznania Jego szczególnych zasług dla Krakowa, w szczególności za:",
    );
    expect(joined).toContain(
      "1) wieloletnią pracę na rzecz ochrony zabytków Krakowa, odnowę Kopca Kościuszki i wystawę „Tadeusz Kościuszko – obywatel Krakowa”,",
    );
    expect(joined).toContain("§ 3. Uchwała wchodzi w życie z dniem podjęcia.");
    expect(joined).toContain("Sporządził(a): Zofia Żółkiewska, 20 marca 2026 r.");
  });

  test("the PDF's words are the document's words, in the same order (header, title, §§, points, signature)", () => {
    expect(words(withoutPageNumbers(text))).toEqual(words(documentText(example).join(" ")));
  });

  test("metadata, A4, two numbered pages, EB Garamond embedded", async () => {
    const info = await pdfInfo(pdf);
    expect(info.Title).toBe("Projekt uchwały w sprawie nadania Medalu „Cracoviae Merenti” Draganowi Rajčiciowi");
    expect(info.Author).toBe("Kancelaria Prezydenta Miasta Krakowa (KP-09)");
    expect(info.Subject).toBe("Medal „Cracoviae Merenti”");
    expect(info.Creator).toBe("Merenti");
    expect(info["Page size"]).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(info.Pages).toBe("2");
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines.filter((l) => PAGE_NUMBER.test(l))).toEqual(["Strona 1 z 2", "Strona 2 z 2"]);

    const { stdout: fonts } = await run("pdffonts", [await save(pdf, "pdf")]);
    const embedded = fonts.split("\n").filter((l) => /\+EBGaramond-/.test(l));
    expect(embedded.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["EBGaramond-Bold", "EBGaramond-Italic", "EBGaramond-Regular"]);
    for (const line of embedded) expect(line).toMatch(/yes\s+yes\s+yes/); // embedded, subset, ToUnicode
    expect(fonts).not.toMatch(/Helvetica/);
  });

  test("the layout: header right, title centred, signature in the right half, on the first page", async () => {
    const layout = await pdfText(pdf, true);
    const [first] = layout.split("\f");
    const lines = first!.split("\n");
    const indentOf = (needle: string) => {
      const line = lines.find((l) => l.includes(needle));
      expect(line, needle).toBeDefined();
      return line!.search(/\S/);
    };
    const width = Math.max(...lines.map((l) => l.trimEnd().length));
    expect(indentOf("druk nr")).toBeGreaterThan(width * 0.6);
    expect(indentOf("RADY MIASTA KRAKOWA")).toBeGreaterThan(width * 0.25);
    expect(indentOf("Na podstawie art.")).toBe(0);
    expect(indentOf("Łucja Ćwiklińska-Śliwa")).toBeGreaterThan(width * 0.5);
    expect(indentOf("Strona 1 z 2")).toBeGreaterThan(width * 0.3);
  });

  test("a one-page document has no page numbers; landscape is A4 turned", async () => {
    const short = parseMarkup(`<document title="Krótki" orientation="landscape"><p>Jedna strona.</p></document>`);
    const out = await renderPdf(short);
    expect(normalise(await pdfText(out))).toBe("Jedna strona.");
    const info = await pdfInfo(out);
    expect(info["Page size"]).toMatch(/^841\.89 x 595\.28 pts/);
    expect(info.Author).toBeUndefined();
  });
});

describe("non-breaking spaces hold in the PDF", () => {
  // Many one-letter words at many positions, so that with ordinary spaces some line would end in one.
  const phrases = [
    "pracował w Krakowie",
    "mieszka w Nowej Hucie",
    "i w Podgórzu",
    "a także z rodziną",
    "o zabytkach",
    "u sąsiadów",
    "z Brna",
    "w Žilinie i w Győrze",
  ];
  const text = Array.from({ length: 60 }, (_, i) => `${phrases[i % phrases.length]} ${"x".repeat(1 + (i % 7))}`).join(" ");
  const paragraph = (runs: Run[]): Document => ({ meta: { title: "NBSP", orientation: "portrait" }, blocks: [{ kind: "paragraph", runs, align: "justify" }] });
  const endsWithOneLetterWord = (layout: string) => layout.split("\n").filter((l) => /(^|\s)[aiouwz]$/i.test(l.trimEnd()));

  test("control: with ordinary spaces, lines do end in a one-letter word", async () => {
    const layout = await pdfText(await renderPdf(paragraph([{ text, bold: false, italic: false }])), true);
    expect(endsWithOneLetterWord(layout).length).toBeGreaterThan(0);
  });

  test("with typeset's non-breaking spaces, no line ends in one and the text is unchanged", async () => {
    const runs = buildRuns([{ text, bold: false, italic: false }]);
    expect(runs[0]!.text).toContain("w\u00a0Krakowie");
    const pdf = await renderPdf(paragraph(runs));
    const layout = await pdfText(pdf, true);
    expect(layout.split("\n").filter((l) => l.trim()).length).toBeGreaterThan(5);
    expect(endsWithOneLetterWord(layout)).toEqual([]);
    expect(words(await pdfText(pdf))).toEqual(words(text));
  });

  test("an abbreviation that introduces a name (ul., prof., dr, …) never ends a line either", async () => {
    const names = [
      "mieszka przy ul. Floriańskiej",
      "uczy w szkole im. Jana Pawła II",
      "prof. dr hab. Anna Nowak",
      "ks. Jan Twardowski",
      "os. Centrum",
      "al. Mickiewicza",
    ];
    const addresses = Array.from({ length: 60 }, (_, i) => `${names[i % names.length]} ${"x".repeat(1 + (i % 5))}`).join(" ");
    const endsWithAbbreviation = (layout: string) => layout.split("\n").filter((l) => /(^|\s)(ul\.|im\.|prof\.|dr|hab\.|ks\.|os\.|al\.)$/.test(l.trimEnd()));
    const plain = await pdfText(await renderPdf(paragraph([{ text: addresses, bold: false, italic: false }])), true);
    expect(endsWithAbbreviation(plain).length, "control: with ordinary spaces some line ends in one").toBeGreaterThan(0);
    expect(
      plain.split("\n").some((l) => /(^|\s)ul\.$/.test(l.trimEnd())),
      "control: some line ends in „ul.”",
    ).toBe(true);

    const pdf = await renderPdf(paragraph(buildRuns([{ text: addresses, bold: false, italic: false }])));
    const layout = await pdfText(pdf, true);
    expect(layout.split("\n").filter((l) => l.trim()).length).toBeGreaterThan(5);
    expect(endsWithAbbreviation(layout)).toEqual([]);
    expect(words(await pdfText(pdf))).toEqual(words(addresses));
  });

  test("in a narrow column (a nested point) and a right-aligned line as well", async () => {
    const markup = `<document title="x"><ol><li>punkt<ol><li>litera<ol><li>${text}</li></ol></li></ol></li></ol><signature><line>${phrases.join(" ")} ${phrases.join(" ")}</line></signature></document>`;
    const layout = await pdfText(await renderPdf(parseMarkup(markup)), true);
    expect(endsWithOneLetterWord(layout)).toEqual([]);
  });

  test("a word longer than the line is cut rather than run into the margin", async () => {
    const long = "0123456789".repeat(20);
    const doc = parseMarkup(`<document title="x"><p>Adres: ${long} koniec</p></document>`);
    const out = await pdfText(await renderPdf(doc), true);
    expect(out.replace(/\s/g, "")).toContain(`Adres:${long}koniec`);
    expect(out.split("\n").filter((l) => l.trim()).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the example resolution as DOCX", () => {
  let docx: ReturnType<typeof docxText>;
  let pdfWords: string[];
  beforeAll(async () => {
    docx = docxText(await renderDocx(example));
    pdfWords = words(withoutPageNumbers(await pdfText(await renderPdf(example))));
  });

  test("the same text in the same order as the PDF", () => {
    expect(words(docx.text)).toEqual(pdfWords);
  });

  test("the names are there exactly, with their non-breaking spaces", () => {
    for (const name of ["Dragan Rajčić", "Łucja Ćwiklińska-Śliwa", "Tadeusz Kościuszko", "Jiří Dvořák", "Ödön Szűcs"]) expect(docx.text).toContain(name);
    expect(docx.text).toContain("§\u00a01. Nadaje się Panu ");
    expect(docx.text).toContain("w\u00a0dowód uznania");
  });

  test("structure: header right, title centred and bold, justified paragraphs, hanging points, signature right", () => {
    const paragraphs = [...docx.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
    const find = (needle: string) => {
      const p = paragraphs.find((x) => x.includes(needle));
      expect(p, needle).toBeDefined();
      return p!;
    };
    expect(find("druk nr")).toContain('<w:jc w:val="right"/>');
    expect(find("druk nr")).toContain('<w:sz w:val="20"/>');
    const title = find("RADY MIASTA KRAKOWA");
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain("<w:b/>");
    expect(title).toContain("<w:br/>");
    expect(find("Na podstawie art.")).toContain('<w:jc w:val="both"/>');
    const point = find("wieloletnią pracę");
    expect(point).toMatch(/<w:ind w:left="397" w:hanging="397"\/>/);
    expect(point).toMatch(/<w:t xml:space="preserve">1\)<\/w:t><w:tab\/>/);
    const signature = find("Łucja Ćwiklińska-Śliwa");
    expect(signature).toContain('<w:jc w:val="center"/>');
    expect(signature).toMatch(/<w:ind w:left="4535"\/>/);
    expect(find("UZASADNIENIE")).toContain("<w:pageBreakBefore/>");
  });

  test("A4 with 25 mm margins, EB Garamond, metadata, page numbers", () => {
    expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(docx.xml).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    expect(docx.files["word/styles.xml"]).toMatch(/<w:rFonts w:ascii="EB Garamond" w:cs="EB Garamond" w:eastAsia="EB Garamond" w:hAnsi="EB Garamond"\/>/);
    expect(docx.files["word/styles.xml"]).toContain('<w:lang w:val="pl-PL"/>');
    expect(docx.files["docProps/core.xml"]).toContain("<dc:title>Projekt uchwały w sprawie nadania Medalu „Cracoviae Merenti” Draganowi Rajčiciowi</dc:title>");
    expect(docx.files["docProps/core.xml"]).toContain("<dc:creator>Kancelaria Prezydenta Miasta Krakowa (KP-09)</dc:creator>");
    const footer = Object.entries(docx.files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/Strona [\s\S]*PAGE[\s\S]* z [\s\S]*NUMPAGES/);
  });

  // Issue 16: Word on the office's computers, which lack EB Garamond, substituted another font.
  test("the DOCX embeds all four faces of EB Garamond in its font table, and Word keeps them on save", async () => {
    const zip = unzipSync(new Uint8Array(await renderDocx(example)));
    const fontTable = strFromU8(zip["word/fontTable.xml"]!);
    const font = fontTable.match(/<w:font w:name="EB Garamond">[\s\S]*?<\/w:font>/)?.[0] ?? "";
    for (const face of ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"])
      expect(font).toMatch(new RegExp(`<w:${face} [^>]*w:fontKey="\\{[0-9A-F-]{36}\\}"`));
    const rels = strFromU8(zip["word/_rels/fontTable.xml.rels"]!);
    const parts = [...rels.matchAll(/Target="(fonts\/font\d+\.odttf)"/g)].map((m) => `word/${m[1]}`);
    expect(parts).toHaveLength(4);
    const regular = fontFile("regular");
    // An obfuscated font differs from the TTF only in its first 32 bytes.
    expect(parts.some((p) => zip[p]!.length === regular.length && Buffer.from(zip[p]!.subarray(32)).equals(regular.subarray(32)))).toBe(true);
    expect(strFromU8(zip["word/settings.xml"]!)).toContain("<w:embedTrueTypeFonts/>");
  });

  test("spacing is paragraph spacing: the only empty paragraph is the signature's blank <line/>", () => {
    const paragraphs = [...docx.xml.matchAll(/<w:body>[\s\S]*<\/w:body>/g)][0]![0].match(/<w:p[ >][\s\S]*?<\/w:p>/g)!;
    const empty = paragraphs.filter((p) => !/<w:t[ >]/.test(p));
    expect(empty).toHaveLength(1);
    expect(empty[0]).toContain('<w:ind w:left="4535"/>');
  });

  test("landscape", async () => {
    const { xml } = docxText(await renderDocx(parseMarkup(`<document title="x" orientation="landscape"><p>x</p></document>`)));
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});

describe("every tag, in both outputs", () => {
  const markup = `<document title="Wszystkie znaczniki" author="Test">
  <header><line>druk nr 7</line><line/><line><i>projekt</i></line></header>
  <title>ZARZĄDZENIE NR 1/2026<br/>PREZYDENTA MIASTA KRAKOWA</title>
  <p align="center">w sprawie <b>przyjęcia <i>projektu</i></b> uchwały</p>
  <section number="1"><p>Przyjmuje się projekt.</p><p>Drugi akapit paragrafu.</p></section>
  <section number="2">
    <ol>
      <li>punkt pierwszy,<ol><li>litera a,</li><li>litera b:<ol><li>tiret Dvořák,</li></ol></li></ol></li>
      <li>punkt drugi.</li>
    </ol>
    <p>Część wspólna.</p>
  </section>
  <ol><li>lista poza paragrafem</li></ol>
  <spacer lines="3"/>
  <p align="left">Lewy.</p><p align="right">Prawy.</p>
  <signature><line>Prezydent Miasta Krakowa</line><line/><line><b>Łucja Ćwiklińska-Śliwa</b></line></signature>
  <pagebreak/>
  <p>Druga strona.</p>
</document>`;
  const doc = parseMarkup(markup);

  test("the PDF, the DOCX and the model hold the same words in the same order", async () => {
    const pdf = await renderPdf(doc);
    const expected = words(documentText(doc).join(" "));
    expect(expected.slice(0, 4)).toEqual(["druk", "nr", "7", "projekt"]);
    expect(expected).toContain("§");
    expect(words(withoutPageNumbers(await pdfText(pdf)))).toEqual(expected);
    expect(words(docxText(await renderDocx(doc)).text)).toEqual(expected);
    expect((await pdfInfo(pdf)).Pages).toBe("2");
  });

  test("markers: „§ 2.” on its own line before points, then 1), a), –", async () => {
    const layout = (await pdfText(await renderPdf(doc), true)).split("\n").map((l) => normalise(l));
    const at = (line: string) => layout.indexOf(line);
    expect(at("§ 2.")).toBeGreaterThan(0);
    expect(at("1) punkt pierwszy,")).toBe(at("§ 2.") + 1);
    expect(layout).toEqual(expect.arrayContaining(["a) litera a,", "b) litera b:", "– tiret Dvořák,", "2) punkt drugi.", "Część wspólna."]));
  });
});

describe("font coverage", () => {
  test("Polish, Czech, Hungarian and other Latin letters and the typographic signs are all there", () => {
    const latin = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ čďěňřšťůž ČĎĚŇŘŠŤŮŽ őű ŐŰ äöüß ğış øå æ „”–—§ 0123456789 \u00a0\n";
    expect(missingGlyphs(latin)).toEqual([]);
    expect(missingGlyphs("Rajc\u030Cic\u0301")).toEqual([]); // decomposed, printed composed
    expect(documentMissingGlyphs(example)).toEqual([]);
  });

  test("a CJK character (or an emoji) is reported, once, in order", () => {
    expect(missingGlyphs("Li 漢 Wei 漢字 🙂")).toEqual(["漢", "字", "🙂"]);
    expect(describeCharacter("漢")).toBe("漢 (U+6F22)");
    expect(describeCharacter("🙂")).toBe("🙂 (U+1F642)");
  });

  test("renderPdf refuses a document the font cannot print, unless told to allow it", async () => {
    const doc = parseMarkup(`<document title="x"><p>Li 漢</p></document>`);
    await expect(renderPdf(doc)).rejects.toThrow(MissingGlyphsError);
    await expect(renderPdf(doc)).rejects.toThrow("nie ma znaków: 漢 (U+6F22)");
    await expect(renderPdf(doc, { allowMissingGlyphs: true })).resolves.toBeInstanceOf(Buffer);
  });
});

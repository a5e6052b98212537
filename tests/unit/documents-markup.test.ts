import { describe, expect, test } from "vitest";
import { buildRuns, documentText, type Block, type Document } from "#app/documents/blocks";
import { exampleResolutionData, exampleResolutionTemplate } from "#tests/fixtures/example-document";
import { MarkupError, parseMarkup } from "#app/documents/markup";
import { compileDocumentTemplate, TemplateError } from "#app/documents/template";

const NB = "\u00a0";

const SAMPLE = `<document title="Uchwała w sprawie &quot;Cracoviae Merenti&quot;" author="KP-09" subject="Medal">
  <header>
    <line>druk nr 123</line>
    <line>projekt Prezydenta Miasta Krakowa</line>
  </header>
  <title>UCHWAŁA NR XCIII/610/93<br/>RADY MIASTA KRAKOWA<br />z dnia 24 kwietnia 2018 r.</title>
  <p>Na podstawie art. 18 ust. 2 pkt 14 ustawy uchwala się, co następuje:</p>
  <section number="1">
    <p>Nadaje się Panu <b>Draganowi Rajčiciowi</b> Medal "<i>Cracoviae Merenti</i>" w dowód uznania.</p>
    <ol>
      <li>za pracę w Krakowie,</li>
      <li>za wystawy:
        <ol><li>w Brnie,</li><li>w Győrze.</li></ol>
      </li>
    </ol>
  </section>
  <section number="2a"><p align="center">Uchwała wchodzi w życie z dniem podjęcia.</p></section>
  <spacer lines="2"/>
  <signature>
    <line>Przewodnicząca Rady Miasta Krakowa</line>
    <line/>
    <line>Łucja Ćwiklińska-Śliwa</line>
  </signature>
  <pagebreak/>
  <title>UZASADNIENIE</title>
  <p align="right"><i>Kraków</i></p>
</document>`;

/** Markup wrapped in a <document>, so that `body` starts on line 2. */
function doc(body: string): string {
  return `<document title="Test">\n${body}\n</document>`;
}

function parseError(markup: string): MarkupError {
  try {
    parseMarkup(markup);
  } catch (error) {
    expect(error).toBeInstanceOf(MarkupError);
    return error as MarkupError;
  }
  throw new Error("expected a MarkupError");
}

function only<K extends Block["kind"]>(d: Document, kind: K): Extract<Block, { kind: K }>[] {
  return d.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

describe("parseMarkup: the structure", () => {
  const parsed = parseMarkup(SAMPLE);

  test("metadata from <document>, with „quotes”", () => {
    expect(parsed.meta).toEqual({ title: "Uchwała w sprawie „Cracoviae Merenti”", author: "KP-09", subject: "Medal", orientation: "portrait" });
    expect(parseMarkup(`<document title="T" orientation="landscape"><p>x</p></document>`).meta.orientation).toBe("landscape");
  });

  test("blocks in order", () => {
    expect(parsed.blocks.map((b) => b.kind)).toEqual([
      "header",
      "heading",
      "paragraph",
      "section",
      "section",
      "spacer",
      "signature",
      "pagebreak",
      "heading",
      "paragraph",
    ]);
  });

  test("header and signature lines; an empty <line/> is a blank line", () => {
    const [header] = only(parsed, "header");
    expect(header!.lines.map((l) => l.map((r) => r.text).join(""))).toEqual(["druk nr\u00a0123", "projekt Prezydenta Miasta Krakowa"]);
    const [signature] = only(parsed, "signature");
    expect(signature!.lines.map((l) => l.map((r) => r.text).join(""))).toEqual(["Przewodnicząca Rady Miasta Krakowa", "", "Łucja Ćwiklińska-Śliwa"]);
  });

  test("the title is split into lines at <br/>", () => {
    const [title] = only(parsed, "heading");
    expect(title!.lines.map((l) => l.map((r) => r.text).join(""))).toEqual([
      `UCHWAŁA NR${NB}XCIII/610/93`,
      "RADY MIASTA KRAKOWA",
      `z${NB}dnia 24 kwietnia 2018${NB}r.`,
    ]);
  });

  test("sections keep their number and hold paragraphs and nested points", () => {
    const [first, second] = only(parsed, "section");
    expect(first!.number).toBe("1");
    expect(first!.blocks.map((b) => b.kind)).toEqual(["paragraph", "list"]);
    const list = first!.blocks[1]!;
    if (list.kind !== "list") throw new Error("expected a list");
    expect(list.items.map((i) => i.runs.map((r) => r.text).join(""))).toEqual([`za pracę w${NB}Krakowie,`, "za wystawy:"]);
    expect(list.items[1]!.list!.items.map((i) => i.runs.map((r) => r.text).join(""))).toEqual([`w${NB}Brnie,`, `w${NB}Győrze.`]);
    expect(second!.number).toBe("2a");
    expect(second!.blocks[0]).toMatchObject({ kind: "paragraph", align: "center" });
  });

  test("paragraphs are justified unless align says otherwise; spacer takes its lines", () => {
    expect(only(parsed, "paragraph").map((p) => p.align)).toEqual(["justify", "right"]);
    expect(only(parsed, "spacer")).toEqual([{ kind: "spacer", lines: 2 }]);
    expect(parseMarkup(doc("<p>x</p><spacer/>")).blocks[1]).toEqual({ kind: "spacer", lines: 1 });
  });

  test("documentText: reading order with § labels and point markers", () => {
    expect(documentText(parsed)).toEqual([
      `druk nr${NB}123`,
      "projekt Prezydenta Miasta Krakowa",
      `UCHWAŁA NR${NB}XCIII/610/93`,
      "RADY MIASTA KRAKOWA",
      `z${NB}dnia 24 kwietnia 2018${NB}r.`,
      `Na podstawie art.${NB}18 ust.${NB}2 pkt${NB}14 ustawy uchwala się, co następuje:`,
      `§${NB}1. Nadaje się Panu Draganowi Rajčiciowi Medal „Cracoviae Merenti” w${NB}dowód uznania.`,
      `1) za pracę w${NB}Krakowie,`,
      "2) za wystawy:",
      `a) w${NB}Brnie,`,
      `b) w${NB}Győrze.`,
      `§${NB}2a. Uchwała wchodzi w${NB}życie z${NB}dniem podjęcia.`,
      "Przewodnicząca Rady Miasta Krakowa",
      "Łucja Ćwiklińska-Śliwa",
      "UZASADNIENIE",
      "Kraków",
    ]);
  });
});

describe("parseMarkup: text", () => {
  const runsOf = (inner: string) => {
    const block = parseMarkup(doc(`<p>${inner}</p>`)).blocks[0]!;
    if (block.kind !== "paragraph") throw new Error("expected a paragraph");
    return block.runs;
  };

  test("typeset is applied: non-breaking spaces after one-letter words, after § and nr, before r.", () => {
    expect(runsOf("Medal nr 7 i dyplom w dniu 24 kwietnia 2018 r. (§ 3 ust. 1)")).toEqual([
      { text: `Medal nr${NB}7 i${NB}dyplom w${NB}dniu 24 kwietnia 2018${NB}r. (§${NB}3 ust.${NB}1)`, bold: false, italic: false },
    ]);
  });

  test("„quotes” pair up across formatting; a one-letter word before <b> is bound", () => {
    expect(runsOf(`Medal "<i>Cracoviae Merenti</i>" w <b>Krakowie</b>`)).toEqual([
      { text: "Medal „", bold: false, italic: false },
      { text: "Cracoviae Merenti", bold: false, italic: true },
      { text: `” w${NB}`, bold: false, italic: false },
      { text: "Krakowie", bold: true, italic: false },
    ]);
  });

  test("nested inline formatting", () => {
    expect(runsOf("a<b>b <i>bi</i> <i>b<b>bi</b></i></b> r")).toEqual([
      { text: "a", bold: false, italic: false },
      { text: "b ", bold: true, italic: false },
      { text: "bi", bold: true, italic: true },
      { text: " ", bold: true, italic: false },
      { text: "bbi", bold: true, italic: true },
      { text: " r", bold: false, italic: false },
    ]);
  });

  test("whitespace collapses as in HTML, also across tags and line breaks, and is trimmed", () => {
    expect(runsOf("\n   Dragan \n\t <b> Rajčić </b>  ma  \n medal  ")).toEqual([
      { text: "Dragan ", bold: false, italic: false },
      { text: "Rajčić ", bold: true, italic: false },
      { text: "ma medal", bold: false, italic: false },
    ]);
  });

  test("entities decode (handlebars escapes to them); decomposed letters become one (NFC)", () => {
    expect(runsOf("&lt;b&gt; &amp; &#x27;x&#x27; &#160;|&#x3D; Rajc\u030Cic\u0301")).toEqual([{ text: `<b> & 'x'${NB}|= Rajčić`, bold: false, italic: false }]);
  });

  test("buildRuns keeps an explicit non-breaking space and never lets one-letter words end a run's line", () => {
    const runs = buildRuns([
      { text: "zasług i ", bold: false, italic: false },
      { text: "w", bold: true, italic: false },
      { text: ` Krakowie${NB} `, bold: false, italic: false },
      { text: "nr 5", bold: false, italic: false },
    ]);
    const text = runs.map((r) => r.text).join("");
    expect(text).toBe(`zasług i${NB}w${NB}Krakowie${NB}nr${NB}5`);
    expect(text).not.toMatch(/(^|[\s])[aiouwz] /i);
  });
});

describe("parseMarkup: mistakes are errors naming the tag and the line", () => {
  test.each([
    ["an unknown tag", doc("<p>x</p>\n<table>x</table>"), 3, "table", /nieznany znacznik <table>/],
    ["an unknown tag inside a paragraph", doc("<p>a <u>b</u></p>"), 2, "u", /nieznany znacznik <u>/],
    ["an upper-case tag (the markup is case-sensitive)", doc("<P>x</P>"), 2, "P", /nieznany znacznik <P>/],
    ["an unknown attribute", doc('<p>x</p>\n\n<p style="color: red">y</p>'), 4, "p", /znacznik <p> nie ma atrybutu style; dozwolone atrybuty: align, role/],
    ["an attribute on a tag that takes none", doc('<ol class="x"><li>x</li></ol>'), 2, "ol", /<ol> nie ma atrybutu class; nie przyjmuje atrybutów/],
    ["a wrong attribute value", doc('<p align="middle">x</p>'), 2, "p", /align="middle".*justify, left, center, right/],
    ["a section without a number", doc("<section><p>x</p></section>"), 2, "section", /<section> wymaga atrybutu number/],
    ["a section with a bad number", doc('<section number="I"><p>x</p></section>'), 2, "section", /number="I"/],
    ["a document without a title", "<document>\n<p>x</p></document>", 1, "document", /<document> wymaga atrybutu title/],
    ["a tag in the wrong place", doc("<p>a <li>b</li></p>"), 2, "li", /<li> nie może stać w <p>/],
    ["a paragraph inside a paragraph", doc("<p>a\n<p>b</p></p>"), 3, "p", /<p> nie może stać w <p>/],
    ["text straight in a section", doc('<section number="1">\n  Nadaje się\n</section>'), 3, "section", /tekst „Nadaje się” nie może stać wprost w <section>/],
    ["text straight in the document", doc("<p>x</p>\nluźny tekst"), 3, "document", /tekst „luźny tekst”/],
    ["an unclosed inline tag", doc("<p>a\n<b>b</p>"), 3, "p", /zamknięcie <\/p> w miejscu, gdzie otwarty jest <b> \(z wiersza 3\)/],
    [
      "a tag left open when its parent closes",
      doc("<p>x</p>\n<p>y"),
      4,
      "document",
      /zamknięcie <\/document> w miejscu, gdzie otwarty jest <p> \(z wiersza 3\)/,
    ],
    ["a tag never closed", '<document title="T">\n<p>x</p>\n<p>y', 3, "p", /<p> nie został zamknięty \(brak <\/p>\)/],
    ["a stray closing tag", doc("<p>x</b></p>"), 2, "b", /zamknięcie <\/b> bez otwarcia/],
    ["<br> outside a title", doc("<p>a<br/>b</p>"), 2, "br", /<br> nie może stać w <p>/],
    ["<br> not self-closed", '<document title="T">\n<title>a<br></title>\n</document>', 2, "br", /znacznik <br> musi być pusty: pisz <br\/>/],
    [
      "<br> with text in it",
      '<document title="T">\n<title>a<br>b</br></title>\n</document>',
      2,
      "br",
      /tekst „b” nie może stać wprost w <br>; <br> musi być pusty: pisz <br\/>/,
    ],
    [
      "<spacer> not self-closed at the end",
      '<document title="T">\n<p>x</p><spacer>',
      2,
      "spacer",
      /<spacer> nie został zamknięty \(pusty znacznik pisz jako <spacer\/>\)/,
    ],
    ["text after a nested list in a point", doc("<ol><li>a<ol><li>b</li></ol>\n c</li></ol>"), 3, "li", /po zagnieżdżonej liście/],
    ["an empty paragraph", doc("<p>x</p>\n<p> </p>"), 3, "p", /akapit <p> jest pusty/],
    ["an empty point", doc("<ol><li></li></ol>"), 2, "li", /punkt <li> jest pusty/],
    ["an empty list", doc("<ol>\n</ol>"), 2, "ol", /lista <ol> jest pusty/],
    ["an empty section", doc('<section number="1"></section>'), 2, "section", /paragraf <section number="1"> jest pusty/],
    ["an HTML-only entity", doc("<p>x</p>\n<p>w&nbsp;Krakowie</p>"), 3, undefined, /nieznana encja &nbsp;.*&#160;/],
    ["a spacer of too many lines", doc('<spacer lines="40"/>'), 2, "spacer", /lines="40"/],
    [
      "a second root",
      '<document title="T"><p>x</p></document>\n<document title="U"><p>y</p></document>',
      2,
      "document",
      /po <\/document> nie może być już nic/,
    ],
  ])("%s", (_name, markup, line, tag, message) => {
    const error = parseError(markup);
    expect(error.line).toBe(line);
    expect(error.tag).toBe(tag);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`wiersz ${line}:`);
  });

  test("no <document> at all", () => {
    expect(parseError("<p>x</p>").message).toMatch(/<p> nie może stać w <\(początek\)>; w <\(początek\)> dozwolone: <document>/);
    expect(parseError("  \n").message).toMatch(/brak znacznika <document>/);
    expect(parseError("tekst").message).toMatch(/tekst „tekst” poza znacznikiem <document>/);
  });

  test("a declaration is refused; comments are ignored", () => {
    expect(parseError('<?xml version="1.0"?><document title="T"><p>x</p></document>').message).toMatch(/deklaracja/);
    expect(parseMarkup(doc("<!-- § 1: przyznanie --><p>x<!-- uwaga --></p>")).blocks).toHaveLength(1);
  });

  test("the message names the source and quotes the offending line", () => {
    try {
      parseMarkup(doc('<p>x</p>\n  <p style="x">y</p>'), { source: "uchwala.hbs" });
      throw new Error("expected a MarkupError");
    } catch (error) {
      expect((error as Error).message).toBe(
        'uchwala.hbs, wiersz 3: znacznik <p> nie ma atrybutu style; dozwolone atrybuty: align, role\n  3 | <p style="x">y</p>',
      );
    }
  });
});

describe("templates", () => {
  type Data = { name: string; date: string; session: number; merits: string[]; note?: string };
  const template = compileDocumentTemplate<Data>(
    `<document title="Uchwała {{name}}">
  <title>UCHWAŁA NR {{roman session}}/1/18<br/>z dnia {{polishDate date}}</title>
  <p>Nadaje się {{name}}.</p>
  {{#if note}}<p>{{note}}</p>{{/if}}
  <ol>{{#each merits}}<li>{{this}}</li>{{/each}}</ol>
</document>`,
    "test.hbs",
  );

  test("helpers and data; {{…}} escapes data, so it cannot add markup", () => {
    const d = template.render({ name: 'Dragan <b>Rajčić</b> & "Syn"', date: "2018-04-24", session: 93, merits: ["a", "b"] });
    expect(documentText(d)).toEqual([
      `UCHWAŁA NR${NB}XCIII/1/18`,
      `z${NB}dnia 24 kwietnia 2018${NB}r.`,
      "Nadaje się Dragan <b>Rajčić</b> & „Syn”.",
      "1) a",
      "2) b",
    ]);
    expect(d.meta.title).toBe("Uchwała Dragan <b>Rajčić</b> & „Syn”");
  });

  test("a field missing from the data is an error naming the template, not an empty gap", () => {
    expect(() => template.render({ date: "2018-04-24", session: 1, merits: ["a"] } as unknown as Data)).toThrow(TemplateError);
    expect(() => template.render({ date: "2018-04-24", session: 1, merits: ["a"] } as unknown as Data)).toThrow(/Szablon test\.hbs: "name" not defined/);
  });

  test("a markup mistake in a template names the template", () => {
    const bad = compileDocumentTemplate<{ x: string }>(`<document title="T">\n<para>{{x}}</para>\n</document>`, "bad.hbs");
    expect(() => bad.render({ x: "y" })).toThrow(/bad\.hbs, wiersz 2: nieznany znacznik <para>/);
  });

  test("a Handlebars syntax error is thrown when compiling", () => {
    expect(() => compileDocumentTemplate(`<document title="T">{{#if x}}</document>`, "broken.hbs")).toThrow(/Szablon broken\.hbs: Parse error/);
  });

  test("the example resolution template renders", () => {
    const d = exampleResolutionTemplate.render(exampleResolutionData());
    const text = documentText(d);
    expect(text[0]).toBe(`druk nr${NB}1234`);
    expect(text).toContain(`§${NB}3. Uchwała wchodzi w${NB}życie z${NB}dniem podjęcia.`);
    expect(text).toContain("Łucja Ćwiklińska-Śliwa");
    expect(d.blocks.filter((b) => b.kind === "pagebreak")).toHaveLength(1);
  });
});

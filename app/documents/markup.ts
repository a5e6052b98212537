// The markup document templates render to: a small, strict subset of HTML/XML, parsed with
// htmlparser2 into the block model of ./blocks.ts. Reference (also in README.md, "Documents"):
//
//   <document title="…" author="…" subject="…" orientation="portrait|landscape">  root, once
//     <header><line>druk nr 123</line><line>projekt Prezydenta Miasta Krakowa</line></header>
//     <title>UCHWAŁA NR …<br/>RADY MIASTA KRAKOWA<br/>z dnia …</title>
//     <p align="justify|left|center|right">text with <b>bold</b> and <i>italic</i></p>
//     <p role="name">…</p>   a diploma line's role in its ceremonial design (PARAGRAPH_ROLES)
//     <section number="1"><p>…</p><ol>…</ol></section>      "§ 1." + its paragraphs and points
//     <ol><li>point<ol><li>letter</li></ol></li></ol>         "1)", nested "a)", then "–"
//     <signature><line>Przewodniczący Rady Miasta Krakowa</line><line/><line>…</line></signature>
//     <spacer lines="2"/>  <pagebreak/>
//   </document>
//
// Anything else is an error naming the tag (or attribute) and the line: an unknown tag or
// attribute, a tag where it may not stand, text outside a paragraph, an unclosed or stray tag,
// an empty paragraph, an HTML entity XML does not know (&nbsp;: write the character or &#160;).
// Comments <!-- … --> are allowed and ignored. Whitespace collapses as in HTML; the text then goes
// through Polish typesetting (non-breaking spaces after one-letter words, „quotes”).
import { Parser } from "htmlparser2";
import { polishQuotes } from "#app/domain/polish-text";
import {
  buildRuns,
  PARAGRAPH_ROLES,
  type Align,
  type Block,
  type Document,
  type DocumentMeta,
  type Line,
  type List,
  type ListItem,
  type Paragraph,
  type ParagraphRole,
  type Segment,
} from "./blocks";

/** A markup mistake: `line` is 1-based in the markup (for a template: in its rendered output). */
export class MarkupError extends Error {
  override readonly name = "MarkupError";
  constructor(
    message: string,
    readonly line: number,
    readonly tag?: string,
  ) {
    super(message);
  }
}

type Tag = "document" | "header" | "title" | "p" | "section" | "ol" | "li" | "b" | "i" | "br" | "signature" | "line" | "spacer" | "pagebreak";

type AttributeRule = { required?: boolean; values?: readonly string[]; pattern?: RegExp; describe?: string };

const INLINE = ["b", "i"] as const;

/** What may stand inside each tag ("#text": non-blank text), and which attributes it takes. */
const RULES: Record<Tag, { children: readonly (Tag | "#text")[]; attributes: Record<string, AttributeRule> }> = {
  document: {
    children: ["header", "title", "p", "section", "ol", "signature", "spacer", "pagebreak"],
    attributes: {
      title: { required: true },
      author: {},
      subject: {},
      orientation: { values: ["portrait", "landscape"] },
    },
  },
  header: { children: ["line"], attributes: { align: { values: ["left", "right"] }, size: { values: ["small", "body"] } } },
  signature: { children: ["line"], attributes: {} },
  line: { children: ["#text", ...INLINE], attributes: {} },
  title: { children: ["#text", ...INLINE, "br"], attributes: {} },
  p: { children: ["#text", ...INLINE], attributes: { align: { values: ["justify", "left", "center", "right"] }, role: { values: PARAGRAPH_ROLES } } },
  section: {
    children: ["p", "ol"],
    attributes: { number: { required: true, pattern: /^[1-9]\d*[a-z]?$/, describe: "liczba, np. 1 albo 2a" } },
  },
  ol: { children: ["li"], attributes: {} },
  li: { children: ["#text", ...INLINE, "ol"], attributes: {} },
  b: { children: ["#text", ...INLINE, "br"], attributes: {} },
  i: { children: ["#text", ...INLINE, "br"], attributes: {} },
  br: { children: [], attributes: {} },
  spacer: { children: [], attributes: { lines: { pattern: /^([1-9]|1\d|20)$/, describe: "liczba wierszy od 1 do 20" } } },
  pagebreak: { children: [], attributes: {} },
};

const TAGS = Object.keys(RULES) as Tag[];

/** Metadata (PDF Title/Author/Subject): NFC, whitespace collapsed, „quotes”; no non-breaking spaces. */
function metaText(value: string): string {
  return polishQuotes(value.normalize("NFC").replace(/\s+/g, " ").trim());
}

function isTag(name: string): name is Tag {
  return Object.prototype.hasOwnProperty.call(RULES, name);
}

/** A tag being parsed, with what it has collected so far. */
type Frame =
  | { tag: "#root"; line: number; document?: Document }
  | { tag: "document"; line: number; meta: DocumentMeta; blocks: Block[] }
  | { tag: "header" | "signature"; line: number; lines: Line[]; align?: "left" | "right"; size?: "small" | "body" }
  | { tag: "line" | "p"; line: number; segments: Segment[]; align: Align; role?: ParagraphRole }
  | { tag: "title"; line: number; lines: Segment[][] }
  | { tag: "section"; line: number; number: string; blocks: (Paragraph | List)[] }
  | { tag: "ol"; line: number; items: ListItem[] }
  | { tag: "li"; line: number; segments: Segment[]; list?: List }
  | { tag: "b" | "i" | "br" | "spacer" | "pagebreak"; line: number; lines?: number };

type TextFrame = Extract<Frame, { tag: "line" | "p" | "li" | "title" }>;

export type ParseOptions = {
  /** Named in error messages, e.g. the template's file name. */
  source?: string;
};

/** The tags that hold text directly (inline <b>/<i> inside them pass it on). */
const isTextFrame = (f: Frame): f is TextFrame => f.tag === "line" || f.tag === "p" || f.tag === "li" || f.tag === "title";

/**
 * One parse: htmlparser2's handler, holding the stack of open tags and building the Document.
 * A class rather than closures per call: a batch of 300 diplomas parses 300 documents.
 */
class MarkupReader {
  readonly root: Extract<Frame, { tag: "#root" }> = { tag: "#root", line: 1 };
  readonly stack: Frame[] = [this.root];
  selfClosing = false;
  private readonly lineStarts: number[] = [0];
  private readonly parser: StrictParser;

  constructor(
    readonly markup: string,
    private readonly source: string | undefined,
  ) {
    for (let i = markup.indexOf("\n"); i !== -1; i = markup.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    this.parser = new StrictParser(this);
  }

  parse(): Document {
    this.parser.parseComplete(this.markup);
    if (!this.root.document) this.fail(this.lineAt(this.markup.length), "brak znacznika <document>");
    return this.root.document!;
  }

  lineAt(index: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  fail(line: number, message: string, tag?: string): never {
    // The offending line itself, since a template's rendered lines need not match its source lines.
    const text = this.markup.slice(this.lineStarts[line - 1] ?? 0, (this.lineStarts[line] ?? this.markup.length + 1) - 1).trim();
    const shown = text.length > 100 ? `${text.slice(0, 100)}…` : text;
    throw new MarkupError(`${this.source ? `${this.source}, ` : ""}wiersz ${line}: ${message}${shown ? `\n  ${line} | ${shown}` : ""}`, line, tag);
  }

  top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  describeAllowed(tag: Tag | "#root"): string {
    const allowed = tag === "#root" ? ["document"] : RULES[tag].children;
    if (allowed.length === 0) return `<${tag}> musi być pusty: pisz <${tag}/>`;
    return `w <${tag === "#root" ? "(początek)" : tag}> dozwolone: ${allowed.map((c) => (c === "#text" ? "tekst" : `<${c}>`)).join(", ")}`;
  }

  textFrame(): TextFrame | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i]!;
      if (isTextFrame(f)) return f;
      if (f.tag !== "b" && f.tag !== "i") return undefined;
    }
    return undefined;
  }

  checkEntities(text: string, line: number): void {
    if (!text.includes("&")) return;
    const entity = /&(#?[A-Za-z0-9]+);/.exec(text);
    if (entity)
      this.fail(
        line,
        `nieznana encja &${entity[1]}; (w tym formacie działają tylko &amp; &lt; &gt; &quot; &apos; i kody liczbowe: zamiast &nbsp; napisz &#160;)`,
      );
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    const line = this.lineAt(this.parser.startIndex);
    if (!isTag(name)) this.fail(line, `nieznany znacznik <${name}>; dozwolone: ${TAGS.map((t) => `<${t}>`).join(", ")}`, name);
    const tag = name as Tag;
    const stack = this.stack;
    const parent = this.top();
    const allowed = parent.tag === "#root" ? ["document"] : RULES[parent.tag].children;
    if (parent.tag === "#root" && parent.document) this.fail(line, `po </document> nie może być już nic (znacznik <${tag}>)`, tag);
    if (!allowed.includes(tag))
      this.fail(line, `znacznik <${tag}> nie może stać w <${parent.tag === "#root" ? "(początek)" : parent.tag}>; ${this.describeAllowed(parent.tag)}`, tag);
    if (tag === "br" && !stack.some((f) => f.tag === "title")) this.fail(line, "znacznik <br> jest dozwolony tylko w <title>", tag);
    if (parent.tag === "li" && parent.list) this.fail(line, `w punkcie <li> po zagnieżdżonej liście <ol> nie może być już <${tag}>`, tag);

    const rules = RULES[tag].attributes;
    for (const attribute in attributes) {
      const value = attributes[attribute]!;
      const rule = rules[attribute];
      if (!rule) {
        const known = Object.keys(rules);
        this.fail(
          line,
          `znacznik <${tag}> nie ma atrybutu ${attribute}; ${known.length ? `dozwolone atrybuty: ${known.join(", ")}` : "nie przyjmuje atrybutów"}`,
          tag,
        );
      }
      this.checkEntities(value, line);
      if (rule.values && !rule.values.includes(value))
        this.fail(line, `atrybut ${attribute}="${value}" znacznika <${tag}>: dozwolone wartości: ${rule.values.join(", ")}`, tag);
      if (rule.pattern && !rule.pattern.test(value)) this.fail(line, `atrybut ${attribute}="${value}" znacznika <${tag}>: oczekiwana ${rule.describe}`, tag);
    }
    for (const attribute in rules) {
      if (rules[attribute]!.required && !(attributes[attribute] ?? "").trim()) this.fail(line, `znacznik <${tag}> wymaga atrybutu ${attribute}`, tag);
    }

    switch (tag) {
      case "document":
        stack.push({
          tag,
          line,
          meta: {
            title: metaText(attributes.title!),
            ...(attributes.author?.trim() ? { author: metaText(attributes.author) } : {}),
            ...(attributes.subject?.trim() ? { subject: metaText(attributes.subject) } : {}),
            orientation: attributes.orientation === "landscape" ? "landscape" : "portrait",
          },
          blocks: [],
        });
        break;
      case "header":
        stack.push({
          tag,
          line,
          lines: [],
          ...(attributes.align ? { align: attributes.align as "left" | "right" } : {}),
          ...(attributes.size ? { size: attributes.size as "small" | "body" } : {}),
        });
        break;
      case "signature":
        stack.push({ tag, line, lines: [] });
        break;
      case "line":
      case "p":
        stack.push({
          tag,
          line,
          segments: [],
          align: (attributes.align as Align | undefined) ?? "justify",
          ...(attributes.role ? { role: attributes.role as ParagraphRole } : {}),
        });
        break;
      case "title":
        stack.push({ tag, line, lines: [[]] });
        break;
      case "section":
        stack.push({ tag, line, number: attributes.number!, blocks: [] });
        break;
      case "ol":
        stack.push({ tag, line, items: [] });
        break;
      case "li":
        stack.push({ tag, line, segments: [] });
        break;
      case "br": {
        const title = stack.find((f): f is Extract<Frame, { tag: "title" }> => f.tag === "title")!;
        title.lines.push([]);
        stack.push({ tag, line });
        break;
      }
      case "spacer":
        stack.push({ tag, line, lines: Number(attributes.lines ?? "1") });
        break;
      default:
        stack.push({ tag, line });
    }
  }

  ontext(text: string): void {
    const index = this.parser.startIndex;
    const frame = this.textFrame();
    const trimmed = text.trim();
    // The line of the first printable character, not of the line break before it.
    const at = trimmed === "" ? this.lineAt(index) : this.lineAt(index + text.indexOf(trimmed[0]!));
    if (!frame) {
      if (trimmed === "") return;
      const parent = this.top();
      const excerpt = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
      if (parent.tag === "#root") this.fail(at, `tekst „${excerpt}” poza znacznikiem <document>`);
      this.fail(at, `tekst „${excerpt}” nie może stać wprost w <${parent.tag}>; ${this.describeAllowed(parent.tag)}`, parent.tag);
    }
    // A decoded entity arrives as its own chunk (raw "&amp;", text "&"); an undecoded one stays in
    // a plain chunk whose raw source equals its text.
    if (this.markup.slice(index, this.parser.endIndex + 1) === text) this.checkEntities(text, at);
    if (frame!.tag === "li" && frame!.list && trimmed !== "") {
      this.fail(at, "w punkcie <li> po zagnieżdżonej liście <ol> nie może być już tekstu", "li");
    }
    let bold = false;
    let italic = false;
    for (const f of this.stack) {
      if (f.tag === "b") bold = true;
      else if (f.tag === "i") italic = true;
    }
    const segment = { text, bold, italic };
    if (frame!.tag === "title") frame!.lines[frame!.lines.length - 1]!.push(segment);
    else frame!.segments.push(segment);
  }

  onclosetag(name: string, isImplied: boolean): void {
    const frame = this.stack.pop()!;
    if (frame.tag === "#root" || frame.tag !== name) throw new Error(`markup parser out of step at </${name}>`);
    if (isImplied && !this.selfClosing) {
      const empty = RULES[frame.tag].children.length === 0;
      this.fail(
        frame.line,
        `znacznik <${frame.tag}> nie został zamknięty (${empty ? `pusty znacznik pisz jako <${frame.tag}/>` : `brak </${frame.tag}>`})`,
        frame.tag,
      );
    }
    const parent = this.top();
    const emptyText = (what: string) => this.fail(frame.line, `${what} jest pusty`, frame.tag);
    switch (frame.tag) {
      case "document": {
        if (frame.blocks.length === 0) emptyText("dokument <document>");
        (parent as Extract<Frame, { tag: "#root" }>).document = { meta: frame.meta, blocks: frame.blocks };
        return;
      }
      case "header":
      case "signature":
        if (frame.lines.length === 0) emptyText(`blok <${frame.tag}>`);
        if (frame.tag === "signature") return this.pushBlock(parent, { kind: "signature", lines: frame.lines });
        return this.pushBlock(parent, {
          kind: "header",
          lines: frame.lines,
          ...(frame.align ? { align: frame.align } : {}),
          ...(frame.size ? { size: frame.size } : {}),
        });
      case "line":
        // An empty <line/> is a blank line (e.g. the room for the handwritten signature).
        (parent as Extract<Frame, { tag: "header" | "signature" }>).lines.push(buildRuns(frame.segments));
        return;
      case "title": {
        const lines = frame.lines.map((segments) => buildRuns(segments));
        if (lines.every((l) => l.length === 0)) emptyText("tytuł <title>");
        return this.pushBlock(parent, { kind: "heading", lines: lines.filter((l) => l.length > 0) });
      }
      case "p": {
        const runs = buildRuns(frame.segments);
        if (runs.length === 0) emptyText("akapit <p>");
        return this.pushBlock(parent, { kind: "paragraph", runs, align: frame.align, ...(frame.role ? { role: frame.role } : {}) });
      }
      case "section":
        if (frame.blocks.length === 0) emptyText(`paragraf <section number="${frame.number}">`);
        return this.pushBlock(parent, { kind: "section", number: frame.number, blocks: frame.blocks });
      case "ol": {
        if (frame.items.length === 0) emptyText("lista <ol>");
        const list: List = { kind: "list", items: frame.items };
        if (parent.tag === "li") parent.list = list;
        else this.pushBlock(parent, list);
        return;
      }
      case "li": {
        const runs = buildRuns(frame.segments);
        if (runs.length === 0) emptyText("punkt <li>");
        (parent as Extract<Frame, { tag: "ol" }>).items.push(frame.list ? { runs, list: frame.list } : { runs });
        return;
      }
      case "spacer":
        return this.pushBlock(parent, { kind: "spacer", lines: frame.lines ?? 1 });
      case "pagebreak":
        return this.pushBlock(parent, { kind: "pagebreak" });
      case "b":
      case "i":
      case "br":
        return;
    }
  }

  onprocessinginstruction(name: string): void {
    this.fail(this.lineAt(this.parser.startIndex), `deklaracja <${name}…> nie jest dozwolona`);
  }

  private pushBlock(parent: Frame, block: Block): void {
    if (parent.tag === "document") parent.blocks.push(block);
    else if (parent.tag === "section" && (block.kind === "paragraph" || block.kind === "list")) parent.blocks.push(block);
    else throw new Error(`markup parser: <${block.kind}> cannot go into <${parent.tag}>`);
  }
}

/** htmlparser2 in XML mode, failing on a stray or crossed closing tag instead of repairing it. */
class StrictParser extends Parser {
  constructor(private readonly reader: MarkupReader) {
    super(reader, { xmlMode: true, decodeEntities: true });
  }

  override onclosetag(start: number, endIndex: number): void {
    const reader = this.reader;
    const name = reader.markup.slice(start, endIndex);
    const open = reader.top();
    if (open.tag !== name) {
      const line = reader.lineAt(start);
      if (open.tag === "#root" || !reader.stack.some((f) => f.tag === name)) reader.fail(line, `zamknięcie </${name}> bez otwarcia <${name}>`, name);
      else if (RULES[open.tag].children.length === 0) reader.fail(open.line, `znacznik <${open.tag}> musi być pusty: pisz <${open.tag}/>`, open.tag);
      else reader.fail(line, `zamknięcie </${name}> w miejscu, gdzie otwarty jest <${open.tag}> (z wiersza ${open.line})`, name);
    }
    super.onclosetag(start, endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.reader.selfClosing = true;
    try {
      super.onselfclosingtag(endIndex);
    } finally {
      this.reader.selfClosing = false;
    }
  }
}

/** Parses markup into a Document; throws MarkupError for anything outside the markup. */
export function parseMarkup(markup: string, options: ParseOptions = {}): Document {
  return new MarkupReader(markup, options.source).parse();
}

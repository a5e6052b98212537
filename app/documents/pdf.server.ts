// Renders a Document (./blocks.ts) to PDF with pdfkit: A4, the Council print's margins and sizes
// (./layout.ts), EB Garamond embedded (subset) in four faces, metadata, page numbers when the
// document runs to more than one page.
//
// Lines are broken and justified here, not by pdfkit's own wrapper: a paragraph mixes faces
// (<b>, <i>), which pdfkit's `continued` text justifies fragment by fragment, and a non-breaking
// space must never become a line break. So each paragraph is cut into words at spaces; words
// joined by a non-breaking space (after "w", "§", "nr", before "r.") form one unbreakable
// cluster; lines are filled greedily, and each line is drawn as a few same-face segments at
// computed positions (pdfkit's `wordSpacing` stretches the gaps of a justified line).
//
// Archival and accessible (issue 16, item 14): every PDF is PDF/A-2b (pdfkit writes the XMP
// identification and the sRGB output intent; the fonts are embedded subsets), lang pl-PL, the
// title shown, and tagged: a Document element per part holding H1 (title), P (header lines,
// paragraphs), Sect (a "§"), L/LI/LBody (points) and Table/TR/TD (signatures); page numbers and
// drawn decorations are marked as artifacts (see `artifact`).
//
// Fonts: parsed once per process, their glyph cache cleared for every document (fontkit issue
// #154, see fonts.server.ts); never register a parsed font without fontForDocument.
import PDFDocument from "pdfkit";
import type { Align, Document, Line, List, Run } from "./blocks";
import { listMarker, sectionLabel } from "./blocks";
import { describeCharacter, documentMissingGlyphs } from "./font-coverage.server";
import { FACES, FONT_FAMILY, faceOf, fontForDocument, type Face } from "./fonts.server";
import { LAYOUT, pageNumberText } from "./layout";

const NBSP = "\u00a0";

type StructureElement = ReturnType<PDFKit.PDFDocument["struct"]>;

/**
 * Draws what is not content (page numbers, a border, a QR code, rulers) as an artifact, so a
 * screen reader skips it.
 */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void, type: "Pagination" | "Layout" = "Layout"): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

type Piece = { text: string; face: Face; width: number };
/** What the parts of one PDF share (the same fonts and subsets). */
type WriterCaches = {
  widths: Map<Face, Map<string, number>>;
  lineHeights: Map<number, number>;
  encoded: Map<Face, Map<string, Encoded>>;
  words: Map<string, Word[]>;
};

/** A glyph's position from pdfkit's font (in 1/1000 of the size), as its text drawing reads it. */
type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };
/** Text shaped and mapped to the font subset's glyph ids (4 hex digits each), with the positions. */
type Encoded = { hex: string[]; positions: GlyphPosition[] };
/** The part of pdfkit's embedded font (not in its type definitions) that text drawing uses. */
type EmbeddedFont = { id: string; ascender: number; ref(): unknown; encode(text: string): [string[], GlyphPosition[]] };
type WithFont = { _font: EmbeddedFont; page: { fonts: Record<string, unknown> } };

/** pdfkit's number format for content streams (six decimals at most). */
const num = (n: number) => Math.round(n * 1e6) / 1e6;
type Word = { pieces: Piece[]; width: number; gapAfter: "space" | "nbsp" | null; gapWidth: number };

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  y: number;
  /** False for a page laid out by hand (a diploma's design): its lines are placed, never moved to a new page. */
  paginate = true;
  /** Whether anything has been drawn on the current page (a page break on an empty page is skipped). */
  private pageUsed = false;
  /**
   * Advance widths per face at 1000 pt (the font's units), shared by the parts of one PDF (same
   * fonts): a batch shapes "przyznała" once, and a word measured at one size is known at every
   * size (a width is proportional to the size: pdfkit scales it the same way).
   */
  private readonly widths: Map<Face, Map<string, number>>;
  private readonly lineHeights: Map<number, number>;
  /** Encoded words per face, for this PDF only (the glyph ids are its font subsets'). */
  private readonly encoded: Map<Face, Map<string, Encoded>>;
  /** A text's words at a size: the lines every diploma of a batch shares are cut and measured once. */
  private readonly wordsOf: Map<string, Word[]>;

  /** Adds a page of the part being written: its size and orientation, then `onPage` (an offset). */
  private readonly addPage: () => void;
  /** The structure element the next tagged block joins. */
  private parent: StructureElement;

  constructor(doc: PDFKit.PDFDocument, addPage: () => void, caches: WriterCaches, root: StructureElement) {
    this.doc = doc;
    this.parent = root;
    this.addPage = addPage;
    this.widths = caches.widths;
    this.lineHeights = caches.lineHeights;
    this.encoded = caches.encoded;
    this.wordsOf = caches.words;
    const page = doc.page;
    this.left = page.margins.left;
    this.width = page.width - page.margins.left - page.margins.right;
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.y = this.top;
  }

  measure(text: string, face: Face, size: number): number {
    let widths = this.widths.get(face);
    if (!widths) {
      widths = new Map();
      this.widths.set(face, widths);
    }
    let units = widths.get(text);
    if (units === undefined) {
      // Every drawing call sets its own size, so measuring may leave the document at 1000 pt.
      units = this.doc.font(face).fontSize(1000).widthOfString(text);
      widths.set(text, units);
    }
    return units * (size / 1000);
  }

  /** Baseline-to-baseline distance for a size: the font's natural line height times 1.15. */
  lineHeight(size: number): number {
    let height = this.lineHeights.get(size);
    if (height === undefined) {
      height = this.doc.font("regular").fontSize(size).currentLineHeight(true) * LAYOUT.lineSpacing;
      this.lineHeights.set(size, height);
    }
    return height;
  }

  newPage(): void {
    this.addPage();
    this.y = this.top;
    this.pageUsed = false;
  }

  pageBreak(): void {
    if (this.pageUsed) this.newPage();
  }

  /** Vertical space; swallowed at the top of a page. */
  space(points: number): void {
    if (this.y > this.top) this.y = Math.min(this.y + points, this.bottom);
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureRoom(height: number): void {
    if (this.paginate && this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  /** Cuts runs into words at spaces, remembering which gaps may break. */
  words(runs: readonly Run[], size: number, forceBold = false): Word[] {
    let key = `${size}${forceBold ? "b" : ""}`;
    for (const run of runs) key += `\u0000${run.bold ? "b" : ""}${run.italic ? "i" : ""}\u0000${run.text}`;
    let words = this.wordsOf.get(key);
    if (!words) {
      words = this.cutWords(runs, size, forceBold);
      this.wordsOf.set(key, words);
    }
    return words;
  }

  private cutWords(runs: readonly Run[], size: number, forceBold: boolean): Word[] {
    const words: Word[] = [];
    let current: Piece[] = [];
    for (const run of runs) {
      const face = faceOf({ bold: run.bold || forceBold, italic: run.italic });
      const text = run.text;
      let from = 0;
      while (from <= text.length) {
        let end = from;
        while (end < text.length && text[end] !== " " && text[end] !== NBSP) end++;
        if (end > from) {
          const part = text.slice(from, end);
          const last = current[current.length - 1];
          if (last && last.face === face) last.text += part;
          else current.push({ text: part, face, width: 0 });
        }
        if (end === text.length) break;
        this.closeWord(words, current, text[end] === " " ? "space" : "nbsp", face, size);
        current = [];
        from = end + 1;
      }
    }
    this.closeWord(words, current, null, "regular", size);
    return words;
  }

  /** Ends the word being collected (`pieces`) at a gap, or at the end of the text (null). */
  private closeWord(words: Word[], pieces: Piece[], gap: Word["gapAfter"], face: Face, size: number): void {
    if (pieces.length === 0) {
      // Two gaps in a row cannot happen (whitespace is collapsed), except a run starting with one.
      const last = words[words.length - 1];
      if (last && gap === "nbsp") last.gapAfter = "nbsp";
      return;
    }
    // Measured once the word is complete. A word before an ordinary space is measured with it,
    // minus the space (the font kerns nothing against a space, so the width is the same): pdfkit
    // draws a line word by word with the space attached ("Żak "), and shaping that string here
    // lets the drawing find it in pdfkit's cache instead of shaping the word a second time.
    const lastPiece = pieces.length - 1;
    let width = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      piece.width =
        i === lastPiece && gap === "space"
          ? this.measure(`${piece.text} `, piece.face, size) - this.measure(" ", piece.face, size)
          : this.measure(piece.text, piece.face, size);
      width += piece.width;
    }
    words.push({ pieces, width, gapAfter: gap, gapWidth: gap ? this.measure(" ", face, size) : 0 });
  }

  /** Greedy line filling; breaks only at ordinary spaces unless a cluster is wider than the line. */
  breakLines(words: Word[], available: number, size: number): Word[][] {
    const lines: Word[][] = [];
    let line: Word[] = [];
    let lineWidth = 0;
    const flush = () => {
      if (line.length > 0) lines.push(line);
      line = [];
      lineWidth = 0;
    };
    let i = 0;
    while (i < words.length) {
      // The cluster: words joined by non-breaking spaces.
      let j = i;
      let clusterWidth = words[i]!.width;
      while (words[j]!.gapAfter === "nbsp" && j + 1 < words.length) {
        clusterWidth += words[j]!.gapWidth + words[j + 1]!.width;
        j++;
      }
      const cluster = words.slice(i, j + 1);
      const gap = line.length > 0 ? line[line.length - 1]!.gapWidth : 0;
      if (lineWidth + gap + clusterWidth <= available + 0.01) {
        line.push(...cluster);
        lineWidth += gap + clusterWidth;
      } else if (clusterWidth <= available + 0.01) {
        flush();
        line.push(...cluster);
        lineWidth = clusterWidth;
      } else {
        // Wider than a whole line: break inside the cluster, at its non-breaking spaces, and cut a
        // single over-long word where it must.
        flush();
        for (const word of cluster) {
          for (const part of this.splitWord(word, available, size)) {
            const partGap = line.length > 0 ? line[line.length - 1]!.gapWidth : 0;
            if (line.length > 0 && lineWidth + partGap + part.width > available + 0.01) flush();
            lineWidth += (line.length > 0 ? partGap : 0) + part.width;
            line.push(part);
          }
        }
      }
      i = j + 1;
    }
    flush();
    return lines;
  }

  /** A word wider than the line, cut into line-wide parts (a URL, a run of dots). */
  private splitWord(word: Word, available: number, size: number): Word[] {
    if (word.width <= available) return [word];
    const parts: Word[] = [];
    let pieces: Piece[] = [];
    let width = 0;
    const push = (gapAfter: Word["gapAfter"], gapWidth: number) => {
      parts.push({ pieces, width, gapAfter, gapWidth });
      pieces = [];
      width = 0;
    };
    for (const piece of word.pieces) {
      for (const ch of piece.text) {
        const w = this.measure(ch, piece.face, size);
        if (width + w > available && width > 0) push("space", 0);
        const last = pieces[pieces.length - 1];
        if (last && last.face === piece.face) {
          last.text += ch;
          last.width += w;
        } else pieces.push({ text: ch, face: piece.face, width: w });
        width += w;
      }
    }
    push(word.gapAfter, word.gapWidth);
    return parts;
  }

  /** Draws one line at the current y; the caller has made room for it. */
  drawLine(line: Word[], x0: number, available: number, align: Align, last: boolean, size: number): void {
    const natural = line.reduce((sum, w, i) => sum + w.width + (i < line.length - 1 ? w.gapWidth : 0), 0);
    const gaps = line.length - 1;
    let extra = 0;
    let x = x0;
    if (align === "justify" && !last && gaps > 0) extra = Math.max(0, (available - natural) / gaps);
    else if (align === "center") x = x0 + (available - natural) / 2;
    else if (align === "right") x = x0 + available - natural;

    type Segment = { face: Face; text: string; x: number };
    const segments: Segment[] = [];
    let open: Segment | null = null;
    line.forEach((word, wi) => {
      word.pieces.forEach((piece, pi) => {
        const afterGap = pi === 0 && wi > 0;
        if (open && open.face === piece.face && afterGap) open.text += ` ${piece.text}`;
        else {
          // A segment that stops at an ordinary space (the next word is in another face) ends with
          // that space, as it was measured (see words): drawn as measured, pdfkit shapes it once.
          if (open && afterGap && line[wi - 1]!.gapAfter === "space") open.text += " ";
          open = { face: piece.face, text: piece.text, x };
          segments.push(open);
        }
        x += piece.width;
      });
      if (wi < line.length - 1) x += word.gapWidth + extra;
    });
    for (const s of segments) this.drawText(s.face, size, s.text, s.x, this.y, extra);
    this.pageUsed = true;
  }

  /**
   * Draws one segment of text (one face, no line break) at (x, y), its top at y: the content
   * pdfkit's `text(text, x, y, { lineBreak: false, wordSpacing })` writes, operator for operator,
   * without its per-call overhead (option merging, the segment measured twice more, one content
   * write per operator). A batch draws some 8 000 segments; each word is shaped and encoded once
   * per PDF here, and the segment is one write to the page. A gap of `wordSpacing` points widens
   * each space, as pdfkit's justification does (the space becomes a displacement, not a glyph).
   */
  private drawText(face: Face, size: number, text: string, x: number, y: number, wordSpacing: number): void {
    const doc = this.doc.font(face).fontSize(size) as unknown as PDFKit.PDFDocument & WithFont;
    const font = doc._font;
    doc.page.fonts[font.id] ??= font.ref();
    // Justified: each word without its space, the space's width added to its last glyph's advance.
    const spacing = wordSpacing ? (wordSpacing + this.doc.widthOfString(" ")) * (1000 / size) : 0;
    const chunks: Encoded[] = [];
    if (wordSpacing) {
      for (const word of text.trim().split(/\s+/)) chunks.push(this.encode(face, font, word));
    } else {
      // Word by word, each with the space after it, as pdfkit lays text out.
      let from = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i === text.length ? from < i : text[i] === " " || text[i] === "\t") {
          chunks.push(this.encode(face, font, text.slice(from, i + 1)));
          from = i + 1;
        }
      }
    }
    const pageHeight = this.doc.page.height;
    const scale = size / 1000;
    const top = pageHeight - y - (font.ascender / 1000) * size;
    let content = `q\n1 0 0 -1 0 ${num(pageHeight)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(size)} Tf`;
    // Glyphs in runs, a run closed (with the displacement after its last glyph) where the font
    // moves a glyph (kerning); runs gathered in one TJ until a glyph needs its own position.
    let commands: string[] = [];
    let run = "";
    let adjust = 0;
    let at = x;
    let offset = false;
    for (const chunk of chunks) {
      const last = chunk.positions.length - 1;
      for (let g = 0; g <= last; g++) {
        const position = chunk.positions[g]!;
        const xAdvance = spacing && g === last ? position.xAdvance + spacing : position.xAdvance;
        if (position.xOffset || position.yOffset) {
          if (run) commands.push(`<${run}> ${num(-adjust)}`);
          if (commands.length > 0) content += `\n[${commands.join(" ")}] TJ`;
          content += `\n1 0 0 1 ${num(at + position.xOffset * scale)} ${num(top + position.yOffset * scale)} Tm`;
          content += `\n[<${chunk.hex[g]}> ${num(-(xAdvance - position.advanceWidth))}] TJ`;
          commands = [];
          run = "";
          offset = true;
        } else {
          if (offset) {
            content += `\n1 0 0 1 ${num(at)} ${num(top)} Tm`;
            offset = false;
          }
          run += chunk.hex[g];
          adjust = xAdvance - position.advanceWidth;
          if (adjust !== 0) {
            commands.push(`<${run}> ${num(-adjust)}`);
            run = "";
          }
        }
        at += xAdvance * scale;
      }
    }
    if (run) commands.push(`<${run}> ${num(-adjust)}`);
    if (commands.length > 0) content += `\n[${commands.join(" ")}] TJ`;
    this.doc.addContent(`${content}\nET\nQ`);
  }

  /** A chunk of text shaped and encoded once per PDF and face (its glyph ids are this PDF's subset's). */
  private encode(face: Face, font: EmbeddedFont, chunk: string): Encoded {
    let cache = this.encoded.get(face);
    if (!cache) this.encoded.set(face, (cache = new Map()));
    let encoded = cache.get(chunk);
    if (!encoded) {
      const [hex, positions] = font.encode(chunk);
      cache.set(chunk, (encoded = { hex, positions }));
    }
    return encoded;
  }

  /** A paragraph of runs: wrapped, paginated line by line. */
  paragraph(
    runs: readonly Run[],
    options: { size: number; align: Align; x?: number; width?: number; bold?: boolean; marker?: { text: string; x: number }; leading?: number },
  ): void {
    const x0 = options.x ?? this.left;
    const available = options.width ?? this.width;
    const height = options.leading ?? this.lineHeight(options.size);
    const lines = this.breakLines(this.words(runs, options.size, options.bold), available, options.size);
    lines.forEach((line, i) => {
      this.ensureRoom(height);
      if (i === 0 && options.marker) {
        this.doc.font("regular").fontSize(options.size).text(options.marker.text, options.marker.x, this.y, { lineBreak: false });
      }
      this.drawLine(line, x0, available, options.align, i === lines.length - 1, options.size);
      this.y += height;
    });
  }

  /** Lines (header, title, signature) each wrapped on its own; an empty line is a blank line. */
  lines(lines: readonly Line[], options: { size: number; align: Align; x?: number; width?: number; bold?: boolean }): void {
    for (const line of lines) {
      if (line.length === 0) {
        this.ensureRoom(this.lineHeight(options.size));
        this.y += this.lineHeight(options.size);
      } else this.paragraph(line, options);
    }
  }

  list(list: List, depth: number, x0: number): void {
    const indent = x0 + LAYOUT.listIndent;
    this.group("L", () =>
      list.items.forEach((item, i) =>
        this.group("LI", () => {
          this.leaf("LBody", () =>
            this.paragraph(item.runs, {
              size: LAYOUT.bodySize,
              align: "justify",
              x: indent,
              width: this.left + this.width - indent,
              marker: { text: listMarker(depth, i), x: x0 },
            }),
          );
          this.y += LAYOUT.listItemAfter;
          if (item.list) this.list(item.list, depth + 1, indent);
        }),
      ),
    );
  }

  /** The number of lines a set of lines takes, to keep a signature block together. */
  linesHeight(lines: readonly Line[], size: number, width: number, bold = false): number {
    return lines.reduce((sum, line) => sum + Math.max(1, this.breakLines(this.words(line, size, bold), width, size).length) * this.lineHeight(size), 0);
  }

  /** A structure element whose content is what `draw` draws (a paragraph, a heading, a cell). */
  leaf(type: string, draw: () => void): void {
    const element = this.doc.struct(type);
    this.parent.add(element);
    // Attached to the tree already, so the closure is drawn now, inside its marked content.
    element.add(draw);
    element.end();
  }

  /** A structure element that holds other elements (a section, a list, a table row). */
  group(type: string, build: () => void): void {
    const element = this.doc.struct(type);
    this.parent.add(element);
    const outer = this.parent;
    this.parent = element;
    try {
      build();
    } finally {
      this.parent = outer;
      element.end();
    }
  }

  render(document: Document): void {
    const body = LAYOUT.bodySize;
    const blocks = document.blocks;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!;
      switch (block.kind) {
        case "header":
          for (const line of block.lines)
            this.leaf("P", () => this.lines([line], { size: block.size === "body" ? body : LAYOUT.headerSize, align: block.align ?? "right" }));
          this.space(LAYOUT.headerAfter);
          break;
        case "heading":
          this.space(LAYOUT.titleBefore);
          this.ensureRoom(this.linesHeight(block.lines, LAYOUT.titleSize, this.width, true) + 2 * this.lineHeight(body));
          this.leaf("H1", () => this.lines(block.lines, { size: LAYOUT.titleSize, align: "center", bold: true }));
          this.space(LAYOUT.titleAfter);
          break;
        case "paragraph":
          this.leaf("P", () => this.paragraph(block.runs, { size: body, align: block.align }));
          this.space(LAYOUT.paragraphAfter);
          break;
        case "section": {
          this.space(LAYOUT.sectionBefore);
          const label: Run = { text: `${sectionLabel(block)} `, bold: false, italic: false };
          this.group("Sect", () =>
            block.blocks.forEach((inner, i) => {
              if (inner.kind === "paragraph") {
                this.leaf("P", () => this.paragraph(i === 0 ? [label, ...inner.runs] : inner.runs, { size: body, align: inner.align }));
                this.space(LAYOUT.paragraphAfter);
              } else {
                if (i === 0) this.leaf("P", () => this.paragraph([label], { size: body, align: "left" }));
                this.list(inner, 0, this.left);
                this.space(LAYOUT.paragraphAfter - LAYOUT.listItemAfter);
              }
            }),
          );
          break;
        }
        case "list":
          this.list(block, 0, this.left);
          this.space(LAYOUT.paragraphAfter - LAYOUT.listItemAfter);
          break;
        case "signature": {
          // One signature in the right half; several in a row (a diploma's), side by side in
          // columns a third of the page wide, centred (the margins stay free for a QR code).
          const row = [block];
          while (blocks[index + 1]?.kind === "signature") row.push(blocks[++index] as typeof block);
          const width = row.length === 1 ? this.width / 2 : this.width / Math.max(3, row.length);
          const x0 = row.length === 1 ? this.left + this.width / 2 : this.left + (this.width - row.length * width) / 2;
          this.space(LAYOUT.signatureBefore);
          this.ensureRoom(Math.max(...row.map((s) => this.linesHeight(s.lines, body, width))));
          const top = this.y;
          let bottom = top;
          this.group("Table", () =>
            this.group("TR", () =>
              row.forEach((s, i) => {
                this.y = top;
                this.leaf("TD", () => this.lines(s.lines, { size: body, align: "center", x: x0 + i * width, width }));
                bottom = Math.max(bottom, this.y);
              }),
            ),
          );
          this.y = bottom;
          break;
        }
        case "spacer":
          this.space(block.lines * this.lineHeight(body));
          break;
        case "pagebreak":
          this.pageBreak();
          break;
      }
    }
  }

  /** "Strona n z N" centred in the bottom margin of every page, when there is more than one. */
  pageNumbers({ start, count }: PageRange): void {
    if (count < 2) return;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const text = pageNumberText(i - start + 1, count);
      const width = this.measure(text, "regular", LAYOUT.footerSize);
      const y = this.doc.page.height - this.doc.page.margins.bottom / 2 - this.lineHeight(LAYOUT.footerSize) / 2;
      artifact(
        this.doc,
        () =>
          this.doc
            .font("regular")
            .fontSize(LAYOUT.footerSize)
            .text(text, this.left + (this.width - width) / 2, y, { lineBreak: false }),
        "Pagination",
      );
    }
  }
}

/** A document with characters the font cannot print (they would come out as empty boxes). */
export class MissingGlyphsError extends Error {
  override readonly name = "MissingGlyphsError";
  constructor(readonly characters: string[]) {
    super(`Czcionka ${FONT_FAMILY} nie ma znaków: ${characters.map(describeCharacter).join(", ")}; dokumentu nie można wydrukować bez zmiany tekstu.`);
  }
}

/** The pages of one part of a PDF: the first page and how many. */
export type PageRange = { start: number; count: number };

export type PdfOptions = {
  /** Print even if the font lacks some characters (a draft for checking); never for a diploma. */
  allowMissingGlyphs?: boolean;
  /**
   * False writes a plain PDF 1.7 (still tagged), not PDF/A-2b: only for the benchmark that says
   * what PDF/A costs (bench/diplomas.ts). Every document the app gives out is PDF/A.
   */
  pdfA?: boolean;
  /**
   * Draws over the finished pages (a diploma's border and QR code): called once after the text and
   * page numbers, with every page still buffered (`doc.switchToPage(i)`). Throwing rejects the PDF.
   */
  decorate?: (doc: PDFKit.PDFDocument, pages: PageRange) => void;
};

/** One document of a PDF made of several (a batch of diplomas and its cover sheet). */
export type PdfPart = {
  document: Document;
  /** As PdfOptions.decorate, for this part's pages only. */
  decorate?: (doc: PDFKit.PDFDocument, pages: PageRange) => void;
  /**
   * Shifts everything on the part's pages by (x, y) points, right and down: text printed on
   * pre-printed stock, corrected for a printer that does not print where it should.
   */
  offset?: { x: number; y: number };
  /**
   * Lays the part out itself (a diploma's ceremonial design) instead of the document flow; it
   * draws with the writer's measuring, line breaking and tagging, on the part's one page.
   */
  layout?: (writer: PdfWriter) => void;
};

/**
 * The PDF of a document, as a Buffer. Rejects with MissingGlyphsError when the font cannot print
 * a character of it, unless `allowMissingGlyphs`.
 */
export function renderPdf(document: Document, options: PdfOptions = {}): Promise<Buffer> {
  return renderPdfParts([{ document, decorate: options.decorate }], document.meta, options);
}

/**
 * One PDF of several documents, each starting on a new page in its own orientation and numbered
 * on its own ("Strona n z N" only within a part of more than one page); `meta` is the file's.
 */
export function renderPdfParts(
  parts: readonly PdfPart[],
  meta: Pick<Document["meta"], "title" | "author" | "subject">,
  options: Pick<PdfOptions, "allowMissingGlyphs" | "pdfA"> = {},
): Promise<Buffer> {
  if (!options.allowMissingGlyphs) {
    const missing = [...new Set(parts.flatMap((p) => documentMissingGlyphs(p.document)))];
    if (missing.length > 0) return Promise.reject(new MissingGlyphsError(missing));
  }
  const margins = { top: LAYOUT.margin, bottom: LAYOUT.margin, left: LAYOUT.margin, right: LAYOUT.margin };
  const doc = new PDFDocument({
    size: "A4",
    margins,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: "pl-PL",
    pdfVersion: "1.7",
    ...(options.pdfA === false ? {} : { subset: "PDF/A-2b" as const }),
    tagged: true,
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: "Merenti",
    },
  });
  // pdfkit takes a parsed fontkit font as it is (it only checks for a layout function).
  for (const face of FACES) doc.registerFont(face, fontForDocument(face) as unknown as Buffer);

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      const caches: WriterCaches = { widths: new Map(), lineHeights: new Map(), encoded: new Map(), words: new Map() };
      for (const part of parts) {
        let firstPage = true;
        const addPage = () => {
          const page = { size: "A4", layout: part.document.meta.orientation, margins } as const;
          // A paragraph running onto the next page closes its marked content on this page and
          // opens it again there (pdfkit's continueOnNewPage), or the text layer is mis-nested.
          if (firstPage) doc.addPage(page);
          else doc.continueOnNewPage(page);
          firstPage = false;
          // A translation at the start of the page's content moves everything drawn on it later.
          if (part.offset && (part.offset.x !== 0 || part.offset.y !== 0)) doc.translate(part.offset.x, part.offset.y);
        };
        addPage();
        const end = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
        const start = end() - 1;
        const root = doc.struct("Document", { title: part.document.meta.title });
        doc.addStructure(root);
        const writer = new PdfWriter(doc, addPage, caches, root);
        if (part.layout) part.layout(writer);
        else writer.render(part.document);
        const pages = { start, count: end() - start };
        writer.pageNumbers(pages);
        part.decorate?.(doc, pages);
        root.end();
        // A finished part is written out (compressed) now rather than kept to the end: a batch of
        // 300 diplomas otherwise holds every page's content on the heap, and the garbage collector
        // copies and re-marks it all batch long.
        doc.flushPages();
      }
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

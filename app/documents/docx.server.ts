// Renders a Document (./blocks.ts) to DOCX with the `docx` package, for the legal office to edit
// in Word: the same structure and sizes as the PDF (./layout.ts): right-aligned header lines,
// centred bold title, justified paragraphs, "§ n." sections, points with a hanging indent,
// signature in the right half, page numbers in the footer.
//
// The font, EB Garamond, is embedded in the DOCX (all four faces, as Word's obfuscated .odttf
// parts; its licence, the SIL OFL, allows it and the font's fsType permits installable
// embedding), and the settings ask Word to keep it embedded on save: the office's computers do not
// have EB Garamond, and without it Word would substitute another font and change the layout.
// List markers ("1)", "a)") are typed text, not Word numbering, so the
// DOCX reads exactly like the PDF.
import {
  AlignmentType,
  Document as DocxDocument,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  Tab,
  TextRun,
  type IParagraphOptions,
} from "docx";
import type { Align, Document, Line, List, Run } from "./blocks";
import { listMarker, sectionLabel } from "./blocks";
import { FONT_FAMILY, fontFile } from "./fonts.server";
import { A4, LAYOUT } from "./layout";

/** Points to twentieths of a point (twips), the unit of OOXML lengths. */
const twips = (points: number) => Math.round(points * 20);
/** Points to half-points, the unit of OOXML font sizes. */
const halfPoints = (points: number) => Math.round(points * 2);
/** OOXML "auto" line spacing is in 240ths of a line. */
const LINE = Math.round(240 * LAYOUT.lineSpacing);

const ALIGNMENT: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function textRuns(runs: readonly Run[], options: { size?: number; bold?: boolean } = {}): TextRun[] {
  return runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold || options.bold || undefined,
        italics: run.italic || undefined,
        ...(options.size ? { size: halfPoints(options.size) } : {}),
      }),
  );
}

class DocxWriter {
  readonly paragraphs: DocxParagraph[] = [];
  /** Text width in points (between the margins). */
  readonly width: number;
  private breakBefore = false;

  constructor(orientation: "portrait" | "landscape") {
    const pageWidth = orientation === "landscape" ? A4.height : A4.width;
    this.width = pageWidth - 2 * LAYOUT.margin;
  }

  add(options: IParagraphOptions): void {
    const spacing = { line: LINE, lineRule: LineRuleType.AUTO, before: 0, after: 0, ...options.spacing };
    this.paragraphs.push(new DocxParagraph({ ...options, spacing, ...(this.breakBefore ? { pageBreakBefore: true } : {}) }));
    this.breakBefore = false;
  }

  lines(
    lines: readonly Line[],
    options: { size: number; alignment: Align; bold?: boolean; indentLeft?: number; before?: number; after?: number; keepTogether?: boolean },
  ): void {
    lines.forEach((line, i) => {
      const first = i === 0;
      const last = i === lines.length - 1;
      this.add({
        alignment: ALIGNMENT[options.alignment],
        children: textRuns(line, { size: options.size, bold: options.bold }),
        spacing: { before: first ? twips(options.before ?? 0) : 0, after: last ? twips(options.after ?? 0) : 0 },
        ...(options.indentLeft ? { indent: { left: twips(options.indentLeft) } } : {}),
        ...(options.keepTogether && !last ? { keepNext: true, keepLines: true } : {}),
      });
    });
  }

  /** A list's points, nested ones included; the last point gets a paragraph's space after it. */
  list(list: List): void {
    const points: IParagraphOptions[] = [];
    const collect = (l: List, depth: number) =>
      l.items.forEach((item, i) => {
        points.push({
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: twips(LAYOUT.listIndent * (depth + 1)), hanging: twips(LAYOUT.listIndent) },
          spacing: { after: twips(LAYOUT.listItemAfter) },
          children: [new TextRun({ children: [listMarker(depth, i), new Tab()] }), ...textRuns(item.runs)],
        });
        if (item.list) collect(item.list, depth + 1);
      });
    collect(list, 0);
    points.forEach((point, i) => this.add(i === points.length - 1 ? { ...point, spacing: { after: twips(LAYOUT.paragraphAfter) } } : point));
  }

  render(document: Document): void {
    for (const block of document.blocks) {
      switch (block.kind) {
        case "header":
          this.lines(block.lines, {
            size: block.size === "body" ? LAYOUT.bodySize : LAYOUT.headerSize,
            alignment: block.align ?? "right",
            after: LAYOUT.headerAfter,
          });
          break;
        case "heading":
          this.add({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            keepLines: true,
            spacing: { before: twips(LAYOUT.titleBefore), after: twips(LAYOUT.titleAfter) },
            children: block.lines.flatMap((line, i) =>
              line.map(
                (run, j) =>
                  new TextRun({
                    text: run.text,
                    bold: true,
                    italics: run.italic || undefined,
                    size: halfPoints(LAYOUT.titleSize),
                    ...(i > 0 && j === 0 ? { break: 1 } : {}),
                  }),
              ),
            ),
          });
          break;
        case "paragraph":
          this.add({ alignment: ALIGNMENT[block.align], children: textRuns(block.runs), spacing: { after: twips(LAYOUT.paragraphAfter) } });
          break;
        case "section":
          block.blocks.forEach((inner, i) => {
            const before = i === 0 ? LAYOUT.sectionBefore : 0;
            const label = new TextRun({ text: `${sectionLabel(block)} ` });
            if (inner.kind === "paragraph") {
              this.add({
                alignment: ALIGNMENT[inner.align],
                children: i === 0 ? [label, ...textRuns(inner.runs)] : textRuns(inner.runs),
                spacing: { before: twips(before), after: twips(LAYOUT.paragraphAfter) },
              });
            } else {
              if (i === 0)
                this.add({
                  alignment: AlignmentType.LEFT,
                  keepNext: true,
                  children: [new TextRun({ text: sectionLabel(block) })],
                  spacing: { before: twips(before) },
                });
              this.list(inner);
            }
          });
          break;
        case "list":
          this.list(block);
          break;
        case "signature":
          this.lines(block.lines, {
            size: LAYOUT.bodySize,
            alignment: "center",
            indentLeft: this.width / 2,
            before: LAYOUT.signatureBefore,
            keepTogether: true,
          });
          break;
        case "spacer":
          for (let i = 0; i < block.lines; i++) this.add({ children: [] });
          break;
        case "pagebreak":
          if (this.paragraphs.length > 0) this.breakBefore = true;
          break;
      }
    }
  }
}

/** The media type of what renderDocx makes. */
export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The DOCX of a document, as a Buffer. */
export function renderDocx(document: Document): Promise<Buffer> {
  return renderDocxParts([document], document.meta);
}

/**
 * One DOCX of several documents (letters), each a Word section from a new page, numbered on its
 * own: „Strona n z N” counts the section's pages, not the file's; `meta` is the file's.
 */
export async function renderDocxParts(documents: readonly Document[], meta: Pick<Document["meta"], "title" | "author" | "subject">): Promise<Buffer> {
  const margin = twips(LAYOUT.margin);
  const several = documents.length > 1;
  const docx = new DocxDocument({
    title: meta.title,
    ...(meta.subject ? { subject: meta.subject } : {}),
    creator: meta.author ?? "Merenti",
    lastModifiedBy: "Merenti",
    fonts: [{ name: FONT_FAMILY, data: fontFile("regular"), bold: fontFile("bold"), italic: fontFile("italic"), boldItalic: fontFile("boldItalic") }],
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: halfPoints(LAYOUT.bodySize), language: { value: "pl-PL" } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: documents.map((document) => {
      const writer = new DocxWriter(document.meta.orientation);
      writer.render(document);
      return {
        properties: {
          page: {
            size: {
              width: twips(A4.width),
              height: twips(A4.height),
              orientation: document.meta.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: margin, right: margin, bottom: margin, left: margin, header: twips(LAYOUT.margin / 2), footer: twips(LAYOUT.margin / 2) },
            ...(several ? { pageNumbers: { start: 1 } } : {}),
          },
        },
        footers: {
          default: new Footer({
            children: [
              new DocxParagraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["Strona ", PageNumber.CURRENT, " z ", several ? PageNumber.TOTAL_PAGES_IN_SECTION : PageNumber.TOTAL_PAGES],
                    size: halfPoints(LAYOUT.footerSize),
                  }),
                ],
              }),
            ],
          }),
        },
        children: writer.paragraphs,
      };
    }),
  });
  return Packer.toBuffer(docx);
}

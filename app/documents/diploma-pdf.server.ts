// A diploma as PDF, in its two print modes, and the calibration page for pre-printed stock.
//
// Full design (plain paper): a ceremonial page, not the document flow. The honour is the heading
// (the city's emblem above it when one is set), the honoree's name the largest text, fitted to one
// or two lines; the act line small; place and date centred under the dedication; the signature
// blocks side by side at the foot with room to sign between the office and the name, and room
// for the seal between them; the QR code and the verification code small in the bottom left
// corner. White and blue, the city's colours (issue 16, item 8); a medal's class shows in the
// rule under the heading. The lines come from the diploma's Document by their role (<p role>),
// so the full design prints exactly the confirmed text.
//
// Pre-printed stock: the Document in the ordinary flow (the stock carries the design), shifted by
// the printer's offsets, with the QR code in the left margin.
import type { Document, Line, Paragraph, ParagraphRole, Run } from "./blocks";
import { MM } from "./layout";
import { artifact, renderPdfParts, type PdfPart, type PdfWriter } from "./pdf.server";
import { pdfRectOperators, qrRects } from "./qr";
import { projectTemplate } from "./templates.server";
import { drawEmblem, type Emblem } from "./emblem.server";
import { CALIBRATION_MARK_MM, calibrationData, type CalibrationData, type PrintMode } from "#app/domain/diploma-print";
import type { MedalClass } from "#app/domain/honours";

/** A printer's correction in millimetres (positive: right and down). */
export type PrinterOffsets = { name: string; offsetXMm: number; offsetYMm: number };

/** How a diploma is printed: the mode, the printer whose offsets apply to stock, the emblem of the full design. */
export type PrintSetup = { mode: PrintMode; printer: PrinterOffsets | null; emblem?: Emblem | null; medalClass?: MedalClass | null };
export const FULL_PRINT: PrintSetup = { mode: "FULL", printer: null };

// The city's colours are white and blue (issue 16).
export const CITY_BLUE = "#1d4f91";
const PALE_BLUE = "#9db3d6";
const INK = "#1b1f2a";
const CLASS_COLOUR: Record<MedalClass, string> = { GOLD: "#b4912f", SILVER: "#8c96a3", BRONZE: "#a66a3f" };

/** The QR code's side on pre-printed stock (in the left margin, above the bottom one: the stock's layout). */
export const STOCK_QR_SIZE = 62;
/** The full design's QR code: its side and its distance from the left and bottom edges of the page. */
export const FULL_QR = { size: 46, inset: 40 };
const QR_SIZE = FULL_QR.size;

/**
 * The QR code drawn as vector rectangles (sharp at any printer resolution, and no PNG to encode per
 * diploma), in module units under one transformation: whole-number coordinates keep each
 * rectangle a few bytes of the page's content, written in one piece.
 */
function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrRects(text);
  const cell = size / qr.size;
  pdf.save().transform(cell, 0, 0, cell, x, y);
  pdf.addContent(pdfRectOperators(qr.rects));
  pdf.fillColor("black").fill();
  pdf.restore();
}

/** The frame: a strong outer line, a fine inner one, a pale third, small diamonds in the corners. */
function drawFrame(pdf: PDFKit.PDFDocument): void {
  const { width, height } = pdf.page;
  pdf.save();
  pdf
    .lineWidth(2)
    .strokeColor(CITY_BLUE)
    .rect(18, 18, width - 36, height - 36)
    .stroke();
  pdf
    .lineWidth(0.6)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  pdf
    .lineWidth(0.4)
    .strokeColor(PALE_BLUE)
    .rect(29, 29, width - 58, height - 58)
    .stroke();
  for (const [x, y] of [
    [21, 21],
    [width - 21, 21],
    [21, height - 21],
    [width - 21, height - 21],
  ] as const) {
    pdf.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]);
  }
  pdf.fillColor(CITY_BLUE).fill();
  pdf.restore();
}

/** A short rule with a diamond in its middle, centred on (cx, y). */
function drawRule(pdf: PDFKit.PDFDocument, cx: number, y: number, colour: string): void {
  pdf.save().lineWidth(0.8).strokeColor(colour);
  pdf
    .moveTo(cx - 90, y)
    .lineTo(cx - 9, y)
    .stroke();
  pdf
    .moveTo(cx + 9, y)
    .lineTo(cx + 90, y)
    .stroke();
  pdf
    .polygon([cx, y - 4.5], [cx + 4.5, y], [cx, y + 4.5], [cx - 4.5, y])
    .fillColor(colour)
    .fill();
  pdf.restore();
}

/** How each role is set: size, face, colour, the largest and smallest size a fitted line may take. */
type Style = {
  size: number;
  min?: number;
  maxLines?: number;
  oneLineMin?: number;
  bold?: boolean;
  italic?: boolean;
  colour: string;
  width: number;
  before: number;
  tight?: boolean;
};
const STYLE: Record<Exclude<ParagraphRole, "kicker">, Style> = {
  body: { size: 16, colour: INK, width: 1, before: 0 },
  act: { size: 10.5, colour: INK, width: 1, before: 1 },
  verb: { size: 13, italic: true, colour: INK, width: 1, before: 7 },
  // The name: the largest text on the page, on one or two lines; a name too long even at `min`
  // takes more lines rather than leaving the page.
  name: { size: 40, oneLineMin: 31, min: 26, maxLines: 2, bold: true, colour: INK, width: 1, before: 4, tight: true },
  apposition: { size: 13, italic: true, colour: INK, width: 0.82, before: 6 },
  honour: { size: 18, min: 14, maxLines: 1, bold: true, colour: CITY_BLUE, width: 1, before: 8 },
  dedication: { size: 12.5, colour: INK, width: 0.9, before: 4 },
  "place-date": { size: 12, italic: true, colour: INK, width: 1, before: 12 },
};
/** The body text's size: the name is at least twice it (tests/integration/diploma-design.test.ts). */
export const DIPLOMA_BODY_SIZE = STYLE.dedication.size;

/** The runs of a line in the role's face (the markup's <b> is the flow's emphasis, not the design's). */
function styled(runs: readonly Run[], style: Style): Run[] {
  return runs.map((r) => ({ text: r.text, bold: Boolean(style.bold), italic: Boolean(style.italic) }));
}

type Placed = { height: number; before: number; draw: (y: number) => void };

/** The ceremonial page of one diploma, drawn with the writer's measuring, breaking and tagging. */
function ceremonialLayout(w: PdfWriter, doc: Document, publicUrl: string, setup: PrintSetup): void {
  const pdf = w.doc;
  w.paginate = false;
  const { width, height } = pdf.page;
  const cx = width / 2;
  const left = 70;
  const right = width - 70;
  // Widths grow in proportion to the size, so a text is measured once, at 10 pt, and its lines at
  // any size are its 10 pt words broken to the width scaled down (a batch fits 300 names).
  const REF = 10;
  // The writer keeps a text's words per size: a line is cut and measured once however often it is fitted.
  const measure = (runs: readonly Run[], size: number, lineWidth: number) => w.breakLines(w.words(runs, REF), (lineWidth * REF) / size, REF);

  // A line set in its style: on one line if it fits at `oneLineMin` or larger, else the size
  // lowered (to `min`) until it fits in `maxLines`. Large type is set tighter than the flow's 1.15.
  const fitted = (runs: readonly Run[], style: Style, room = 1) => {
    const lineWidth = (right - left) * style.width;
    const text = styled(runs, style);
    const largest = style.size * room;
    const shrink = (min: number, maxLines: number) => {
      let size = largest;
      while (size > min && measure(text, size, lineWidth).length > maxLines) size -= 0.5;
      return size;
    };
    let size = style.oneLineMin ? shrink(Math.min(style.oneLineMin * room, largest), 1) : largest;
    if (!style.oneLineMin || measure(text, size, lineWidth).length > 1) size = shrink(Math.min(style.min ?? largest, largest), style.maxLines ?? Infinity);
    const leading = style.tight ? size * 1.22 : w.lineHeight(size);
    return { text, size, lineWidth, leading, height: measure(text, size, lineWidth).length * leading };
  };
  const paragraph = (p: Paragraph, style: Style, room = 1): Placed => {
    const f = fitted(p.runs, style, room);
    return {
      height: f.height,
      before: style.before,
      draw: (y) => {
        w.y = y;
        pdf.fillColor(style.colour);
        w.leaf("P", () => w.paragraph(f.text, { size: f.size, align: "center", x: cx - f.lineWidth / 2, width: f.lineWidth, leading: f.leading }));
      },
    };
  };

  const blocks = doc.blocks;
  const header = blocks.find((b) => b.kind === "header");
  const heading = blocks.find((b) => b.kind === "heading");
  const kicker = blocks.find((b): b is Paragraph => b.kind === "paragraph" && b.role === "kicker");
  const middle = blocks.filter((b): b is Paragraph => b.kind === "paragraph" && b.role !== undefined && b.role !== "kicker");
  const signatures = blocks.filter((b) => b.kind === "signature");

  // Top: emblem, kicker, heading, rule.
  let y = 46;
  if (setup.emblem) {
    // Smaller above a heading of two lines (Honorary Citizenship's), which needs the room.
    const emblemHeight = heading && heading.kind === "heading" && heading.lines.length > 1 ? 52 : 66;
    artifact(pdf, () => drawEmblem(pdf, setup.emblem!, cx - 60, y, 120, emblemHeight));
    y += emblemHeight + 8;
  } else y += 14;
  if (kicker) {
    const text = kicker.runs.map((r) => r.text).join("");
    const size = 10.5;
    const spacing = 3.2;
    pdf.font("regular").fontSize(size);
    const textWidth = pdf.widthOfString(text, { characterSpacing: spacing }) - spacing;
    pdf.fillColor(CITY_BLUE);
    w.leaf("P", () => pdf.text(text, cx - textWidth / 2, y, { lineBreak: false, characterSpacing: spacing }));
    y += w.lineHeight(size) + 1;
  }
  if (heading && heading.kind === "heading") {
    // Below the name's size, whatever the name: the name stays the largest text on the page.
    const name = middle.find((p) => p.role === "name");
    const largest = Math.min(30, name ? fitted(name.runs, STYLE.name).size * 0.88 : 30);
    const style: Style = { size: largest, min: Math.min(20, largest), maxLines: 1, bold: true, colour: CITY_BLUE, width: 1, before: 0, tight: true };
    // Every line of the heading at the size of the widest one.
    const size = Math.min(...heading.lines.map((line) => fitted(line, style).size));
    w.y = y;
    pdf.fillColor(CITY_BLUE);
    w.leaf("H1", () => {
      for (const line of heading.lines) w.paragraph(styled(line, style), { size, align: "center", x: left, width: right - left, leading: size * 1.22 });
    });
    y = w.y + 6;
  }
  artifact(pdf, () => drawRule(pdf, cx, y + 3, setup.medalClass ? CLASS_COLOUR[setup.medalClass] : CITY_BLUE));
  const top = y + 16;

  // Foot: the signature blocks side by side, each the office, room to sign, the name.
  const signRoom = 44;
  const columnWidth = Math.min(270, (right - left) * 0.38);
  const titleSize = 11;
  const nameSize = 12.5;
  const blockHeight = (lines: readonly Line[]) =>
    w.linesHeight([lines[0] ?? []], titleSize, columnWidth) +
    signRoom +
    w.linesHeight(
      lines.slice(1).filter((l) => l.length > 0),
      nameSize,
      columnWidth,
    );
  const footHeight = Math.max(0, ...signatures.map((s) => (s.kind === "signature" ? blockHeight(s.lines) : 0)));
  const footBottom = height - 70;
  const footTop = footBottom - footHeight;

  // Middle: the sentence, spaced to fill what is between. When it does not fit, the gaps close
  // first (to 40 %), then the name and the rest shrink (the name most, nothing below 85 % else).
  const available = footTop - 18 - top;
  let room = 1;
  let placed = middle.map((p) => paragraph(p, STYLE[p.role as keyof typeof STYLE]));
  const heights = () => placed.reduce((sum, p) => sum + p.height, 0);
  const gaps = placed.slice(1).reduce((sum, p) => sum + p.before, 0);
  while (heights() + 0.4 * gaps > available && room > 0.6) {
    room -= 0.05;
    placed = middle.map((p) => paragraph(p, STYLE[p.role as keyof typeof STYLE], p.role === "name" ? room : Math.max(room, 0.85)));
  }
  const spare = available - heights() - gaps;
  // Half the spare room opens the gaps (at most doubling them), the rest centres the block; no
  // spare room closes them.
  const stretch = gaps > 0 ? (spare >= 0 ? Math.min(1, spare / 2 / gaps) : Math.max(-0.6, spare / gaps)) : 0;
  let at = top + Math.max(0, spare - stretch * gaps) / 2;
  placed.forEach((p, i) => {
    if (i > 0) at += p.before * (1 + stretch);
    p.draw(at);
    at += p.height;
  });

  // The signatures: two in the outer thirds (the seal between them), one on the right.
  const centres =
    signatures.length === 1 ? [left + (right - left) * 0.73] : signatures.map((_, i) => left + (right - left) * (0.27 + (0.46 * i) / (signatures.length - 1)));
  if (signatures.length > 0) {
    w.group("Table", () =>
      w.group("TR", () =>
        signatures.forEach((s, i) => {
          if (s.kind !== "signature") return;
          const x = centres[i]! - columnWidth / 2;
          const [office = [], ...rest] = s.lines;
          let lineY = 0;
          w.leaf("TD", () => {
            pdf.fillColor(INK);
            w.y = footTop;
            w.paragraph(styled(office, { ...STYLE.body, size: titleSize }), { size: titleSize, align: "center", x, width: columnWidth });
            lineY = w.y + signRoom - 4;
            w.y += signRoom;
            for (const line of rest.filter((l) => l.length > 0))
              w.paragraph(styled(line, { ...STYLE.body, bold: true, size: nameSize }), { size: nameSize, align: "center", x, width: columnWidth });
          });
          // A fine line to sign on, above the printed name.
          artifact(pdf, () =>
            pdf
              .save()
              .lineWidth(0.5)
              .strokeColor(PALE_BLUE)
              .moveTo(centres[i]! - 80, lineY)
              .lineTo(centres[i]! + 80, lineY)
              .stroke()
              .restore(),
          );
        }),
      ),
    );
  }

  // The bottom left corner: the QR code and, beside it, the verification code and address.
  const qrX = FULL_QR.inset;
  const qrY = height - FULL_QR.inset - QR_SIZE;
  artifact(pdf, () => drawQr(pdf, publicUrl, qrX, qrY, QR_SIZE));
  if (header && header.kind === "header") {
    const size = 7;
    w.y = qrY + QR_SIZE - header.lines.length * w.lineHeight(size);
    pdf.fillColor(INK);
    for (const line of header.lines) w.leaf("P", () => w.paragraph(line, { size, align: "left", x: qrX + QR_SIZE + 6, width: 260 }));
  }
  pdf.fillColor("black");
}

/**
 * One diploma as a part of a PDF. Full design: the ceremonial page (see above). Pre-printed
 * stock: the text in the document flow and the QR code only, everything shifted by the printer's
 * offsets.
 */
export function diplomaPart(doc: Document, publicUrl: string, setup: PrintSetup = FULL_PRINT): PdfPart {
  if (setup.mode === "FULL") {
    return {
      document: doc,
      layout: (writer) => ceremonialLayout(writer, doc, publicUrl, setup),
      decorate: (pdf, { start }) => {
        pdf.switchToPage(start);
        artifact(pdf, () => drawFrame(pdf));
      },
    };
  }
  return {
    document: doc,
    offset: setup.printer ? { x: setup.printer.offsetXMm * MM, y: setup.printer.offsetYMm * MM } : undefined,
    decorate: (pdf, { start }) => {
      pdf.switchToPage(start);
      const { height, margins } = pdf.page;
      artifact(pdf, () => drawQr(pdf, publicUrl, margins.left, height - margins.bottom - STOCK_QR_SIZE, STOCK_QR_SIZE));
    },
  };
}

/** The diploma's PDF (one diploma): see diplomaPart. */
export function diplomaPdf(doc: Document, publicUrl: string, setup: PrintSetup = FULL_PRINT): Promise<Buffer> {
  return renderPdfParts([diplomaPart(doc, publicUrl, setup)], doc.meta);
}

// ---------------------------------------------------------------- calibration

/** A millimetre ruler along the top edge and one along the left edge, labelled every centimetre. */
function drawRulers(pdf: PDFKit.PDFDocument): void {
  const { width, height } = pdf.page;
  const at = 10 * MM;
  pdf.save().lineWidth(0.4).strokeColor("black").fillColor("black").font("regular").fontSize(6);
  for (let mm = 10; mm * MM <= width - at; mm++) {
    const length = (mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3.5 : 2) * MM;
    pdf
      .moveTo(mm * MM, at)
      .lineTo(mm * MM, at + length)
      .stroke();
    if (mm % 10 === 0) pdf.text(String(mm), mm * MM - 6, at + 5.5 * MM, { width: 12, align: "center", lineBreak: false });
  }
  for (let mm = 10; mm * MM <= height - at; mm++) {
    const length = (mm % 10 === 0 ? 5 : mm % 5 === 0 ? 3.5 : 2) * MM;
    pdf
      .moveTo(at, mm * MM)
      .lineTo(at + length, mm * MM)
      .stroke();
    if (mm % 10 === 0) pdf.text(String(mm), at + 5.5 * MM, mm * MM - 2.5, { lineBreak: false });
  }
  pdf.restore();
}

/** A crosshair with a ring, centred on (x, y) points, and its distance from the edges beside it. */
function drawCrosshair(pdf: PDFKit.PDFDocument, x: number, y: number, label: string): void {
  const arm = 6 * MM;
  pdf.save().lineWidth(0.3).strokeColor("black");
  pdf
    .moveTo(x - arm, y)
    .lineTo(x + arm, y)
    .stroke();
  pdf
    .moveTo(x, y - arm)
    .lineTo(x, y + arm)
    .stroke();
  pdf.circle(x, y, 2 * MM).stroke();
  pdf
    .fillColor("black")
    .font("regular")
    .fontSize(7)
    .text(label, x + 2.5 * MM, y + 1.5 * MM, { lineBreak: false });
  pdf.restore();
}

/**
 * The calibration page: crosshairs at CALIBRATION_MARK_MM from the nearest edges and millimetre
 * rulers, printed with the printer's offsets (none without a printer), so staff can measure how
 * far the printer is off and check the correction.
 */
export function calibrationPdf(printer: PrinterOffsets | null, orientation: "portrait" | "landscape" = "landscape"): Promise<Buffer> {
  const document = projectTemplate<CalibrationData>("diploma-calibration.hbs").render(calibrationData(printer, orientation));
  const mark = CALIBRATION_MARK_MM * MM;
  return renderPdfParts(
    [
      {
        document,
        offset: printer ? { x: printer.offsetXMm * MM, y: printer.offsetYMm * MM } : undefined,
        decorate: (pdf, { start }) => {
          pdf.switchToPage(start);
          const { width, height } = pdf.page;
          drawRulers(pdf);
          const label = `${CALIBRATION_MARK_MM} mm`;
          for (const [x, y] of [
            [mark, mark],
            [width - mark, mark],
            [mark, height - mark],
            [width - mark, height - mark],
          ] as const) {
            drawCrosshair(pdf, x, y, label);
          }
        },
      },
    ],
    document.meta,
  );
}

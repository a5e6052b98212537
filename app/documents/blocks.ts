// The document model both outputs (PDF and DOCX) are rendered from. Markup (./markup.ts) is
// parsed into it; the text in it is final: whitespace collapsed, Unicode NFC, Polish typography
// applied (non-breaking spaces, „quotes”), so the PDF and the DOCX print exactly the same words.
import { typeset } from "#app/domain/polish-text";

/** A stretch of text with one formatting. */
export type Run = { text: string; bold: boolean; italic: boolean };

/** One printed line of a header, title or signature (it may still wrap if too long). */
export type Line = Run[];

export type Align = "justify" | "left" | "center" | "right";

/**
 * Lines without paragraph spacing: by default small and right-aligned above the title („druk nr
 * 123”); a letter's sender block is `align: "left"`, its recipient also `size: "body"`.
 */
export type Header = { kind: "header"; lines: Line[]; align?: "left" | "right"; size?: "small" | "body" };

/** The centred bold title, one entry per <br>-separated line. */
export type Heading = { kind: "heading"; lines: Line[] };

/**
 * What a line of a diploma is, for its ceremonial design (app/documents/diploma-pdf.server.ts),
 * which sets each role in its own size and place; the document flow (a draft, pre-printed stock,
 * the DOCX) prints a paragraph with a role as any other.
 */
export const PARAGRAPH_ROLES = ["kicker", "body", "act", "verb", "name", "apposition", "honour", "dedication", "place-date"] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

export type Paragraph = { kind: "paragraph"; runs: Run[]; align: Align; role?: ParagraphRole };

/** A point of a numbered list ("1)"), optionally with nested points ("a)", then "–"). */
export type ListItem = { runs: Run[]; list?: List };

export type List = { kind: "list"; items: ListItem[] };

/** "§ 1." and its content; the first paragraph prints on the same line as the "§ 1." label. */
export type Section = { kind: "section"; number: string; blocks: (Paragraph | List)[] };

/** Lines centred in the right half of the page: office, (blank line), name. */
export type Signature = { kind: "signature"; lines: Line[] };

/** Vertical space, in body lines. */
export type Spacer = { kind: "spacer"; lines: number };

export type PageBreak = { kind: "pagebreak" };

export type Block = Header | Heading | Paragraph | Section | List | Signature | Spacer | PageBreak;

export type DocumentMeta = {
  title: string;
  author?: string;
  subject?: string;
  orientation: "portrait" | "landscape";
};

export type Document = { meta: DocumentMeta; blocks: Block[] };

/** Raw text as it came from the markup, with the formatting in force where it stood. */
export type Segment = { text: string; bold: boolean; italic: boolean };

/** A stretch of whitespace as HTML collapses it, non-breaking spaces included. */
const WHITESPACE = /[ \t\n\r\f\u00a0]+/g;
const NBSP = "\u00a0";

/**
 * Builds the runs of one paragraph (or line) from raw segments: Unicode NFC, whitespace collapsed
 * as in HTML (across formatting boundaries, trimmed at both ends), then `typeset` over the whole
 * text at once, so „quotes” and non-breaking spaces come out right even when a quote or a
 * one-letter word stands next to a <b>/<i> boundary. Adjacent runs with the same formatting merge.
 */
export function buildRuns(segments: readonly Segment[]): Run[] {
  let text = "";
  // Which segment each stretch of `text` came from: the segment's index and where the stretch ends.
  const owners: { owner: number; end: number }[] = [];
  const own = (owner: number, part: string) => {
    text += part;
    const last = owners[owners.length - 1];
    if (last && last.owner === owner) last.end = text.length;
    else owners.push({ owner, end: text.length });
  };
  // A pending gap: the segment that owns it and whether it holds a non-breaking space.
  let gap: { owner: number; nbsp: boolean } | null = null;
  const word = (owner: number, part: string) => {
    if (gap && text.length > 0) own(gap.owner, gap.nbsp ? NBSP : " ");
    gap = null;
    own(owner, part);
  };
  segments.forEach((segment, owner) => {
    const normalized = segment.text.normalize("NFC");
    let from = 0;
    for (const space of normalized.matchAll(WHITESPACE)) {
      if (space.index > from) word(owner, normalized.slice(from, space.index));
      const nbsp = space[0].includes(NBSP);
      if (gap) gap.nbsp ||= nbsp;
      else gap = { owner, nbsp };
      from = space.index + space[0].length;
    }
    if (from < normalized.length) word(owner, normalized.slice(from));
  });

  // Every whitespace stretch is now one character, so each of typeset's replacements is one
  // character for one character and the ownership of each position survives.
  const after = typeset(text);
  if (after.length !== text.length) {
    throw new Error(`typeset changed the length of „${text}”; the run boundaries would be lost`);
  }

  const runs: Run[] = [];
  let start = 0;
  for (const { owner, end } of owners) {
    const { bold, italic } = segments[owner]!;
    const part = after.slice(start, end);
    start = end;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += part;
    else runs.push({ text: part, bold, italic });
  }
  return runs;
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}

/** The label printed before a section's content: "§ 1." (with a non-breaking space). */
export function sectionLabel(section: Pick<Section, "number">): string {
  return `§${NBSP}${section.number}.`;
}

/** The marker of a list point at a nesting depth (0-based): "1)", "a)", then "–". */
export function listMarker(depth: number, index: number): string {
  if (depth === 0) return `${index + 1})`;
  if (depth === 1) return `${letterNumber(index)})`;
  return "–";
}

/** a, b, …, z, then aa, ab, … as Polish legislative drafting numbers letters. */
function letterNumber(index: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return index < letters.length ? letters[index]! : letters[Math.floor(index / letters.length) - 1]! + letters[index % letters.length]!;
}

/**
 * The document's text in reading order, one string per printed paragraph or line, with the
 * labels and markers the renderers print ("§ 1.", "1)"). Used by the font coverage check and
 * by tests comparing the outputs.
 */
export function documentText(doc: Document): string[] {
  const out: string[] = [];
  const list = (l: List, depth: number) =>
    l.items.forEach((item, i) => {
      out.push(`${listMarker(depth, i)} ${runsText(item.runs)}`);
      if (item.list) list(item.list, depth + 1);
    });
  for (const block of doc.blocks) {
    switch (block.kind) {
      case "header":
      case "heading":
      case "signature":
        for (const line of block.lines) out.push(runsText(line));
        break;
      case "paragraph":
        out.push(runsText(block.runs));
        break;
      case "section":
        block.blocks.forEach((inner, i) => {
          const label = i === 0 ? `${sectionLabel(block)} ` : "";
          if (inner.kind === "paragraph") out.push(label + runsText(inner.runs));
          else {
            if (label) out.push(label.trim());
            list(inner, 0);
          }
        });
        if (block.blocks.length === 0) out.push(sectionLabel(block));
        break;
      case "list":
        list(block, 0);
        break;
      case "spacer":
      case "pagebreak":
        break;
    }
  }
  return out.filter((s) => s !== "");
}

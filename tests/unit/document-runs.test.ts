// buildRuns (app/documents/blocks.ts) works on stretches of text between spaces, for speed; this
// checks it against the plain definition, character by character, on any mix of words, spaces,
// line breaks, non-breaking spaces, quotes, one-letter words, decomposed letters and formatting.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildRuns, type Run, type Segment } from "#app/documents/blocks";
import { typeset } from "#app/domain/polish-text";

const NBSP = "\u00a0";

/** Each character is owned by the segment it came from; a collapsed gap by the segment it began in. */
function runsByCharacter(segments: readonly Segment[]): Run[] {
  const chars: string[] = [];
  const owners: number[] = [];
  let gap: { owner: number; nbsp: boolean } | null = null;
  segments.forEach((segment, owner) => {
    for (const ch of segment.text.normalize("NFC")) {
      if (/[ \t\n\r\f]/.test(ch) || ch === NBSP) {
        if (gap) gap.nbsp ||= ch === NBSP;
        else gap = { owner, nbsp: ch === NBSP };
        continue;
      }
      if (gap && chars.length > 0) {
        chars.push(gap.nbsp ? NBSP : " ");
        owners.push(gap.owner);
      }
      gap = null;
      chars.push(ch);
      owners.push(owner);
    }
  });
  const runs: Run[] = [];
  Array.from(typeset(chars.join(""))).forEach((ch, i) => {
    const { bold, italic } = segments[owners[i]!]!;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += ch;
    else runs.push({ text: ch, bold, italic });
  });
  return runs;
}

const pieces = ["Rajčić", "Kraków", "w", "i", "z", "nr", "§", "12", "r.", '"', "e\u0301", " ", "  ", "\n", "\t", NBSP, ` ${NBSP} `, "ul.", "ą"];
const segment = fc.record({ text: fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join("")), bold: fc.boolean(), italic: fc.boolean() });

describe("buildRuns", () => {
  test("equals the character-by-character definition for any segments", () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(buildRuns(segments)).toEqual(runsByCharacter(segments));
      }),
      { numRuns: 2000 },
    );
  });
});

// Property tests of the one eligibility function and the numbering rules (issue 18): random
// date orders, classes, kinds, session numerals and ordinance numbers, against the rules stated
// independently here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEligibility, HONOUR_RULES, type EligibilityInput } from "#app/domain/eligibility";
import { addDays, formatPolishDate } from "#app/domain/polish-dates";
import { checkOrdinanceNumber, sessionOrderWarnings, type TermResolution } from "#app/domain/resolution-number";
import { toRoman } from "#app/domain/roman";

const day = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((d) => addDays(from, d));
const anyDate = day("1990-01-01", 14_000);
const codes = (input: EligibilityInput) =>
  checkEligibility(input)
    .filter((f) => f.level === "refuse")
    .map((f) => f.code);

const base = (over: Partial<EligibilityInput>): EligibilityInput => ({
  honour: "CRACOVIAE_MERENTI",
  medalClass: "SILVER",
  candidate: { kind: "PERSON", deceased: false },
  heldHonours: [],
  openNominations: [],
  receivedDate: null,
  actDate: null,
  ...over,
});

describe("chronology: received ≤ forwarded ≤ act ≤ hand-over", () => {
  it("refuses exactly the broken pairs, naming both dates", () => {
    fc.assert(
      fc.property(anyDate, fc.option(anyDate), fc.option(anyDate), fc.option(anyDate), (received, forwarded, act, handedOver) => {
        const findings = checkEligibility(
          base({ medalClass: "SILVER", receivedDate: received, forwardedOn: forwarded, actDate: act, handedOverOn: handedOver }),
        );
        const got = findings.filter((f) => f.code.startsWith("act-") || f.code.startsWith("forwarded-"));
        const expected = [
          act !== null && act < received ? "act-before-received" : null,
          forwarded !== null && forwarded < received ? "forwarded-before-received" : null,
          act !== null && forwarded !== null && act < forwarded ? "act-before-forwarded" : null,
          act !== null && handedOver !== null && act > handedOver ? "act-after-handover" : null,
        ].filter(Boolean);
        expect(got.map((f) => f.code)).toEqual(expected);
        const pair: Record<string, (string | null)[]> = {
          "act-before-received": [act, received],
          "forwarded-before-received": [forwarded, received],
          "act-before-forwarded": [act, forwarded],
          "act-after-handover": [act, handedOver],
        };
        for (const f of got) {
          expect(f.level).toBe("refuse");
          for (const d of pair[f.code]!) expect(f.message).toContain(formatPolishDate(d!));
        }
      }),
    );
  });
});

describe("the honours' own dates", () => {
  const klass = fc.constantFrom("GOLD" as const, "SILVER" as const, "BRONZE" as const);
  const kind = fc.constantFrom("PERSON" as const, "ORGANIZATION" as const);

  it("a medal class and kind on an act date: refused exactly when the rule data says so", () => {
    fc.assert(
      fc.property(klass, kind, anyDate, (medalClass, candidateKind, act) => {
        const got = codes(base({ medalClass, candidate: { kind: candidateKind, deceased: false }, actDate: act, receivedDate: act }));
        expect(got.includes("honour-not-yet-established")).toBe(act < HONOUR_RULES.honourExistsFrom.CRACOVIAE_MERENTI!.from);
        expect(got.includes("class-not-yet-established")).toBe(medalClass === "BRONZE" && act < "1998-01-01");
        expect(got.includes("gold-for-person")).toBe(medalClass === "GOLD" && candidateKind === "PERSON" && act >= "1997-01-01");
      }),
    );
  });

  it("gold for a person is judged by the act's date; before the act, by the received date (the act cannot precede it)", () => {
    fc.assert(
      fc.property(anyDate, fc.option(anyDate), (received, act) => {
        const got = codes(base({ medalClass: "GOLD", receivedDate: received, actDate: act }));
        expect(got.includes("gold-for-person")).toBe((act ?? received) >= "1997-01-01");
      }),
    );
  });

  it("Honoris Gratia exists from 17 September 2005 (ordinance 1640/2005)", () => {
    fc.assert(
      fc.property(anyDate, kind, (act, candidateKind) => {
        const findings = checkEligibility(
          base({ honour: "HONORIS_GRATIA", medalClass: null, candidate: { kind: candidateKind, deceased: false }, actDate: act }),
        );
        const refusal = findings.find((f) => f.code === "honour-not-yet-established");
        expect(Boolean(refusal)).toBe(act < "2005-09-17");
        if (refusal) expect(refusal.message).toContain("1640/2005");
      }),
    );
  });

  it("every rule date has its source", () => {
    const rules = [
      ...Object.values(HONOUR_RULES.honourExistsFrom),
      ...Object.values(HONOUR_RULES.medalClassExistsFrom),
      HONOUR_RULES.goldForInstitutionsOnlyFrom,
    ];
    for (const r of rules) {
      expect(r!.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r!.source.length).toBeGreaterThan(10);
    }
  });
});

describe("session numerals within a term", () => {
  const resolution = fc.record({ sessionNumber: fc.integer({ min: 1, max: 150 }), adoptedOn: day("2024-05-07", 1500) });

  it("warns exactly when an earlier resolution of the term sat at a higher session", () => {
    fc.assert(
      fc.property(fc.array(resolution, { maxLength: 12 }), resolution, (earlier, now) => {
        const term: TermResolution[] = earlier.map((r, i) => ({ ...r, number: `${toRoman(r.sessionNumber)}/${i + 1}/${r.adoptedOn.slice(2, 4)}` }));
        const warnings = sessionOrderWarnings({ session: now.sessionNumber, running: 999, year2: Number(now.adoptedOn.slice(2, 4)) }, now.adoptedOn, term);
        const backwards = term.some((r) => r.adoptedOn < now.adoptedOn && r.sessionNumber > now.sessionNumber);
        expect(warnings.length).toBe(backwards ? 1 : 0);
        if (backwards) expect(warnings[0]).toContain(`sesji ${toRoman(now.sessionNumber)} z`);
      }),
    );
  });
});

describe("the Mayor's ordinance number", () => {
  it("accepts <no.>/<yyyy> with the year of its date, and nothing else", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), anyDate, fc.integer({ min: -3, max: 3 }), (no, issuedOn, shift) => {
        const year = Number(issuedOn.slice(0, 4)) + shift;
        const result = checkOrdinanceNumber(`${no}/${year}`, issuedOn);
        expect(result.ok).toBe(shift === 0);
        if (!result.ok) expect(result.message).toContain(String(year));
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !/^\s*\d{1,6}\s*\/\s*\d{4}\s*$/.test(s)),
        anyDate,
        (text, issuedOn) => {
          expect(checkOrdinanceNumber(text, issuedOn).ok).toBe(false);
        },
      ),
    );
    expect(checkOrdinanceNumber("abc", "2026-02-10")).toEqual({ ok: false, message: expect.stringContaining("np. 1234/2026") });
  });
});

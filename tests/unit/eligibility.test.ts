import { describe, expect, test } from "vitest";
import { checkEligibility, type EligibilityInput } from "#app/domain/eligibility";

const base: EligibilityInput = {
  honour: "CRACOVIAE_MERENTI",
  medalClass: "SILVER",
  receivedDate: "2025-02-01",
  actDate: null,
  candidate: { kind: "PERSON", deceased: false },
  heldHonours: [],
  openNominations: [],
};
const codes = (input: Partial<EligibilityInput>) => checkEligibility({ ...base, ...input }).map((f) => `${f.level}:${f.code}`);

describe("eligibility", () => {
  test("a plain silver medal for a living person raises nothing", () => {
    expect(codes({})).toEqual([]);
  });

  test("gold for a person from 1997 on is refused; for an institution, or before 1997, it is not", () => {
    expect(codes({ medalClass: "GOLD" })).toEqual(["refuse:gold-for-person"]);
    expect(codes({ medalClass: "GOLD", candidate: { kind: "ORGANIZATION", deceased: false } })).toEqual([]);
    expect(codes({ medalClass: "GOLD", receivedDate: "1993-05-01" })).toEqual([]);
    expect(checkEligibility({ ...base, medalClass: "GOLD" })[0]!.message).toMatch(/Od 1997 r\. złoty medal/);
  });

  test("Honorary Citizenship refuses organisations, deceased persons and holders", () => {
    const hc = { honour: "HONORARY_CITIZENSHIP" as const, medalClass: null };
    expect(codes({ ...hc, candidate: { kind: "ORGANIZATION", deceased: false } })).toEqual(["refuse:hc-organization"]);
    expect(codes({ ...hc, candidate: { kind: "PERSON", deceased: true } })).toEqual(["refuse:hc-deceased"]);
    expect(codes({ ...hc, heldHonours: [{ honour: "HONORARY_CITIZENSHIP", medalClass: null }] })).toEqual(["refuse:hc-already-held"]);
  });

  test("a late Honorary Citizenship application warns that it moves to next year's round", () => {
    const findings = checkEligibility({ ...base, honour: "HONORARY_CITIZENSHIP", medalClass: null, receivedDate: "2026-04-02" });
    expect(findings.map((f) => f.code)).toEqual(["hc-late"]);
    expect(findings[0]!.message).toContain("w naborze 2027 r.");
  });

  test("holding the honour already warns (Cracoviae Merenti, Honoris Gratia)", () => {
    expect(codes({ heldHonours: [{ honour: "CRACOVIAE_MERENTI", medalClass: "SILVER" }] })).toEqual(["warn:already-held"]);
    expect(codes({ heldHonours: [{ honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE" }] })).toEqual(["warn:higher-class"]);
    expect(codes({ honour: "HONORIS_GRATIA", medalClass: null, heldHonours: [{ honour: "HONORIS_GRATIA", medalClass: null }] })).toEqual([
      "warn:hg-already-held",
    ]);
  });

  test("posthumous medal follows the configured policy", () => {
    const deceased = { ...base, candidate: { kind: "PERSON" as const, deceased: true } };
    expect(checkEligibility(deceased).map((f) => f.level)).toEqual(["warn"]);
    expect(checkEligibility(deceased, { posthumousCracoviaeMerenti: "refuse" }).map((f) => f.level)).toEqual(["refuse"]);
  });

  test("another open nomination for the same honour warns", () => {
    expect(codes({ openNominations: [{ honour: "CRACOVIAE_MERENTI" }] })).toEqual(["warn:open-nomination"]);
    expect(codes({ openNominations: [{ honour: "HONORIS_GRATIA" }] })).toEqual([]);
  });
});

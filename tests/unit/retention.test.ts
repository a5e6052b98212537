import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportFileNames } from "#app/domain/personal-data-export";
import { attachmentDisposition } from "#app/utils/download";
import {
  addMonths,
  ANONYMIZED_MARK,
  anonymizedCandidateNames,
  becomesAnonymous,
  ConfirmAnonymisationForm,
  dueForAnonymisation,
  endedAtOf,
  recordKindOf,
  redactAuditJson,
  redactText,
  RetentionPoliciesForm,
  type RetentionInput,
} from "#app/domain/retention";
import { STATUSES } from "#app/domain/workflow";

const POLICIES = [
  { recordKind: "HG_REFUSED", months: 24 },
  { recordKind: "NOMINATION_WITHDRAWN", months: 24 },
  { recordKind: "NOMINATION_UNSUCCESSFUL", months: 60 },
];

const outcome = (honour: string, status: string, extra: Partial<{ hasConferral: boolean; everConferred: boolean }> = {}) => ({
  honour,
  status,
  hasConferral: false,
  everConferred: false,
  ...extra,
});

describe("recordKindOf", () => {
  it.each([
    ["HONORIS_GRATIA", "REFUSED", "HG_REFUSED"],
    ["HONORIS_GRATIA", "CLOSED", "HG_REFUSED"],
    ["HONORIS_GRATIA", "WITHDRAWN", "NOMINATION_WITHDRAWN"],
    ["CRACOVIAE_MERENTI", "WITHDRAWN", "NOMINATION_WITHDRAWN"],
    ["HONORARY_CITIZENSHIP", "WITHDRAWN", "NOMINATION_WITHDRAWN"],
    ["CRACOVIAE_MERENTI", "OPINION_NEGATIVE", "NOMINATION_UNSUCCESSFUL"],
    ["CRACOVIAE_MERENTI", "REJECTED", "NOMINATION_UNSUCCESSFUL"],
    ["CRACOVIAE_MERENTI", "CLOSED", "NOMINATION_UNSUCCESSFUL"],
    ["HONORARY_CITIZENSHIP", "OPINION_NEGATIVE", "NOMINATION_UNSUCCESSFUL"],
    ["HONORARY_CITIZENSHIP", "REJECTED", "NOMINATION_UNSUCCESSFUL"],
    ["HONORARY_CITIZENSHIP", "CLOSED", "NOMINATION_UNSUCCESSFUL"],
  ])("%s %s → %s", (honour, status, kind) => {
    expect(recordKindOf(outcome(honour, status))).toBe(kind);
  });

  it.each([
    "RECEIVED",
    "COMPLETION_REQUESTED",
    "FORMALLY_COMPLETE",
    "VERIFIED",
    "OPINION_POSITIVE",
    "DRAFT_PREPARED",
    "FORWARDED",
    "ADOPTED",
    "GRANTED",
    "NUMBER_ASSIGNED",
    "DIPLOMA_PRINTED",
    "HANDED_OVER",
  ])("an open or conferred status (%s) is never due", (status) => {
    for (const honour of ["CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"]) expect(recordKindOf(outcome(honour, status))).toBeNull();
  });

  it("a nomination with a conferral, or one that was ever in a conferred status, is kept whatever its status", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom("CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"),
        fc.boolean(),
        (status, honour, viaConferral) => {
          const extra = viaConferral ? { hasConferral: true } : { everConferred: true };
          expect(recordKindOf(outcome(honour, status, extra))).toBeNull();
        },
      ),
    );
  });

  it("a CLOSED Honoris Gratia nomination after the badge was handed over is not a refusal", () => {
    expect(recordKindOf(outcome("HONORIS_GRATIA", "CLOSED", { hasConferral: true }))).toBeNull();
    expect(recordKindOf(outcome("HONORIS_GRATIA", "CLOSED", { everConferred: true }))).toBeNull();
  });
});

describe("addMonths and endedAtOf", () => {
  it.each([
    ["2024-01-15T10:00:00.000Z", 24, "2026-01-15T10:00:00.000Z"],
    ["2024-01-31T00:00:00.000Z", 1, "2024-02-29T00:00:00.000Z"],
    ["2023-01-31T00:00:00.000Z", 1, "2023-02-28T00:00:00.000Z"],
    ["2024-02-29T12:00:00.000Z", 12, "2025-02-28T12:00:00.000Z"],
    ["2024-11-30T00:00:00.000Z", 3, "2025-02-28T00:00:00.000Z"],
    ["2020-05-31T23:59:59.999Z", 60, "2025-05-31T23:59:59.999Z"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });

  it("moves forward, more months never earlier, and keeps the time of day", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }), fc.integer({ min: 1, max: 1200 }), (d, m) => {
        const later = addMonths(d, m);
        expect(later.getTime()).toBeGreaterThan(d.getTime());
        expect(later.getTime()).toBeGreaterThanOrEqual(addMonths(d, m - 1).getTime());
        expect(later.getUTCHours()).toBe(d.getUTCHours());
      }),
    );
  });

  it("the end is the latest status change or edit; updatedAt only when there is none", () => {
    const updatedAt = new Date("2025-06-01T00:00:00Z");
    expect(endedAtOf({ lastChangeAt: new Date("2021-03-01T00:00:00Z"), updatedAt })).toEqual(new Date("2021-03-01T00:00:00Z"));
    expect(endedAtOf({ lastChangeAt: null, updatedAt })).toEqual(updatedAt);
  });
});

describe("dueForAnonymisation", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const row = (id: string, honour: string, status: string, endedAt: string, extra: Partial<RetentionInput> = {}): RetentionInput => ({
    id,
    honour,
    status,
    hasConferral: false,
    everConferred: false,
    lastChangeAt: new Date(endedAt),
    updatedAt: new Date("2026-11-01T00:00:00Z"),
    anonymizedAt: null,
    ...extra,
  });

  it("takes each kind's own period and only what ended at least that long ago", () => {
    const due = dueForAnonymisation(
      [
        row("hg-old", "HONORIS_GRATIA", "REFUSED", "2024-11-26T10:00:00Z"), // exactly 24 months
        row("hg-young", "HONORIS_GRATIA", "REFUSED", "2024-11-26T10:00:01Z"),
        row("wd-old", "CRACOVIAE_MERENTI", "WITHDRAWN", "2023-01-01T00:00:00Z"),
        row("neg-3y", "CRACOVIAE_MERENTI", "OPINION_NEGATIVE", "2023-01-01T00:00:00Z"), // 60 months not yet
        row("neg-6y", "HONORARY_CITIZENSHIP", "REJECTED", "2020-01-01T00:00:00Z"),
        row("open", "CRACOVIAE_MERENTI", "RECEIVED", "2000-01-01T00:00:00Z"),
        row("laureate", "HONORIS_GRATIA", "CLOSED", "2000-01-01T00:00:00Z", { hasConferral: true }),
        row("done", "HONORIS_GRATIA", "REFUSED", "2000-01-01T00:00:00Z", { anonymizedAt: new Date("2025-01-01T00:00:00Z") }),
      ],
      POLICIES,
      now,
    );
    expect(due.map((d) => [d.id, d.recordKind, d.months])).toEqual([
      ["neg-6y", "NOMINATION_UNSUCCESSFUL", 60],
      ["wd-old", "NOMINATION_WITHDRAWN", 24],
      ["hg-old", "HG_REFUSED", 24],
    ]);
    expect(due[2]!.dueSince.toISOString()).toBe("2026-11-26T10:00:00.000Z");
  });

  it("without audit events the end is updatedAt", () => {
    const r = row("imported", "HONORIS_GRATIA", "REFUSED", "2000-01-01", { lastChangeAt: null, updatedAt: new Date("2026-01-01T00:00:00Z") });
    expect(dueForAnonymisation([r], POLICIES, now)).toEqual([]);
    expect(dueForAnonymisation([{ ...r, updatedAt: new Date("2020-01-01T00:00:00Z") }], POLICIES, now)).toHaveLength(1);
  });

  it("a kind without a policy (or with a nonsensical one) is kept", () => {
    const r = row("hg", "HONORIS_GRATIA", "REFUSED", "2000-01-01T00:00:00Z");
    expect(
      dueForAnonymisation(
        [r],
        POLICIES.filter((p) => p.recordKind !== "HG_REFUSED"),
        now,
      ),
    ).toEqual([]);
    expect(dueForAnonymisation([r], [{ recordKind: "HG_REFUSED", months: 0 }], now)).toEqual([]);
  });

  it("a longer period never makes more records due", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom("REFUSED", "CLOSED", "WITHDRAWN", "REJECTED", "OPINION_NEGATIVE", "RECEIVED"),
            honour: fc.constantFrom("CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"),
            daysAgo: fc.integer({ min: 0, max: 4000 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (rows, months, extra) => {
          const input = rows.map((r, i) => row(`n${i}`, r.honour, r.status, new Date(now.getTime() - r.daysAgo * 86_400_000).toISOString()));
          const policies = (m: number) => POLICIES.map((p) => ({ ...p, months: m }));
          const shorter = new Set(dueForAnonymisation(input, policies(months), now).map((d) => d.id));
          for (const d of dueForAnonymisation(input, policies(months + extra), now)) expect(shorter.has(d.id)).toBe(true);
        },
      ),
    );
  });
});

describe("becomesAnonymous", () => {
  const batch = new Set(["a", "b"]);
  it("only when every nomination is in the batch or anonymised already, and no conferral", () => {
    expect(becomesAnonymous({ nominations: [{ id: "a", anonymizedAt: null }], conferralCount: 0 }, batch)).toBe(true);
    expect(
      becomesAnonymous(
        {
          nominations: [
            { id: "a", anonymizedAt: null },
            { id: "old", anonymizedAt: new Date() },
          ],
        },
        batch,
      ),
    ).toBe(true);
    expect(
      becomesAnonymous(
        {
          nominations: [
            { id: "a", anonymizedAt: null },
            { id: "open", anonymizedAt: null },
          ],
        },
        batch,
      ),
    ).toBe(false);
    expect(becomesAnonymous({ nominations: [{ id: "a", anonymizedAt: null }], conferralCount: 1 }, batch)).toBe(false);
  });
});

describe("anonymised values", () => {
  it("a candidate's names become the mark and fold for sorting", () => {
    expect(anonymizedCandidateNames("PERSON")).toMatchObject({
      givenNames: "",
      surname: ANONYMIZED_MARK,
      displayName: ANONYMIZED_MARK,
      foldedName: "[dane usuniete]",
      sortName: "[dane usuniete]",
    });
    expect(anonymizedCandidateNames("ORGANIZATION")).toMatchObject({ organizationName: ANONYMIZED_MARK, shortName: "", displayName: ANONYMIZED_MARK });
  });

  it("empty text stays empty; anything else becomes the mark", () => {
    expect(redactText("")).toBe("");
    expect(redactText("  ")).toBe("  ");
    expect(redactText("jan@example.com")).toBe(ANONYMIZED_MARK);
  });
});

describe("redactAuditJson", () => {
  it("redacts a nomination's personal fields and keeps the statistics", () => {
    const after = JSON.stringify({
      honour: "HONORIS_GRATIA",
      requestedClass: null,
      receivedDate: "2022-03-01",
      caseReference: "KP-04.0012.1.2022",
      merits: "Pan Jan Kowalski z Nowej Huty…",
      nominators: ["Jan Kowalski (PERSON), jan@example.com"],
      attachments: ["życiorys Jana Kowalskiego.pdf"],
    });
    const redacted = JSON.parse(redactAuditJson(after, "Nomination")!);
    expect(redacted).toEqual({
      honour: "HONORIS_GRATIA",
      requestedClass: null,
      receivedDate: "2022-03-01",
      caseReference: "KP-04.0012.1.2022",
      merits: ANONYMIZED_MARK,
      nominators: [ANONYMIZED_MARK],
      attachments: [ANONYMIZED_MARK],
    });
  });

  it("a workflow step keeps its dates and acts; a free-text reason for lateness goes", () => {
    const after = JSON.stringify({
      eventDate: "2022-05-01",
      ordinance: "1234/2022 z 2022-05-01",
      roundYear: 2023,
      lateReason: "pismo pana Kowalskiego zaginęło",
    });
    expect(JSON.parse(redactAuditJson(after, "Nomination")!)).toEqual({
      eventDate: "2022-05-01",
      ordinance: "1234/2022 z 2022-05-01",
      roundYear: 2023,
      lateReason: ANONYMIZED_MARK,
    });
  });

  it("redacts every candidate field outside the allow-list (numbers become null, booleans stay)", () => {
    const before = JSON.stringify({
      kind: "PERSON",
      givenNames: "Jan",
      surname: "Kowalski",
      birthYear: 1950,
      city: "Kraków",
      deceased: false,
      sortName: "kowalski jan",
      nested: { x: "Jan" },
    });
    expect(JSON.parse(redactAuditJson(before, "Candidate")!)).toEqual({
      kind: "PERSON",
      givenNames: ANONYMIZED_MARK,
      surname: ANONYMIZED_MARK,
      birthYear: null,
      city: ANONYMIZED_MARK,
      deceased: false,
      sortName: ANONYMIZED_MARK,
      nested: { x: ANONYMIZED_MARK },
    });
  });

  it("null stays null; an unknown entity or unparseable text loses every string", () => {
    expect(redactAuditJson(null, "Nomination")).toBeNull();
    expect(JSON.parse(redactAuditJson(JSON.stringify({ id: "x", name: "Jan" }), "Unknown")!)).toEqual({ id: ANONYMIZED_MARK, name: ANONYMIZED_MARK });
    expect(JSON.parse(redactAuditJson("not json: Jan Kowalski", "Nomination")!)).toBe(ANONYMIZED_MARK);
  });

  it("no string of a personal field survives, whatever the shape", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !["honour", "caseReference", "receivedDate", "status", "requestedClass"].includes(k)),
          fc.jsonValue(),
        ),
        (obj) => {
          const out = JSON.parse(redactAuditJson(JSON.stringify(obj), "Nomination")!);
          const strings: string[] = [];
          const walk = (v: unknown) => {
            if (typeof v === "string") strings.push(v);
            else if (Array.isArray(v)) v.forEach(walk);
            else if (v && typeof v === "object") Object.values(v).forEach(walk);
          };
          for (const [k, v] of Object.entries(out))
            if (
              ![
                "id",
                "roundYear",
                "opinion",
                "opinionClass",
                "opinionDate",
                "dueDate",
                "hgApplicationId",
                "candidateId",
                "councilTermId",
                "residentSignatureCount",
                "signaturesCollectedFrom",
                "signaturesCollectedTo",
                "isDemo",
                "version",
                "eventDate",
                "ordinance",
                "resolution",
                "decision",
                "number",
                "printedOn",
                "handedOverOn",
              ].includes(k)
            )
              walk(v);
          for (const s of strings) expect(s.trim() === "" || s === ANONYMIZED_MARK).toBe(true);
        },
      ),
    );
  });
});

describe("forms", () => {
  it("months must be a whole number from 1 to 1200, with Polish messages", () => {
    const parse = (months: unknown) => RetentionPoliciesForm.safeParse({ policies: [{ recordKind: "HG_REFUSED", months, version: 1 }] });
    expect(parse(24).success).toBe(true);
    expect(parse(0).error!.issues[0]!.message).toBe("Okres przechowywania musi wynosić co najmniej 1 miesiąc.");
    expect(parse(1.5).error!.issues[0]!.message).toBe("Podaj pełną liczbę miesięcy.");
    expect(parse(1201).error!.issues[0]!.message).toMatch(/nie może przekraczać 1200 miesięcy/);
    expect(parse(undefined).error!.issues[0]!.message).toBe("Podaj liczbę miesięcy.");
    expect(RetentionPoliciesForm.safeParse({ policies: [{ recordKind: "OTHER", months: 5, version: 1 }] }).success).toBe(false);
    const twice = RetentionPoliciesForm.safeParse({
      policies: [
        { recordKind: "HG_REFUSED", months: 5, version: 1 },
        { recordKind: "HG_REFUSED", months: 6, version: 1 },
      ],
    });
    expect(twice.error!.issues[0]!.message).toBe("Każdy rodzaj wniosku może wystąpić tylko raz.");
  });

  it("anonymisation needs at least one record and the confirmation", () => {
    expect(ConfirmAnonymisationForm.safeParse({ ids: ["a"], confirm: true }).success).toBe(true);
    expect(ConfirmAnonymisationForm.safeParse({ ids: ["a"], confirm: false }).error!.issues[0]!.message).toBe(
      "Potwierdź, że rozumiesz, że anonimizacji nie można cofnąć.",
    );
    expect(ConfirmAnonymisationForm.safeParse({ ids: ["a"] }).error!.issues[0]!.message).toBe("Potwierdź, że rozumiesz, że anonimizacji nie można cofnąć.");
    expect(ConfirmAnonymisationForm.safeParse({ ids: [], confirm: true }).error!.issues[0]!.message).toBe("Zaznacz co najmniej jeden wniosek do anonimizacji.");
  });
});

describe("export file name", () => {
  it("an ASCII name for old clients and the Polish one in filename*", () => {
    const names = exportFileNames("Łucja Ćwiklińska-Śliwa", "2026-11-26");
    expect(names.ascii).toBe("dane-osobowe-lucja-cwiklinska-sliwa-2026-11-26.json");
    expect(names.utf8).toBe("dane-osobowe-Łucja Ćwiklińska-Śliwa-2026-11-26.json");
    const header = attachmentDisposition(names.utf8, names.ascii);
    expect(header).toBe(
      `attachment; filename="dane-osobowe-lucja-cwiklinska-sliwa-2026-11-26.json"; filename*=UTF-8''dane-osobowe-%C5%81ucja%20%C4%86wikli%C5%84ska-%C5%9Aliwa-2026-11-26.json`,
    );
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
  });

  it("quotes, slashes and control characters never reach the header; an all-symbol name still gets a name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (name) => {
        const names = exportFileNames(name, "2026-11-26");
        const header = attachmentDisposition(names.utf8, names.ascii);
        expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
        const ascii = header.match(/filename="([^"]*)"/)![1]!;
        expect(ascii).toMatch(/^dane-osobowe-[a-z0-9-]+-2026-11-26\.json$/);
        expect(header.split("filename*=UTF-8''")[1]).toMatch(/^[A-Za-z0-9%\-._~!]+$/);
      }),
    );
    expect(exportFileNames("„”", "2026-11-26").ascii).toBe("dane-osobowe-kandydat-2026-11-26.json");
  });

  it("any file name gives an ASCII-only header, whatever its letters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (name) => {
        const header = attachmentDisposition(`${name}.csv`);
        expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
        expect(header.match(/filename="([^"]*)"/)![1]).not.toMatch(/["\\]/);
      }),
    );
    expect(attachmentDisposition("Zestawienie – Żółć.csv")).toContain('filename="Zestawienie _ Zolc.csv"');
  });
});

import { describe, expect, test } from "vitest";
import { honorisGratiaDueDate } from "#app/domain/deadlines";
import {
  batchShortfall,
  bulkFormSchema,
  bulkSummaryText,
  formatBadgeNumber,
  hgIntakeSchema,
  hgStatistics,
  parseHgListQuery,
  MUST_VERIFY_FIRST,
  planBulk,
  runBulk,
  statusesOfQuery,
  stockLevels,
  type BulkRow,
  mostProposedEvent,
} from "#app/domain/honoris-gratia";
import { allowedTransitions } from "#app/domain/workflow";

const TODAY = "2026-11-26";

describe("the due-date rule of an application", () => {
  test("one month from receipt; a far hand-over moves it to 14 days before; none: one month", () => {
    expect(honorisGratiaDueDate("2026-01-31", null)).toBe("2026-02-28");
    expect(honorisGratiaDueDate("2026-03-10", "2026-03-20")).toBe("2026-04-10");
    expect(honorisGratiaDueDate("2026-03-10", "2026-06-30")).toBe("2026-06-16");
  });
});

describe("the decision workflow", () => {
  test("a verified application may go into the Mayor's decision being prepared, then be granted or refused", () => {
    expect(allowedTransitions("HONORIS_GRATIA", "VERIFIED").map((t) => t.to)).toEqual(["GRANTED", "REFUSED", "DECISION_PREPARED", "WITHDRAWN"]);
    expect(allowedTransitions("HONORIS_GRATIA", "DECISION_PREPARED").map((t) => t.to)).toEqual(["GRANTED", "REFUSED", "WITHDRAWN"]);
  });
});

describe("bulk work", () => {
  const rows: BulkRow[] = [
    { id: "a", status: "VERIFIED", name: "Anna A" },
    { id: "b", status: "RECEIVED", name: "Bogdan B" },
    { id: "c", status: "DECISION_PREPARED", name: "Celina C" },
    { id: "d", status: "VERIFIED", name: "Dawid D" },
  ];

  test("the plan moves the rows whose status allows the step and says why the others are left", () => {
    const plan = planBulk(rows, "verify");
    expect(plan.eligible.map((r) => r.id)).toEqual(["b"]);
    expect(plan.skipped.map((s) => [s.row.id, s.reason])).toEqual(["a", "c", "d"].map((id) => [id, "ten krok nie jest dostępny w obecnym statusie"]));
    expect(planBulk([], "verify")).toEqual({ eligible: [], skipped: [], verifiable: 0 });
  });

  test("granting one that only arrived says it must be verified first; with verifyFirst it takes both steps", () => {
    const plan = planBulk(rows, "grant");
    expect(plan.eligible.map((r) => [r.id, r.steps])).toEqual([
      ["a", ["GRANTED"]],
      ["c", ["GRANTED"]],
      ["d", ["GRANTED"]],
    ]);
    expect(plan.skipped).toEqual([{ row: rows[1], reason: MUST_VERIFY_FIRST }]);
    expect(plan.verifiable).toBe(1);
    const both = planBulk(rows, "grant", { verifyFirst: true });
    expect(both.eligible.find((r) => r.id === "b")!.steps).toEqual(["VERIFIED", "GRANTED"]);
    expect(both).toMatchObject({ skipped: [], verifiable: 0 });
    // Only granting offers it: refusing one that only arrived is not available.
    expect(planBulk(rows, "refuse", { verifyFirst: true }).skipped.map((s) => s.row.id)).toEqual(["b"]);
  });

  test("one failing row among several: the others are done, that one is reported, the summary is right", async () => {
    const state = new Map(rows.map((r) => [r.id, r.status]));
    const summary = await runBulk(planBulk(rows, "grant"), async (row) => {
      if (row.id === "c") return { ok: false, message: "odmowa reguły" };
      state.set(row.id, "GRANTED");
      return { ok: true };
    });
    expect(summary.done.map((d) => d.row.id)).toEqual(["a", "d"]);
    expect(summary.failed).toEqual([{ row: { ...rows[2], steps: ["GRANTED"] }, message: "odmowa reguły" }]);
    expect(summary.skipped.map((s) => s.row.id)).toEqual(["b"]);
    expect(state.get("c")).toBe("DECISION_PREPARED");
    expect(state.get("a")).toBe("GRANTED");
    expect(bulkSummaryText("grant", summary)).toEqual({
      title: "Przyznano odznakę: 2\u00a0wnioski.",
      description: "Nie powiodło się: 1\u00a0wniosek (bez zmian). Pominięto: 1\u00a0wniosek.",
    });
  });

  test("a step that throws is a failed row, not a failed batch", async () => {
    const summary = await runBulk(planBulk(rows, "grant"), async (row) => {
      if (row.id === "a") throw new Error("database is locked");
      return { ok: true };
    });
    expect(summary.failed).toEqual([{ row: { ...rows[0], steps: ["GRANTED"] }, message: "błąd: database is locked" }]);
    expect(summary.done).toHaveLength(2);
  });

  test("granting needs the decision's number and date, refusing a reason; the date is not in the future", () => {
    const schema = bulkFormSchema(TODAY);
    const grant = schema.safeParse({ bulkAction: "grant", ids: ["a"] });
    expect(grant.success).toBe(false);
    expect(grant.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "eventDate: Podaj datę decyzji Prezydenta.",
      "actNumber: Podaj numer zarządzenia (decyzji) Prezydenta.",
    ]);
    const future = schema.safeParse({ bulkAction: "refuse", ids: ["a"], eventDate: "2026-11-27", reason: "x" });
    expect(future.error!.issues[0]!.message).toBe("Data decyzji nie może być z przyszłości.");
    expect(schema.parse({ bulkAction: "verify", ids: ["a", "b"] })).toMatchObject({ bulkAction: "verify", ids: ["a", "b"], allMatching: false });
  });
});

describe("intake form", () => {
  const valid = {
    creationToken: "token-12345",
    channel: "PAPER",
    receivedDate: "2026-11-20",
    applicantName: "Fundacja",
    laureates: [{ kind: "PERSON", givenNames: "Jan", surname: "Nowak", grammaticalGender: "MASCULINE" }],
  };

  test("a paper application with one laureate is enough", () => {
    expect(hgIntakeSchema(TODAY).safeParse(valid).success).toBe(true);
  });

  test("junk is refused (issue 18): a name without letters or with digits, a case reference off the office's pattern", () => {
    const issues = (input: object, pattern?: string) =>
      hgIntakeSchema(TODAY, pattern)
        .safeParse({ ...valid, ...input })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    const laureate = (givenNames: string, surname: string, extra: object = {}) => ({ laureates: [{ ...valid.laureates[0], givenNames, surname, ...extra }] });
    expect(issues({ ...laureate("1960", "Kraków"), caseReference: "ów Krakowskich (test)ów" })).toEqual([
      "laureates.0.givenNames: Imię i nazwisko nie mogą zawierać cyfr.",
      "caseReference: Znak sprawy ma postać KP-04.0012.numer.rok (np. KP-04.0012.15.2026).",
    ]);
    expect(issues(laureate("---", "Nowak"))).toEqual(["laureates.0.givenNames: Imię i nazwisko muszą zawierać litery."]);
    // Letters of any script, hyphens, apostrophes and periods pass; anything else is asked about.
    expect(issues({ ...laureate("Søren J.", "O’Neill-Ćwik"), caseReference: "KP-04.0012.15.2026" })).toEqual([]);
    expect(issues(laureate("Jan", "Nowak (test)"))).toEqual([
      "laureates.0.surname: Nietypowe znaki w imieniu lub nazwisku: „(”, „)”. Jeśli są właściwe, zaznacz potwierdzenie i zapisz ponownie.",
    ]);
    expect(issues(laureate("Jan", "Nowak (test)", { unusualNameConfirmed: "on" }))).toEqual([]);
    // The pattern is a setting.
    expect(issues({ caseReference: "KP-04.0012.15.2026" }, "KP-04.0013.<nr>.<rrrr>")).toEqual([
      "caseReference: Znak sprawy ma postać KP-04.0013.numer.rok (np. KP-04.0013.15.2026).",
    ]);
  });

  test("ePUAP needs its identifier and date; a paper letter has no identifier; dates are checked", () => {
    const messages = (input: object) =>
      hgIntakeSchema(TODAY)
        .safeParse({ ...valid, ...input })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages({ channel: "EPUAP" })).toEqual([
      "epuapSubmissionId: Podaj identyfikator przesyłki ePUAP.",
      "epuapSubmittedOn: Podaj datę przesłania przez ePUAP.",
    ]);
    expect(messages({ epuapSubmissionId: "X1" })).toEqual(["epuapSubmissionId: Identyfikator ePUAP podaje się tylko dla wniosku przesłanego przez ePUAP."]);
    expect(messages({ receivedDate: "2026-11-27" })).toEqual(["receivedDate: Data wpływu nie może być z przyszłości."]);
    expect(messages({ proposedHandoverDate: "2026-11-01" })).toEqual([
      "proposedHandoverDate: Proponowana data wręczenia nie może być wcześniejsza niż data wpływu.",
    ]);
    expect(messages({ laureates: [] })).toEqual(["laureates: Podaj co najmniej jednego laureata."]);
    expect(messages({ laureates: [{ kind: "ORGANIZATION" }] })).toEqual(["laureates.0.organizationName: Podaj pełną nazwę instytucji."]);
  });
});

describe("the list query", () => {
  test("the board is the default: open statuses; unknown values fall back", () => {
    const q = parseHgListQuery(new URLSearchParams("status=nonsense&channel=FAX&page=0"));
    expect(q).toMatchObject({ status: "open", channel: undefined, page: 1 });
    expect(statusesOfQuery(q)).toEqual(["RECEIVED", "VERIFIED", "DECISION_PREPARED"]);
    expect(statusesOfQuery(parseHgListQuery(new URLSearchParams("status=GRANTED")))).toEqual(["GRANTED"]);
  });
});

describe("badge numbers", () => {
  test("the dated format: running number, optionally with the decision's year; a format without {n} falls back", () => {
    expect(formatBadgeNumber("{n}", 5531, "2026-05-01")).toBe("5531");
    expect(formatBadgeNumber("{n}/{rrrr}", 5531, "2026-05-01")).toBe("5531/2026");
    expect(formatBadgeNumber("HG-{rrrr}", 7, "2026-05-01")).toBe("7");
    expect(formatBadgeNumber(null, 7, "2026-05-01")).toBe("7");
  });
});

describe("stock", () => {
  test("received, issued and left per item; a batch beyond what is left is a shortfall", () => {
    const levels = stockLevels([
      { item: "BADGE", quantity: 100 },
      { item: "BADGE", quantity: -30 },
      { item: "DIPLOMA_BLANK", quantity: 50 },
      { item: "DIPLOMA_BLANK", quantity: -45 },
    ]);
    expect(levels.BADGE).toEqual({ item: "BADGE", received: 100, issued: 30, left: 70 });
    expect(levels.DIPLOMA_BLANK.left).toBe(5);
    expect(batchShortfall(levels, 5)).toEqual([]);
    expect(batchShortfall(levels, 6)).toEqual([{ item: "DIPLOMA_BLANK", needed: 6, left: 5, missing: 1 }]);
    expect(batchShortfall(levels, 80).map((s) => s.item)).toEqual(["BADGE", "DIPLOMA_BLANK"]);
  });
});

describe("batch hand-over", () => {
  test("a new ceremony starts from the event most applications propose; ties go to the first; none when nothing is proposed", () => {
    const gala = { proposedEventName: "Gala 30-lecia", proposedHandoverDate: "2026-06-20" };
    const fair = { proposedEventName: "Jarmark", proposedHandoverDate: null };
    expect(mostProposedEvent([fair, gala, gala])).toEqual({ title: "Gala 30-lecia", date: "2026-06-20" });
    expect(mostProposedEvent([fair, gala])).toEqual({ title: "Jarmark", date: null });
    expect(mostProposedEvent([{ proposedEventName: " ", proposedHandoverDate: null }])).toBeNull();
    expect(mostProposedEvent([])).toBeNull();
  });
});

describe("statistics", () => {
  test("badges per year and channel, average days to decision, share decided within the month", () => {
    const stats = hgStatistics(
      [
        { conferredOn: "2024-03-01", channel: "PAPER" },
        { conferredOn: "2025-03-01", channel: "EPUAP" },
        { conferredOn: "2025-06-01", channel: null },
      ],
      [
        { receivedDate: "2025-01-31", decidedOn: "2025-02-28", granted: true, channel: "PAPER" },
        { receivedDate: "2025-01-01", decidedOn: "2025-03-02", granted: false, channel: "EPUAP" },
      ],
    );
    expect(stats.perYear).toEqual([
      { year: 2024, badges: 1 },
      { year: 2025, badges: 2 },
    ]);
    expect(stats.perChannel.map((c) => [c.channel, c.badges])).toEqual([
      ["PAPER", 1],
      ["EPUAP", 1],
      ["UNKNOWN", 1],
    ]);
    expect(stats.averageDaysToDecision).toBe((28 + 60) / 2);
    expect(stats.shareWithinMonth).toBe(0.5);
    expect(hgStatistics([], [])).toMatchObject({ averageDaysToDecision: null, shareWithinMonth: null, perYear: [] });
  });
});

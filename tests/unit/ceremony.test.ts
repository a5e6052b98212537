import { describe, expect, it } from "vitest";
import {
  CeremonyForm,
  ceremonyFindings,
  isCityDay,
  LaureateForm,
  monthGrid,
  moveInOrder,
  planHandover,
  planHold,
  shiftMonth,
  stepsFrom,
  timesOverlap,
  type CeremonyCheckInput,
  type CheckedLaureate,
  type HandoverRow,
  type HoldLaureate,
} from "#app/domain/ceremony";
import { batchShortfall, stockLevels } from "#app/domain/honoris-gratia";

const laureate = (overrides: Partial<CheckedLaureate> = {}): CheckedLaureate => ({
  name: "Jan Kowalski",
  kind: "PERSON",
  gender: "MASCULINE",
  honour: "CRACOVIAE_MERENTI",
  conferredOn: "2026-03-11",
  otherCeremonies: [],
  diploma: { confirmed: true, printed: true },
  ...overrides,
});

const ceremony = (overrides: Partial<CeremonyCheckInput> = {}): CeremonyCheckInput => ({
  kind: "COUNCIL_SESSION",
  status: "PLANNED",
  date: "2026-06-05",
  startTime: "12:00",
  endTime: "14:00",
  laureates: [laureate()],
  sameVenue: [],
  maxLaureatesPerSession: 10,
  diplomaDaysBefore: 14,
  today: "2026-04-01",
  ...overrides,
});

const codes = (input: CeremonyCheckInput) => ceremonyFindings(input).map((f) => `${f.severity}:${f.code}`);

describe("conflict checks", () => {
  it("finds nothing wrong with a well-planned ceremony", () => {
    expect(ceremonyFindings(ceremony())).toEqual([]);
  });

  it("warns about a laureate planned for two ceremonies, naming the other", () => {
    const findings = ceremonyFindings(ceremony({ laureates: [laureate({ otherCeremonies: [{ title: "Gala HG", date: "2026-05-20" }] })] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "DOUBLE_PLANNED", severity: "warning" });
    expect(findings[0]!.message).toContain("Gala HG");
    expect(findings[0]!.message).toContain("20 maja 2026");
  });

  it("names the double-planned laureate in her or his grammatical gender; an organisation as „laureat”", () => {
    const elsewhere = [{ title: "Gala HG", date: "2026-05-20" }];
    const message = (l: Partial<CheckedLaureate>) => ceremonyFindings(ceremony({ laureates: [laureate({ otherCeremonies: elsewhere, ...l })] }))[0]!.message;
    expect(message({})).toBe("Jan Kowalski: laureat jest zaplanowany także na inną uroczystość („Gala HG”, 20 maja 2026\u00a0r.). Usuń go z jednej z nich.");
    expect(message({ name: "Anna Nowak", gender: "FEMININE" })).toBe(
      "Anna Nowak: laureatka jest zaplanowana także na inną uroczystość („Gala HG”, 20 maja 2026\u00a0r.). Usuń ją z jednej z nich.",
    );
    expect(message({ name: "Teatr Bagatela", kind: "ORGANIZATION", gender: null })).toMatch(
      /^Teatr Bagatela: laureat jest zaplanowany .* Usuń go z jednej z nich\.$/,
    );
  });

  it("warns about a ceremony dated before the resolution (or the Mayor's decision), not on the same day", () => {
    expect(codes(ceremony({ date: "2026-03-10" }))).toContain("warning:BEFORE_CONFERRAL");
    expect(codes(ceremony({ date: "2026-03-11" }))).not.toContain("warning:BEFORE_CONFERRAL");
    const hg = ceremonyFindings(ceremony({ kind: "GALA", date: "2026-03-10", laureates: [laureate({ honour: "HONORIS_GRATIA" })] }));
    expect(hg.find((f) => f.code === "BEFORE_CONFERRAL")!.message).toContain("decyzją Prezydenta");
  });

  it("warns about the same venue booked at overlapping times only", () => {
    expect(codes(ceremony({ sameVenue: [{ title: "Sesja zwyczajna", startTime: "13:30", endTime: "16:00" }] }))).toContain("warning:VENUE_DOUBLE_BOOKED");
    expect(codes(ceremony({ sameVenue: [{ title: "Sesja zwyczajna", startTime: "14:00", endTime: "16:00" }] }))).toEqual([]);
    expect(timesOverlap({ startTime: "10:00", endTime: "11:00" }, { startTime: "09:00", endTime: "10:01" })).toBe(true);
    expect(timesOverlap({ startTime: "10:00", endTime: "11:00" }, { startTime: "11:00", endTime: "12:00" })).toBe(false);
  });

  it("warns when a Council session has more laureates than the configured maximum; a gala is not limited", () => {
    const three = [laureate(), laureate({ name: "B" }), laureate({ name: "C" })];
    expect(codes(ceremony({ laureates: three, maxLaureatesPerSession: 2 }))).toContain("warning:TOO_MANY_LAUREATES");
    expect(codes(ceremony({ laureates: three, maxLaureatesPerSession: 3 }))).toEqual([]);
    expect(codes(ceremony({ kind: "GALA", laureates: three, maxLaureatesPerSession: 2 }))).toEqual([]);
    expect(codes(ceremony({ laureates: three, maxLaureatesPerSession: null }))).toEqual([]);
  });

  it("warns when the laureates who come and their guests need more seats than the venue has", () => {
    const laureates = [
      laureate({ attendance: "ATTENDS", guestsCount: 3 }),
      laureate({ attendance: "ABSENT", guestsCount: 50 }),
      laureate({ attendance: "UNKNOWN", guestsCount: 1 }),
    ];
    const over = ceremonyFindings(ceremony({ laureates, capacity: 5 }));
    expect(over.map((f) => f.code)).toEqual(["OVER_CAPACITY"]);
    expect(over[0]!.message).toContain("6\u00a0osób");
    expect(codes(ceremony({ laureates, capacity: 6 }))).toEqual([]);
    expect(codes(ceremony({ laureates, capacity: null }))).toEqual([]);
  });

  it("gives a notice (not a warning) when a City Day session is not on 5 June", () => {
    expect(codes(ceremony({ kind: "CITY_DAY_SESSION", date: "2026-06-06" }))).toEqual(["notice:CITY_DAY_NOT_5_JUNE"]);
    expect(codes(ceremony({ kind: "CITY_DAY_SESSION", date: "2026-06-05" }))).toEqual([]);
    expect(isCityDay("2025-06-05")).toBe(true);
  });

  it("diplomas not confirmed or not printed: a notice before the deadline, a warning from the configured number of days before", () => {
    const laureates = [laureate({ name: "Bez tekstu", diploma: null }), laureate({ name: "Niewydrukowany", diploma: { confirmed: true, printed: false } })];
    const early = ceremonyFindings(ceremony({ laureates, today: "2026-05-21" }));
    expect(early.map((f) => `${f.severity}:${f.code}`)).toEqual(["notice:DIPLOMA_NOT_CONFIRMED", "notice:DIPLOMA_NOT_PRINTED"]);
    const late = ceremonyFindings(ceremony({ laureates, today: "2026-05-22" }));
    expect(late.map((f) => `${f.severity}:${f.code}`)).toEqual(["warning:DIPLOMA_NOT_CONFIRMED", "warning:DIPLOMA_NOT_PRINTED"]);
    expect(late[0]!.message).toContain("Bez tekstu");
    expect(late[0]!.message).toContain("22 maja 2026");
    expect(late[1]!.message).toContain("Niewydrukowany");
    expect(late[1]!.message).not.toContain("Bez tekstu");
  });

  it("warns when the Honoris Gratia laureates exceed the badges or diploma blanks left, naming each item short", () => {
    const levels = stockLevels([
      { item: "BADGE", quantity: 10 },
      { item: "BADGE", quantity: -8 },
      { item: "DIPLOMA_BLANK", quantity: 5 },
    ]);
    const gala = (n: number) => ceremony({ kind: "GALA", stockShortfall: batchShortfall(levels, n) });
    expect(codes(gala(2))).toEqual([]);
    const short = ceremonyFindings(gala(3));
    expect(short).toEqual([{ code: "HG_STOCK_SHORT", severity: "warning", message: expect.stringContaining("odznaki — potrzeba 3, zostało 2") }]);
    expect(short[0]!.message).not.toContain("blankiety dyplomów");
    expect(ceremonyFindings(gala(6))[0]!.message).toContain("odznaki — potrzeba 6, zostało 2; blankiety dyplomów — potrzeba 6, zostało 5");
    expect(ceremonyFindings(ceremony({ kind: "GALA", status: "HELD", stockShortfall: batchShortfall(levels, 6) }))).toEqual([]);
  });

  it("checks nothing on a held or cancelled ceremony", () => {
    expect(ceremonyFindings(ceremony({ status: "HELD", date: "2020-01-01" }))).toEqual([]);
    expect(ceremonyFindings(ceremony({ status: "CANCELLED", date: "2020-01-01" }))).toEqual([]);
  });
});

describe("assigning granted Honoris Gratia laureates to a hand-over", () => {
  const row = (overrides: Partial<HandoverRow> = {}): HandoverRow => ({
    nominationId: "n1",
    name: "Zofia Nowak",
    kind: "PERSON",
    gender: "FEMININE",
    status: "GRANTED",
    conferralId: "c1",
    handedOverOn: null,
    plannedFor: [],
    ...overrides,
  });

  it("takes granted laureates not handed over and not planned; refuses the others with the reason, keeping the order", () => {
    const plan = planHandover(
      [
        row({ nominationId: "a" }),
        row({ nominationId: "b", status: "VERIFIED", conferralId: null }),
        row({ nominationId: "c", handedOverOn: "2026-05-01" }),
        row({ nominationId: "d", plannedFor: [{ id: "gala-1", title: "Gala 30-lecia", date: "2026-06-20" }] }),
        row({ nominationId: "e" }),
      ],
      null,
    );
    expect(plan.eligible.map((r) => r.nominationId)).toEqual(["a", "e"]);
    expect(plan.refused.map((r) => [r.row.nominationId, r.reason])).toEqual([
      ["b", "ma status „zweryfikowany”: do wręczenia przekazać można tylko przyznaną odznakę, jeszcze nie wręczoną"],
      ["c", "odznaka została już wręczona (1 maja 2026\u00a0r.)"],
      ["d", "już zaplanowano na inną uroczystość („Gala 30-lecia”, 20 czerwca 2026\u00a0r.); najpierw usuń z niej laureatkę"],
    ]);
  });

  it("tells a laureate already on the chosen ceremony from one planned elsewhere", () => {
    const planned = row({ plannedFor: [{ id: "gala-1", title: "Gala", date: "2026-06-20" }] });
    expect(planHandover([planned], "gala-1").refused[0]!.reason).toBe("jest już na liście laureatów tej uroczystości");
    expect(planHandover([planned], "gala-2").refused[0]!.reason).toMatch(/^już zaplanowano na inną uroczystość/);
    expect(planHandover([{ ...planned, name: "Jan Nowak", gender: "MASCULINE" }], "gala-2").refused[0]!.reason).toMatch(/najpierw usuń z niej laureata$/);
  });
});

describe("the ceremony form", () => {
  const valid = { kind: "COUNCIL_SESSION", title: "Uroczysta sesja", date: "2026-06-05", startTime: "12:00", endTime: "14:00" };
  it("accepts a ceremony whose end is after its start", () => {
    expect(CeremonyForm.safeParse(valid).success).toBe(true);
  });
  it("refuses an end at or before the start, with a Polish message on the end time", () => {
    for (const endTime of ["12:00", "11:30"]) {
      const r = CeremonyForm.safeParse({ ...valid, endTime });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]).toMatchObject({ path: ["endTime"], message: "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia." });
    }
  });
  it("refuses a date that does not exist and a time that is not a time", () => {
    expect(CeremonyForm.safeParse({ ...valid, date: "2026-02-30" }).success).toBe(false);
    expect(CeremonyForm.safeParse({ ...valid, startTime: "25:00" }).success).toBe(false);
  });
  it("asks who represents a represented laureate", () => {
    const r = LaureateForm.safeParse({ attendance: "REPRESENTED", guestsCount: "2" });
    expect(r.error!.issues[0]).toMatchObject({ path: ["representedBy"] });
    expect(LaureateForm.safeParse({ attendance: "ATTENDS", guestsCount: "-1" }).success).toBe(false);
  });
});

describe("order and status", () => {
  it("moves a laureate one place, and not past either end", () => {
    expect(moveInOrder(["a", "b", "c"], "c", "up")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "down")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
  });
  it("a held ceremony can only be closed or reopened", () => {
    expect(stepsFrom("PLANNED")).toEqual(["CONFIRM", "HOLD", "CANCEL"]);
    expect(stepsFrom("HELD")).toEqual(["CLOSE", "REOPEN"]);
    expect(stepsFrom("CLOSED")).toEqual(["REOPEN"]);
  });
});

describe("holding a ceremony", () => {
  const l = (overrides: Partial<HoldLaureate>): HoldLaureate => ({
    conferralId: Math.random().toString(36),
    name: "X",
    honour: "HONORIS_GRATIA",
    attendance: "ATTENDS",
    status: "GRANTED",
    handedOverOn: null,
    ...overrides,
  });

  it("hands over to present and represented laureates from the status each honour requires; absentees wait", () => {
    const cm = l({ name: "CM", honour: "CRACOVIAE_MERENTI", status: "DIPLOMA_PRINTED" });
    const hc = l({ name: "HC", honour: "HONORARY_CITIZENSHIP", status: "ADOPTED", attendance: "REPRESENTED" });
    const hg = l({ name: "HG" });
    const absent = l({ name: "Nieobecny", attendance: "ABSENT" });
    const plan = planHold([cm, hc, hg, absent]);
    expect(plan.kind).toBe("ok");
    if (plan.kind !== "ok") return;
    expect(plan.handOver.map((x) => x.name)).toEqual(["CM", "HC", "HG"]);
    expect(plan.waiting.map((x) => x.name)).toEqual(["Nieobecny"]);
  });

  it("refuses, listing every reason: unknown attendance, a medal whose diploma is not marked printed", () => {
    const plan = planHold([
      l({ name: "Nieustalony", attendance: "UNKNOWN" }),
      l({ name: "Medal bez dyplomu", honour: "CRACOVIAE_MERENTI", status: "NUMBER_ASSIGNED" }),
      l({ name: "Dobry" }),
    ]);
    expect(plan.kind).toBe("refused");
    if (plan.kind !== "refused") return;
    expect(plan.problems).toHaveLength(2);
    expect(plan.problems[0]).toMatch(/^Nieustalony: zaznacz obecność/);
    expect(plan.problems[1]).toMatch(/Medal bez dyplomu: wniosek ma status „nadano numer medalu”.*najpierw wydrukuj dyplom/);
  });

  it("leaves laureates already handed over as they are (a reopened ceremony held again)", () => {
    const plan = planHold([l({ name: "Już", status: "HANDED_OVER", handedOverOn: "2026-06-05" })]);
    expect(plan).toEqual({ kind: "ok", handOver: [], waiting: [] });
  });
});

describe("month view", () => {
  it("covers whole weeks from Monday, with days of the neighbouring months marked", () => {
    const weeks = monthGrid("2026-06");
    expect(weeks[0]![0]).toEqual({ date: "2026-06-01", inMonth: true }); // 1 June 2026 is a Monday
    expect(weeks.at(-1)!.at(-1)).toEqual({ date: "2026-07-05", inMonth: false });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid("2026-02")[0]![0]).toEqual({ date: "2026-01-26", inMonth: false });
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });
});

describe("configured values", () => {
  it("the maximum per session and the days before are whole numbers in the dated settings", async () => {
    const { settingValueSchema } = await import("#app/domain/settings");
    for (const key of ["ceremony.maxLaureatesPerSession", "ceremony.diplomaDaysBefore"]) {
      expect(settingValueSchema(key).safeParse("10").success).toBe(true);
      expect(settingValueSchema(key).safeParse("dziesięć").error!.issues[0]!.message).toBe("Wpisz liczbę całkowitą, np. 10.");
    }
  });
});

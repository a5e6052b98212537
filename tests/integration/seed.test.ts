import { describe, expect, test } from "vitest";
import { HONOURS, type Honour } from "#app/domain/honours";
import { allowedTransitions, statusesOf, type Status } from "#app/domain/workflow";
import { todayIso } from "#app/domain/polish-dates";
import { db } from "#app/utils/db.server";
import { seed } from "../../prisma/seed";

describe("seeding", () => {
  test("reference data: council terms I–IX, limits, Sala Obrad", async () => {
    const terms = await db().councilTerm.findMany({ orderBy: { number: "asc" } });
    expect(terms.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(terms.find((t) => t.number === 8)).toMatchObject({ startDate: "2018-11-21", endDate: "2024-04-30", datesUncertain: false });
    expect(terms.find((t) => t.number === 3)!.datesUncertain).toBe(true);
    const venues = await db().venue.findMany();
    expect(venues.map((v) => v.address)).toContain("Plac Wszystkich Świętych 3-4, 31-004 Kraków");
    expect(await db().limitRule.count({ where: { honour: "CRACOVIAE_MERENTI" } })).toBe(3);
  });

  test("demo data fills an empty register with fictional records in every status of every honour", async () => {
    await seed({ demo: true });
    for (const honour of HONOURS) {
      const present = await db().nomination.findMany({ where: { honour }, select: { status: true }, distinct: ["status"] });
      expect(present.map((p) => p.status).sort()).toEqual([...statusesOf(honour)].sort());
    }
    expect(await db().nomination.count({ where: { isDemo: false } })).toBe(0);
    expect(await db().candidate.count({ where: { isDemo: false } })).toBe(0);
    const names = (await db().candidate.findMany({ select: { displayName: true } })).map((c) => c.displayName).join(" ");
    expect(names).toMatch(/[ąćęłńóśźż]/);
    // Conferred demo nominations carry their conferral; medal numbers are unique per class.
    const numbered = await db().conferral.findMany({ where: { number: { not: null } }, select: { numberSeries: true, number: true } });
    expect(new Set(numbered.map((c) => `${c.numberSeries}/${c.number}`)).size).toBe(numbered.length);
    // The fictional historical record came in through the CSV importer; the demo's own numbers follow it.
    expect(await db().conferral.count({ where: { isHistorical: true, isDemo: true } })).toBe(25);
    expect(await db().auditEvent.count({ where: { entityType: "HistoricalImport" } })).toBe(1);

    // Each demo case has the history its status implies: the steps the workflow allows, in order,
    // dated between its receipt and yesterday, with what each step records.
    const cases = await db().nomination.findMany({
      where: { isDemo: true },
      select: { id: true, honour: true, status: true, receivedDate: true, opinionDate: true },
    });
    const today = todayIso();
    for (const n of cases) {
      const events = await db().auditEvent.findMany({ where: { entityType: "Nomination", entityId: n.id, action: "TRANSITION" }, orderBy: { at: "asc" } });
      const path = ["RECEIVED", ...events.map((e) => e.toStatus!)];
      expect(path.at(-1), `${n.honour} ${n.status}`).toBe(n.status);
      for (let i = 1; i < path.length; i++) expect(allowedTransitions(n.honour as Honour, path[i - 1] as Status).map((t) => t.to)).toContain(path[i]);
      const dates = events.map((e) => JSON.parse(e.after!).eventDate as string);
      expect(dates).toEqual([...dates].sort());
      if (dates.length) expect(dates[0]! >= n.receivedDate && dates.at(-1)! < today).toBe(true);
      if (path.includes("OPINION_POSITIVE") || path.includes("OPINION_NEGATIVE")) expect(n.opinionDate).not.toBeNull();
    }

    // Seeding again does not add anything: demo data goes only into an empty register.
    const count = await db().nomination.count();
    await seed({ demo: true });
    expect(await db().nomination.count()).toBe(count);
  });
});

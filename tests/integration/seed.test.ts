import { describe, expect, test } from "vitest";
import { HONOURS } from "#app/domain/honours";
import { statusesOf } from "#app/domain/workflow";
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

    // Seeding again does not add anything: demo data goes only into an empty register.
    const count = await db().nomination.count();
    await seed({ demo: true });
    expect(await db().nomination.count()).toBe(count);
  });
});

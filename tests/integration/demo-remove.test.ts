// Issue 18, item 7: demo data held gold no. 1, silver no. 1 and bronze no. 1, so an office that
// tried the app and then imported its real history met "Numer 1 (złote medale) jest już nadany".
// The importer now says it is demo data and how to remove it; `npm run demo:remove` removes every
// demo record and its audit rows in one transaction, after a confirmation.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { REQUIRED_COLUMNS } from "#app/domain/historical-csv";
import { applyImport, planImport } from "#app/models/historical-import.server";
import { demoDataCounts, removeDemoData } from "#app/models/demo-data.server";
import { db } from "#app/utils/db.server";
import { seedDemoData, seedDemoUsers } from "../../prisma/seed/demo";

const file = (...lines: string[]) => Buffer.from([REQUIRED_COLUMNS.join(";"), ...lines].join("\r\n"), "utf-8");
const REAL_GOLD_1 = "CM;zloty;1;osoba;Jan Paweł;II;;M;XCIII/610/93;1993-03-31;I;;;;";

async function demoRows() {
  const [candidates, nominations, conferrals, ceremonies, users, applications] = await Promise.all([
    db().candidate.count({ where: { isDemo: true } }),
    db().nomination.count({ where: { isDemo: true } }),
    db().conferral.count({ where: { isDemo: true } }),
    db().ceremony.count({ where: { isDemo: true } }),
    db().user.count({ where: { isDemo: true } }),
    db().honorisGratiaApplication.count({ where: { isDemo: true } }),
  ]);
  return candidates + nominations + conferrals + ceremonies + users + applications;
}

describe("demo data and the real number series", () => {
  test("the importer names demo data in a number collision; demo:remove asks, then removes all of it and its audit rows, and the real history imports", async () => {
    await seedDemoUsers();
    await seedDemoData();
    // A real record entered while the demo data was there stays.
    const real = await applyImport(file("CM;srebrny;500;instytucja;;;Filharmonia Krakowska;;LXV/1641/01;2001-01-24;III;;;;"), {
      userId: null,
      fileName: "real.csv",
    });
    expect(real.kind).toBe("applied");
    expect(await demoRows()).toBeGreaterThan(0);

    const clash = await planImport(file(REAL_GOLD_1));
    expect(clash.rows[0]!.action).toBe("error");
    expect(clash.rows[0]!.issues.map((i) => i.message).join(" ")).toMatch(
      /Numer 1 \(złote medale\) jest już nadany .*To dane demonstracyjne: usuń je poleceniem „npm run demo:remove”/,
    );

    // The command asks first: anything but „tak” removes nothing.
    const before = await demoDataCounts();
    const refused = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/demo-remove.ts"], { input: "nie\n", env: process.env, encoding: "utf-8" });
    expect(refused.stdout).toContain("Dane demonstracyjne w bazie:");
    expect(refused.stdout).toContain("Nic nie usunięto.");
    expect(refused.status).toBe(1);
    expect(await demoDataCounts()).toEqual(before);

    const removedIds = [
      ...(await db().candidate.findMany({ where: { isDemo: true }, select: { id: true } })),
      ...(await db().nomination.findMany({ where: { isDemo: true }, select: { id: true } })),
    ].map((r) => r.id);
    const removed = await removeDemoData();
    expect(removed).toEqual(before);
    expect(removed.conferrals).toBeGreaterThan(20);
    expect(await demoRows()).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: { in: removedIds } } })).toBe(0);
    expect(await db().auditEvent.count({ where: { entityType: "HistoricalImport" } })).toBe(1);
    expect(await db().signatory.count({ where: { fullName: { contains: "dane demonstracyjne" } } })).toBe(0);
    expect(await db().conferral.count({ where: { number: 500, numberSeries: "CM_SILVER" } })).toBe(1);

    expect((await applyImport(file(REAL_GOLD_1), { userId: null })).kind).toBe("applied");
    expect(Object.values(await demoDataCounts()).every((n) => n === 0)).toBe(true);
  }, 120_000);
});

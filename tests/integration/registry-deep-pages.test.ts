// Deep pages of the public registry in name order come from a kept order of the filter
// (app/models/registry.server.ts, deepNamePage): they must equal what the database says (the
// staff list asks it every time), and a conferral added or anonymised must show at once.
import { beforeAll, describe, expect, test } from "vitest";
import { displayNameOf, foldedNameOf, sortNameOf } from "#app/domain/candidate";
import { parseRegistryQuery, REGISTRY_PAGE_SIZE } from "#app/domain/registry";
import { listPublicConferrals, listStaffConferrals } from "#app/models/registry.server";
import { db } from "#app/utils/db.server";
import * as clock from "#app/domain/clock";

/** More than the depth from which the public registry slices a kept order (page 101 and on). */
const COUNT = 2_700;
const SURNAMES = ["Nowak", "Kowalska", "Żak", "Ćwik", "Łukasz", "Adamczyk", "Zając", "Bąk", "Wróbel"];

/** A person as a Candidate row, with the name forms the app derives. */
function personRow(id: string, givenNames: string, surname: string) {
  const names = { kind: "PERSON" as const, givenNames, surname, organizationName: "" };
  const derived = { displayName: displayNameOf(names), sortName: sortNameOf(names), foldedName: foldedNameOf(names) };
  return { id, kind: "PERSON", givenNames, surname, nameNominative: `${givenNames} ${surname}`, ...derived };
}

beforeAll(async () => {
  const candidates = Array.from({ length: COUNT }, (_, i) => personRow(`deepcand${i}`, `Imię${(i * 7919) % COUNT}`, SURNAMES[i % SURNAMES.length]!));
  await db().candidate.createMany({ data: candidates });
  await db().conferral.createMany({
    data: candidates.map((c, i) => ({
      publicId: `deepbulk${i}`,
      candidateId: c.id,
      honour: "HONORIS_GRATIA",
      conferredOn: `${1991 + (i % 35)}-05-${String(1 + (i % 28)).padStart(2, "0")}`,
      isHistorical: true,
    })),
  });
  // Every fifth candidate holds a second honour: name order then has ties within a candidate.
  await db().conferral.createMany({
    data: candidates
      .filter((_, i) => i % 5 === 0)
      .map((c, i) => ({
        publicId: `deepbulk2-${i}`,
        candidateId: c.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "BRONZE",
        conferredOn: "2001-01-01",
        isHistorical: true,
      })),
  });
}, 60_000);

const ids = (rows: { publicId: string }[]) => rows.map((r) => r.publicId);

async function samePage(search: string) {
  const pub = await listPublicConferrals(parseRegistryQuery(new URLSearchParams(search), "public"));
  const staff = await listStaffConferrals(parseRegistryQuery(new URLSearchParams(search), "staff"));
  expect(pub.rows).toHaveLength(REGISTRY_PAGE_SIZE);
  expect(ids(pub.rows)).toEqual(ids(staff.rows));
  expect(pub.total).toBe(staff.total);
  return pub;
}

describe("deep pages in name order", () => {
  test("equal the database's order, both ways and with a filter", async () => {
    await samePage("sort=name-asc&page=101");
    await samePage("sort=name-asc&page=120");
    await samePage("sort=name-desc&page=105");
    const filtered = await samePage("sort=name-asc&honour=HONORIS_GRATIA&page=101");
    expect(filtered.rows.every((r) => r.honour === "HONORIS_GRATIA")).toBe(true);
  });

  test("a conferral added or anonymised shows at once, not after the kept order expires", async () => {
    const before = await samePage("sort=name-asc&page=110");
    // "Aaaa" sorts before everyone: every later page moves by one.
    const candidate = await db().candidate.create({ data: personRow("deepfirst", "Adam", "Aaaa") });
    const added = await db().conferral.create({
      data: { publicId: "deepfirst1", candidateId: candidate.id, honour: "HONORIS_GRATIA", conferredOn: "2020-03-01", isHistorical: true },
    });
    const after = await samePage("sort=name-asc&page=110");
    expect(after.total).toBe(before.total + 1);
    expect(ids(after.rows).slice(1)).toEqual(ids(before.rows).slice(0, -1));

    const gone = after.rows[5]!;
    await db().conferral.update({ where: { publicId: gone.publicId }, data: { anonymizedAt: clock.now() } });
    // The staff list still shows an anonymised conferral; the public one closes the gap.
    const third = await listPublicConferrals(parseRegistryQuery(new URLSearchParams("sort=name-asc&page=110"), "public"));
    expect(ids(third.rows).slice(0, -1)).toEqual(ids(after.rows).filter((id) => id !== gone.publicId));
    expect(third.total).toBe(after.total - 1);
    await db().conferral.update({ where: { id: added.id }, data: { anonymizedAt: clock.now() } });
  });
});

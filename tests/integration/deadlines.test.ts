// The dashboard's "Najbliższe terminy": the Honorary Citizenship round, Honoris Gratia due dates
// and the Medal Commission's queue, through the real loader on a real database ("today" is the
// Warsaw calendar day, as in the app).
import { beforeAll, describe, expect, test } from "vitest";
import { currentHonoraryCitizenshipRound } from "#app/domain/deadlines";
import { addDays, todayIso } from "#app/domain/polish-dates";
import { DEADLINE_ITEMS } from "#app/models/deadlines.server";
import { loader as dashboardLoader } from "#app/routes/_index";
import { action as createAction } from "#app/routes/nominations.new";
import { action as stepAction } from "#app/routes/nominations.$id.step.$to";
import { loader as listLoader } from "#app/routes/nominations._index";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, resumeSession, signInAs, signOut, type Fields } from "./helpers";

type Dashboard = Awaited<ReturnType<typeof dashboardLoader>>;
type List = Awaited<ReturnType<typeof listLoader>>;

let cookie = "";
beforeAll(async () => {
  cookie = (await signInAs(["KP09_SPECIALIST", "KP04_CLERK"])).cookie;
});

async function dashboard() {
  const answer = await callLoader<Dashboard>(dashboardLoader, "/");
  expect(answer.status).toBe(200);
  return answer.data!;
}

async function nomination(overrides: Fields = {}) {
  const answer = await callAction(
    createAction,
    "/nominations/new",
    personNomination({ "candidate.surname": `Terminowy${Math.random().toString(36).slice(2, 7)}`, "candidate.birthYear": undefined, ...overrides }),
  );
  expect(answer.status).toBe(302);
  return answer.location!.split("/").pop()!;
}

const hg = (receivedDate: string) => nomination({ honour: "HONORIS_GRATIA", requestedClass: undefined, receivedDate });

/** A Honoris Gratia application due on a given day (the due date set as the rule would have). */
async function hgDue(dueDate: string, status = "RECEIVED") {
  const id = await hg("2026-01-10");
  await db().nomination.update({ where: { id }, data: { dueDate, status } });
  return id;
}

const today = todayIso();

describe("Najbliższe terminy", () => {
  test("with nothing due, every list is empty, so the page keeps its empty state", async () => {
    const { deadlines, today: shownToday } = await dashboard();
    expect(shownToday).toBe(today);
    expect(deadlines).toMatchObject({
      honoraryCitizenship: { ...currentHonoraryCitizenshipRound(today), count: 0 },
      honorisGratia: { overdue: { count: 0, items: [] }, dueSoon: { count: 0, items: [] } },
      medalCommission: { count: 0, items: [] },
    });
  });

  test("Honorary Citizenship: the open round's deadline and its applications, matching the linked list", async () => {
    const round = currentHonoraryCitizenshipRound(today);
    const mayor = {
      honour: "HONORARY_CITIZENSHIP",
      requestedClass: undefined,
      "nominators[0].kind": "MAYOR",
      "nominators[0].name": "Prezydent Miasta Krakowa",
    };
    // Received today: always in the open round. Received long ago: an old round.
    await nomination({ ...mayor, receivedDate: today });
    await nomination({ ...mayor, receivedDate: today });
    await nomination({ ...mayor, receivedDate: "2024-02-01" });

    const { deadlines } = await dashboard();
    expect(deadlines!.honoraryCitizenship).toEqual({ year: round.year, deadline: `${round.year}-03-31`, daysLeft: round.daysLeft, count: 2 });
    expect(round.deadline >= today).toBe(true);

    // The dashboard links to /nominations?honour=HONORARY_CITIZENSHIP&round=<year>: the same two.
    const list = await callLoader<List>(listLoader, `/nominations?honour=HONORARY_CITIZENSHIP&round=${round.year}`);
    expect(list.data!.query.round).toBe(round.year);
    expect(list.data!.total).toBe(2);
    expect((await callLoader<List>(listLoader, "/nominations?honour=HONORARY_CITIZENSHIP&round=2024")).data!.total).toBe(1);
    expect((await callLoader<List>(listLoader, "/nominations?round=nonsense")).data!.query.round).toBeUndefined();
  });

  test("Honoris Gratia: overdue and due within 7 days, open applications only, earliest first, a few listed and all counted", async () => {
    const overdue = [await hgDue(addDays(today, -1)), await hgDue(addDays(today, -30), "VERIFIED")];
    const extraOverdue: string[] = [];
    for (let i = 0; i < DEADLINE_ITEMS; i++) extraOverdue.push(await hgDue(addDays(today, -10 - i)));
    const dueToday = await hgDue(today);
    const dueIn7 = await hgDue(addDays(today, 7), "VERIFIED");
    const dueIn8 = await hgDue(addDays(today, 8));
    // Decided applications no longer have a running term, however late.
    const granted = await hgDue(addDays(today, -3), "GRANTED");
    const withdrawn = await hgDue(addDays(today, -3), "WITHDRAWN");

    const { deadlines } = await dashboard();
    const { overdue: late, dueSoon } = deadlines!.honorisGratia;
    expect(late.count).toBe(overdue.length + extraOverdue.length);
    expect(late.items).toHaveLength(DEADLINE_ITEMS);
    expect(late.items[0]!.id).toBe(overdue[1]); // 30 days late comes first
    const dues = late.items.map((n) => n.dueDate!);
    expect(dues).toEqual([...dues].sort());
    expect(late.items.every((n) => n.urgency === "overdue")).toBe(true);
    expect(dueSoon.count).toBe(2);
    expect(dueSoon.items.map((n) => [n.id, n.urgency])).toEqual([
      [dueToday, "this-week"],
      [dueIn7, "this-week"],
    ]);
    const listed = [...late.items, ...dueSoon.items].map((n) => n.id);
    for (const id of [dueIn8, granted, withdrawn]) expect(listed).not.toContain(id);
    expect(dueSoon.items[0]!.candidate.displayName).toMatch(/^Bolesław Terminowy/);
  });

  test("Cracoviae Merenti: formally complete nominations wait for the Medal Commission, oldest first", async () => {
    const older = await nomination({ receivedDate: "2025-01-05" });
    const newer = await nomination({ receivedDate: "2025-06-05" });
    const notYet = await nomination({ receivedDate: "2025-02-05" });
    for (const id of [newer, older]) {
      const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
      expect(
        (await callAction(stepAction, `/nominations/${id}/step/FORMALLY_COMPLETE`, { version: String(version) }, { id, to: "FORMALLY_COMPLETE" })).status,
      ).toBe(302);
    }
    const { deadlines } = await dashboard();
    expect(deadlines!.medalCommission.count).toBe(2);
    expect(deadlines!.medalCommission.items.map((n) => n.id)).toEqual([older, newer]);
    expect(deadlines!.medalCommission.items.map((n) => n.id)).not.toContain(notYet);
    const list = await callLoader<List>(listLoader, "/nominations?honour=CRACOVIAE_MERENTI&status=FORMALLY_COMPLETE");
    expect(list.data!.total).toBe(2);
  });

  test("reading nominations is enough to see the lists; a role without it gets the counts only", async () => {
    await signInAs("READER");
    const reader = await dashboard();
    expect(reader.deadlines!.medalCommission.count).toBe(2);
    expect(reader.deadlines!.honorisGratia.overdue.count).toBeGreaterThan(0);

    await signInAs("PRINTING");
    const printing = await dashboard();
    expect(printing.deadlines).toBeNull();
    expect(printing.honours.map((h) => h.total).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    signOut();
    expect((await callLoader(dashboardLoader, "/")).location).toMatch(/^\/login/);
    resumeSession(cookie);
  });
});

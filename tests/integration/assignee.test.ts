// „Moje sprawy” (issue 19, item 9): a case assigned to a specialist, the list filtered by who
// leads it, and the signed-in user's open cases first on the dashboard.
import { beforeAll, describe, expect, test } from "vitest";
import { loader as dashboardLoader } from "#app/routes/_index";
import { action as assignAction } from "#app/routes/nominations.$id.assignee";
import { loader as nominationLoader } from "#app/routes/nominations.$id._index";
import { loader as listLoader } from "#app/routes/nominations._index";
import { action as createAction } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, resumeSession, signInAs, type Fields } from "./helpers";

let me: { userId: string; cookie: string };
let colleague: { userId: string; cookie: string };

async function newNomination(surname: string, overrides: Fields = {}) {
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.surname": surname, ...overrides }));
  return answer.location!.split("/").pop()!;
}

async function versionOf(id: string) {
  return (await db().nomination.findUniqueOrThrow({ where: { id } })).version;
}

const assign = (id: string, version: number, assigneeId: string) =>
  callAction<{ result: { error?: Record<string, string[]> } }>(assignAction, `/nominations/${id}/assignee`, { version: String(version), assigneeId }, { id });

beforeAll(async () => {
  colleague = await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
  me = await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("assigning a case", () => {
  test("the nomination page offers the staff who may write it, and assigning is saved, audited and confirmed", async () => {
    resumeSession(me.cookie);
    const id = await newNomination("Przypisany");
    const page = await callLoader<{ assignees: { id: string; name: string }[]; nomination: { assigneeId: string | null } }>(
      nominationLoader,
      `/nominations/${id}`,
      { id },
    );
    expect(page.data!.assignees.map((u) => u.id)).toEqual(expect.arrayContaining([me.userId, colleague.userId]));
    expect(page.data!.nomination.assigneeId).toBeNull();

    const answer = await assign(id, await versionOf(id), me.userId);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/nominations/${id}`);
    expect(answer.toast?.title).toMatch(/Prowadzący/);
    const saved = await db().nomination.findUniqueOrThrow({ where: { id } });
    expect(saved.assigneeId).toBe(me.userId);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(event.userId).toBe(me.userId);
    expect(JSON.parse(event.after!)).toEqual({ assignee: "Test KP09_SPECIALIST+KP04_CLERK" });
    expect(JSON.parse(event.before!)).toEqual({ assignee: null });

    const cleared = await assign(id, saved.version, "");
    expect(cleared.status).toBe(302);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
  });

  test("a stale version is refused with 409 and nothing changes", async () => {
    resumeSession(me.cookie);
    const id = await newNomination("Nieaktualny");
    const seen = await versionOf(id);
    expect((await assign(id, seen, colleague.userId)).status).toBe(302);
    const before = await db().nomination.findUniqueOrThrow({ where: { id } });
    const events = await db().auditEvent.count({ where: { entityId: id } });

    const stale = await assign(id, seen, me.userId);
    expect(stale.status).toBe(409);
    expect(stale.data!.result.error?.[""]?.[0]).toMatch(/w międzyczasie/);
    const after = await db().nomination.findUniqueOrThrow({ where: { id } });
    expect(after.assigneeId).toBe(colleague.userId);
    expect(after.version).toBe(before.version);
    expect(await db().auditEvent.count({ where: { entityId: id } })).toBe(events);
  });

  test("someone who may not write the honour cannot be assigned", async () => {
    resumeSession(me.cookie);
    const id = await newNomination("Czytelnikowi");
    const reader = await signInAs("READER");
    resumeSession(me.cookie);
    const answer = await assign(id, await versionOf(id), reader.userId);
    expect(answer.status).toBe(422);
    expect(answer.data!.result.error?.assigneeId?.[0]).toMatch(/nie może prowadzić/);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
  });

  test("a reader is refused (403) and nothing changes", async () => {
    resumeSession(me.cookie);
    const id = await newNomination("Nieprzypisywalny");
    const version = await versionOf(id);
    await signInAs("READER");
    const answer = await assign(id, version, me.userId);
    expect(answer.status).toBe(403);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
  });
});

describe("my cases", () => {
  test("the list filter „moje” shows only my cases, „brak” only unassigned ones, a user id only theirs", async () => {
    resumeSession(me.cookie);
    const mine = await newNomination("Mojasprawa");
    const theirs = await newNomination("Cudzasprawa");
    const nobodys = await newNomination("Niczyjasprawa");
    expect((await assign(mine, await versionOf(mine), me.userId)).status).toBe(302);
    expect((await assign(theirs, await versionOf(theirs), colleague.userId)).status).toBe(302);

    type List = { rows: { id: string }[]; total: number };
    const moje = await callLoader<List>(listLoader, "/nominations?prowadzacy=moje");
    expect(moje.data!.rows.map((r) => r.id)).toContain(mine);
    expect(moje.data!.rows.map((r) => r.id)).not.toContain(theirs);
    expect(moje.data!.rows.map((r) => r.id)).not.toContain(nobodys);
    const mineInDb = await db().nomination.count({ where: { assigneeId: me.userId } });
    expect(moje.data!.total).toBe(mineInDb);

    const brak = await callLoader<List>(listLoader, "/nominations?prowadzacy=brak&q=Niczyjasprawa");
    expect(brak.data!.rows.map((r) => r.id)).toEqual([nobodys]);
    const brakMine = await callLoader<List>(listLoader, "/nominations?prowadzacy=brak&q=Mojasprawa");
    expect(brakMine.data!.rows).toEqual([]);

    const theirsList = await callLoader<List>(listLoader, `/nominations?prowadzacy=${colleague.userId}&q=sprawa`);
    expect(theirsList.data!.rows.map((r) => r.id)).toEqual([theirs]);
  });

  test("the dashboard lists my open cases with their deadlines", async () => {
    resumeSession(me.cookie);
    const hg = await newNomination("Terminowa", { honour: "HONORIS_GRATIA", requestedClass: undefined });
    const other = await newNomination("Niemoja");
    expect((await assign(hg, await versionOf(hg), me.userId)).status).toBe(302);
    expect((await assign(other, await versionOf(other), colleague.userId)).status).toBe(302);
    const dashboard = await callLoader<{ myCases: { count: number; items: { id: string; dueDate: string | null }[] } }>(dashboardLoader, "/");
    const ids = dashboard.data!.myCases.items.map((c) => c.id);
    expect(ids).toContain(hg);
    expect(ids).not.toContain(other);
    const due = (await db().nomination.findUniqueOrThrow({ where: { id: hg } })).dueDate;
    expect(due).not.toBeNull();
    expect(dashboard.data!.myCases.items.find((c) => c.id === hg)!.dueDate).toBe(due);
  });
});

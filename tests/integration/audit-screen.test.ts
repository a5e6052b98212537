// The audit log screen (/audit) through its real loader, and the candidate page's history.
import { beforeAll, describe, expect, test } from "vitest";
import { warsawDayStart } from "#app/domain/audit-log";
import { loader as auditLoader } from "#app/routes/audit";
import { loader as candidateLoader } from "#app/routes/candidates.$id._index";
import { action as editCandidate } from "#app/routes/candidates.$id.edit";
import { action as editNomination } from "#app/routes/nominations.$id.edit";
import { action as createNomination } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import * as clock from "#app/domain/clock";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

type Change = { field: string; label: string; before: string | null; after: string | null };
type Row = {
  id: string;
  at: string;
  atText: string;
  who: string;
  action: string;
  entity: { type: string; name: string; href: string | null };
  status: { from: string | null; to: string | null } | null;
  reason: string;
  changes: Change[];
};
type AuditPage = {
  query: { user?: string; type?: string; from?: string; to?: string; page: number };
  total: number;
  rows: Row[];
  users: { id: string; label: string }[];
  entityTypes: { value: string; label: string }[];
};

let clerk: { userId: string };
let nominationId: string;
let candidateId: string;

function audit(query = "") {
  return callLoader<AuditPage>(auditLoader, `/audit${query}`);
}

beforeAll(async () => {
  clerk = await signInAs("KP09_SPECIALIST");
  const created = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Dziennikowy" }));
  nominationId = created.location!.split("/").pop()!;
  candidateId = (await db().nomination.findUniqueOrThrow({ where: { id: nominationId } })).candidateId;
  const edited = await callAction(
    editNomination,
    `/nominations/${nominationId}/edit`,
    personNomination({ version: "1", caseReference: "KP-09.0012.7.2025", "candidate.surname": "Dziennikowy" }),
    { id: nominationId },
  );
  expect(edited.status).toBe(302);
  // A status change as the workflow will write it (no transition screen exists yet).
  await db().auditEvent.create({
    data: {
      at: clock.now(),
      userId: clerk.userId,
      action: "TRANSITION",
      entityType: "Nomination",
      entityId: nominationId,
      fromStatus: "RECEIVED",
      toStatus: "FORMALLY_COMPLETE",
      reason: "komplet dokumentów",
    },
  });
});

describe("the audit log screen", () => {
  test("needs audit:read: a reader gets 403, KP-09 and the admin may read it", async () => {
    await signInAs("READER");
    const refused = await audit();
    expect(refused.status).toBe(403);
    expect(String(refused.data)).toContain("przeglądanie dziennika zdarzeń");

    await signInAs("KP09_SPECIALIST");
    expect((await audit()).status).toBe(200);
    await signInAs("ADMIN");
    expect((await audit()).status).toBe(200);
  });

  test("shows events newest first with Polish words, links and readable changes", async () => {
    await signInAs("ADMIN");
    const { data } = await audit(`?user=${clerk.userId}&type=Nomination`);
    const rows = data!.rows;
    expect(rows.map((r) => r.action)).toEqual(["zmiana statusu", "zmiana danych", "utworzenie"]);
    expect(rows.every((r) => r.at >= rows[rows.length - 1]!.at)).toBe(true);
    expect(new Set(rows.map((r) => r.who))).toEqual(new Set(["Test KP09_SPECIALIST"]));
    expect(rows[0]!.entity).toEqual({ type: "wniosek", name: "Bolesław Dziennikowy", href: `/nominations/${nominationId}` });
    expect(rows[0]!.reason).toBe("komplet dokumentów");
    expect(rows[0]!.status).toEqual({ from: "wpłynął", to: "kompletny formalnie" });

    const update = rows[1]!;
    expect(update.changes).toEqual([{ field: "caseReference", label: "znak sprawy", before: "KP-09.0012.1.2025", after: "KP-09.0012.7.2025" }]);

    const create = rows[2]!;
    const byField = Object.fromEntries(create.changes.map((c) => [c.field, c]));
    expect(byField.honour).toMatchObject({ label: "wyróżnienie", before: null, after: "Medal „Cracoviae Merenti”" });
    expect(byField.receivedDate).toMatchObject({ label: "data wpływu", after: "10.03.2025" });
    expect(byField.nominators!.after).toContain("Towarzystwo Przyjaciół Sztuk Pięknych (");
    expect(byField.nominators!.after).not.toContain("(ORGANIZATION)");
    expect(create.atText).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
  });

  test("the time is Warsaw time", async () => {
    await signInAs("ADMIN");
    await db().auditEvent.create({ data: { at: new Date("2024-07-01T22:30:00Z"), action: "UPDATE", entityType: "Zegar", entityId: "z1" } });
    const { data } = await audit("?type=Zegar");
    expect(data!.rows[0]!.atText).toBe("02.07.2024, 00:30:00");
  });

  test("filters by user, the system, entity type and Warsaw calendar days", async () => {
    await signInAs("ADMIN");
    const all = (await audit()).data!;
    expect(all.entityTypes).toEqual(
      expect.arrayContaining([
        { value: "Nomination", label: "wniosek" },
        { value: "Candidate", label: "kandydat" },
        { value: "User", label: "użytkownik" },
      ]),
    );
    expect(all.users.some((u) => u.id === clerk.userId)).toBe(true);

    const candidates = (await audit("?type=Candidate")).data!;
    expect(candidates.total).toBeGreaterThan(0);
    expect(candidates.rows.every((r) => r.entity.type === "kandydat")).toBe(true);
    expect(candidates.rows.find((r) => r.entity.href === `/candidates/${candidateId}`)).toBeDefined();

    // signInAs() creates its users with no acting user: those are the system's events.
    const system = (await audit("?user=system&type=User")).data!;
    expect(system.total).toBeGreaterThanOrEqual(4);
    expect(system.rows.every((r) => r.who === "system" && r.action === "utworzenie")).toBe(true);

    // Around midnight in Warsaw, winter (UTC+1) and summer (UTC+2).
    const at = (iso: string, entityId: string) => db().auditEvent.create({ data: { at: new Date(iso), action: "UPDATE", entityType: "Granica", entityId } });
    await at("2025-03-09T22:59:59Z", "before-10-march"); // 9 March, 23:59:59 in Warsaw
    await at("2025-03-09T23:00:00Z", "start-10-march"); // 10 March, 00:00
    await at("2025-03-10T22:59:59Z", "end-10-march"); // 10 March, 23:59:59
    await at("2025-03-10T23:00:00Z", "after-10-march"); // 11 March, 00:00
    await at("2025-07-01T21:59:59Z", "before-2-july"); // 1 July, 23:59:59
    await at("2025-07-01T22:00:00Z", "start-2-july"); // 2 July, 00:00
    const ids = async (q: string) => (await audit(`?type=Granica${q}`)).data!.rows.map((r) => r.entity.name).sort();
    expect(await ids("&from=2025-03-10&to=2025-03-10")).toEqual(["id end-10-march", "id start-10-march"]);
    expect(await ids("&from=2025-03-11")).toEqual(["id after-10-march", "id before-2-july", "id start-2-july"]);
    expect(await ids("&to=2025-03-09")).toEqual(["id before-10-march"]);
    expect(await ids("&from=2025-07-02&to=2025-07-02")).toEqual(["id start-2-july"]);
    // A reversed range is read as the range meant.
    expect(await ids("&from=2025-03-10&to=2025-03-09")).toEqual(["id before-10-march", "id end-10-march", "id start-10-march"]);
    expect(warsawDayStart("2025-10-26").toISOString()).toBe("2025-10-25T22:00:00.000Z");
    expect(warsawDayStart("2025-03-30").toISOString()).toBe("2025-03-29T23:00:00.000Z");
  });

  test("pages of 50, newest first, with the page's position", async () => {
    await signInAs("ADMIN");
    const base = Date.parse("2020-01-01T10:00:00Z");
    await db().auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ at: new Date(base + i * 60_000), action: "UPDATE", entityType: "Stronicowanie", entityId: `p${i}` })),
    });
    const page1 = (await audit("?type=Stronicowanie")).data!;
    expect(page1.total).toBe(120);
    expect(page1.rows).toHaveLength(50);
    expect(page1.rows[0]!.entity.name).toBe("id p119");
    const page3 = (await audit("?type=Stronicowanie&page=3")).data!;
    expect(page3.rows).toHaveLength(20);
    expect(page3.rows.at(-1)!.entity.name).toBe("id p0");
    expect((await audit("?type=Stronicowanie&page=4")).data!.rows).toEqual([]);
  });

  test("an empty result is an answer, not an error", async () => {
    await signInAs("ADMIN");
    const { status, data } = await audit("?from=1999-01-01&to=1999-01-02");
    expect(status).toBe(200);
    expect(data!.total).toBe(0);
    expect(data!.rows).toEqual([]);
  });

  test("bad query parameters are ignored, never a 500", async () => {
    await signInAs("ADMIN");
    const total = (await audit()).data!.total;
    for (const q of [
      "?page=-3",
      "?page=abc",
      "?page=99999999999",
      "?from=2025-02-30&to=jutro",
      "?from=%00&to=2025-13-01",
      "?user=nie-ma-takiego&type=Nieznany",
      `?user=${"x".repeat(500)}`,
      "?type=&user=&from=&to=",
      "?user=a&user=b&page=1&page=2x",
    ]) {
      const answer = await audit(q);
      expect(answer.status, q).toBe(200);
      expect(answer.data!.total, q).toBe(total);
    }
    const ignored = (await audit("?user=nie-ma-takiego&type=Nieznany&from=2025-02-30")).data!.query;
    expect(ignored).toEqual({ page: 1 });
  });

  test("nothing in the app edits or deletes audit rows: the route has no action", async () => {
    const route = await import("#app/routes/audit");
    expect("action" in route).toBe(false);
  });
});

describe("the candidate page", () => {
  test("shows the candidate's history", async () => {
    await signInAs(["KP09_SPECIALIST"]);
    const version = (await db().candidate.findUniqueOrThrow({ where: { id: candidateId } })).version;
    const saved = await callAction(
      editCandidate,
      `/candidates/${candidateId}/edit`,
      {
        version: String(version),
        "candidate.candidateKind": "PERSON",
        "candidate.givenNames": "Bolesław",
        "candidate.surname": "Dziennikowy",
        "candidate.grammaticalGender": "MASCULINE",
        "candidate.birthYear": "1950",
        "candidate.city": "Wieliczka",
        nameNominative: "Bolesław Dziennikowy",
        nameGenitive: "Bolesława Dziennikowego",
        nameDative: "Bolesławowi Dziennikowemu",
      },
      { id: candidateId },
    );
    expect(saved.status).toBe(302);
    const { data } = await callLoader<{ history: { action: string; who: string; fields: string[]; atText: string }[] }>(
      candidateLoader,
      `/candidates/${candidateId}`,
      { id: candidateId },
    );
    expect(data!.history.map((h) => h.action)).toEqual(["utworzenie", "zmiana danych"]);
    expect(data!.history[1]!.fields).toContain("miejscowość");
    expect(data!.history[1]!.who).toBe("Test KP09_SPECIALIST");
  });
});

// The board per honour (/board/:honour): columns, counts, caps, order, and the steps each card
// offers, called through the real loader as users of different roles.
import { beforeAll, describe, expect, test } from "vitest";
import { BOARD_CARD_LIMIT, BOARD_FINAL_LIMIT } from "#app/domain/board";
import { todayIso, addDays } from "#app/domain/polish-dates";
import { statusesOf } from "#app/domain/workflow";
import { newCreationToken } from "#app/models/nomination.server";
import { loader as boardLoader } from "#app/routes/board.$honour";
import { loader as boardIndex } from "#app/routes/board._index";
import { action as createAction } from "#app/routes/nominations.new";
import { action as stepAction, loader as stepLoader } from "#app/routes/nominations.$id.step.$to";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, resumeSession, signInAs, signOut, type Fields } from "./helpers";

type Board = Awaited<ReturnType<typeof boardLoader>>;
type Column = Board["columns"][number];

let kp09 = "";
let kp09Id = "";
beforeAll(async () => {
  ({ cookie: kp09, userId: kp09Id } = await signInAs("KP09_SPECIALIST"));
});

async function nomination(overrides: Fields = {}) {
  const answer = await callAction(
    createAction,
    "/nominations/new",
    personNomination({ "candidate.surname": `Tablicowy${Math.random().toString(36).slice(2, 7)}`, "candidate.birthYear": undefined, ...overrides }),
  );
  expect(answer.status).toBe(302);
  return answer.location!.split("/").pop()!;
}

async function step(id: string, to: string, fields: Fields = {}) {
  const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
  const answer = await callAction(stepAction, `/nominations/${id}/step/${to}`, { version: String(version), ...fields }, { id, to });
  expect(answer.status).toBe(302);
}

async function board(honour: string) {
  const answer = await callLoader<Board>(boardLoader, `/board/${honour}`, { honour });
  expect(answer.status).toBe(200);
  return answer.data!;
}

const column = (b: Board, status: string): Column => b.columns.find((c) => c.status === status)!;

/** Rows written directly, for volumes the forms would take long to make. */
async function insertMany(
  count: number,
  data: { honour: string; status: string; receivedDate?: (i: number) => string; dueDate?: (i: number) => string; updatedAt?: (i: number) => Date },
) {
  const candidate = await db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: "Masowy",
      surname: `Kandydat${Math.random().toString(36).slice(2, 6)}`,
      displayName: "Masowy Kandydat",
      sortName: "kandydat masowy",
      foldedName: "masowy kandydat",
      nameNominative: "Masowy Kandydat",
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = await db().nomination.create({
      data: {
        honour: data.honour,
        status: data.status,
        candidateId: candidate.id,
        receivedDate: data.receivedDate?.(i) ?? "2026-01-15",
        dueDate: data.dueDate?.(i) ?? null,
        searchText: "masowy kandydat",
        sortName: "kandydat masowy",
        creationToken: newCreationToken(),
        ...(data.updatedAt ? { updatedAt: data.updatedAt(i) } : {}),
      },
    });
    ids.push(n.id);
  }
  return ids;
}

describe("the board of an honour", () => {
  test("one column per status of the honour, each with its count, cards and the steps the user may take", async () => {
    const received = await nomination({ requestedClass: "BRONZE" });
    const complete = await nomination({ requestedClass: "SILVER" });
    await step(complete, "FORMALLY_COMPLETE");
    await insertMany(1, { honour: "HONORIS_GRATIA", status: "RECEIVED", dueDate: () => "2026-02-15" });

    const b = await board("CRACOVIAE_MERENTI");
    expect(b.honour).toBe("CRACOVIAE_MERENTI");
    expect(b.columns.map((c) => c.status)).toEqual(statusesOf("CRACOVIAE_MERENTI"));
    const counts = await db().nomination.groupBy({ by: ["status"], where: { honour: "CRACOVIAE_MERENTI" }, _count: { _all: true } });
    for (const c of b.columns) expect(c.count).toBe(counts.find((g) => g.status === c.status)?._count._all ?? 0);
    // Only this honour's nominations.
    expect(b.columns.flatMap((c) => c.cards).length).toBe(counts.reduce((s, g) => s + g._count._all, 0));

    const card = column(b, "RECEIVED").cards.find((n) => n.id === received)!;
    expect(card).toMatchObject({ medalClass: "BRONZE", receivedDate: "2025-03-10", urgency: null });
    expect(card.name).toMatch(/^Bolesław Tablicowy/);
    expect(column(b, "RECEIVED").steps).toEqual([
      { to: "FORMALLY_COMPLETE", label: "Potwierdź kompletność formalną" },
      { to: "COMPLETION_REQUESTED", label: "Wezwij do uzupełnienia" },
      { to: "WITHDRAWN", label: "Wycofaj wniosek" },
    ]);
    expect(column(b, "FORMALLY_COMPLETE").cards.map((n) => n.id)).toContain(complete);
    expect(column(b, "FORMALLY_COMPLETE").steps.map((s) => s.to)).toEqual(["OPINION_POSITIVE", "OPINION_NEGATIVE", "WITHDRAWN"]);
    expect(column(b, "CLOSED").steps).toEqual([]);

    // A card's step link leads to the step form, which makes the same checks as from the nomination page.
    const form = await callLoader<{ step: { to: string } }>(stepLoader, `/nominations/${received}/step/FORMALLY_COMPLETE`, {
      id: received,
      to: "FORMALLY_COMPLETE",
    });
    expect(form.status).toBe(200);
    expect(form.data!.step.to).toBe("FORMALLY_COMPLETE");
  });

  test("working columns are capped with the oldest first; final columns show the latest ten", async () => {
    const base = "2025-01-01";
    await insertMany(BOARD_CARD_LIMIT + 3, { honour: "HONORARY_CITIZENSHIP", status: "RECEIVED", receivedDate: (i) => addDays(base, (i * 37) % 100) });
    const closed = await insertMany(BOARD_FINAL_LIMIT + 4, {
      honour: "HONORARY_CITIZENSHIP",
      status: "CLOSED",
      updatedAt: (i) => new Date(Date.UTC(2026, 0, 1 + i)),
    });

    const b = await board("HONORARY_CITIZENSHIP");
    const receivedColumn = column(b, "RECEIVED");
    expect(receivedColumn.count).toBe(BOARD_CARD_LIMIT + 3);
    expect(receivedColumn.cards).toHaveLength(BOARD_CARD_LIMIT);
    const dates = receivedColumn.cards.map((n) => n.receivedDate);
    expect(dates).toEqual([...dates].sort());
    // The three left out are the most recently received.
    const all = await db().nomination.findMany({
      where: { honour: "HONORARY_CITIZENSHIP", status: "RECEIVED" },
      orderBy: [{ receivedDate: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(receivedColumn.cards.map((n) => n.id)).toEqual(all.slice(0, BOARD_CARD_LIMIT).map((n) => n.id));

    const closedColumn = column(b, "CLOSED");
    expect(closedColumn.final).toBe(true);
    expect(closedColumn.count).toBe(BOARD_FINAL_LIMIT + 4);
    expect(closedColumn.cards.map((n) => n.id)).toEqual(closed.slice(-BOARD_FINAL_LIMIT).reverse());
  });

  test("Honoris Gratia awaiting a decision: earliest due date first, with its urgency", async () => {
    signOut();
    await signInAs("KP04_CLERK");
    const today = todayIso();
    const offsets = [10, -2, 3, -9];
    const ids = await insertMany(offsets.length, { honour: "HONORIS_GRATIA", status: "VERIFIED", dueDate: (i) => addDays(today, offsets[i]!) });
    const b = await board("HONORIS_GRATIA");
    const verified = column(b, "VERIFIED");
    expect(verified.showsDueDate).toBe(true);
    expect(verified.cards.map((n) => n.id)).toEqual([ids[3], ids[1], ids[2], ids[0]]);
    expect(verified.cards.map((n) => n.urgency)).toEqual(["overdue", "overdue", "this-week", "later"]);
    expect(verified.steps.map((s) => s.to)).toEqual(["GRANTED", "REFUSED", "DECISION_PREPARED", "WITHDRAWN"]);
    expect(column(b, "GRANTED").showsDueDate).toBe(false);
    // KP-04 decides Honoris Gratia, not the council honours: the medal board offers no steps (a
    // printed diploma is recorded by its print, not by a step).
    const medal = await board("CRACOVIAE_MERENTI");
    expect(medal.columns.filter((c) => c.steps.length > 0)).toEqual([]);
    resumeSession(kp09);
  });
});

describe("the board of one's own cases", () => {
  test("„moje” shows only the cases I lead, with the columns counted for them; „brak” only those nobody leads", async () => {
    const mine = await nomination();
    const someoneElses = await nomination();
    await db().nomination.update({ where: { id: mine }, data: { assigneeId: kp09Id } });
    await db().nomination.update({ where: { id: someoneElses }, data: { assigneeId: "another-user" } });
    const answer = await callLoader<Board>(boardLoader, `/board/CRACOVIAE_MERENTI?prowadzacy=moje`, { honour: "CRACOVIAE_MERENTI" });
    expect(answer.status).toBe(200);
    const cards = answer.data!.columns.flatMap((c) => c.cards.map((k) => k.id));
    const expected = await db().nomination.count({ where: { honour: "CRACOVIAE_MERENTI", assigneeId: kp09Id } });
    expect(cards).toContain(mine);
    expect(cards).not.toContain(someoneElses);
    expect(answer.data!.columns.reduce((sum, c) => sum + c.count, 0)).toBe(expected);
    expect(answer.data!.prowadzacy).toBe("moje");

    const nobody = await callLoader<Board>(boardLoader, `/board/CRACOVIAE_MERENTI?prowadzacy=brak`, { honour: "CRACOVIAE_MERENTI" });
    const unassigned = nobody.data!.columns.flatMap((c) => c.cards.map((k) => k.id));
    expect(unassigned).not.toContain(mine);
    expect(unassigned).not.toContain(someoneElses);
  });
});

describe("who sees which board", () => {
  test("an unknown honour is 404", async () => {
    for (const honour of ["NIEZNANE", "cracoviae_merenti", "CLOSED"]) {
      const answer = await callLoader(boardLoader, `/board/${honour}`, { honour });
      expect(answer.status).toBe(404);
      expect(answer.data).toBe("Nie ma tablicy dla takiego wyróżnienia.");
    }
  });

  test("a reader sees the cards with no steps; printing has no nomination:read (403); anonymous goes to sign-in", async () => {
    await signInAs("READER");
    const b = await board("CRACOVIAE_MERENTI");
    expect(b.columns.flatMap((c) => c.cards).length).toBeGreaterThan(0);
    expect(b.columns.every((c) => c.steps.length === 0)).toBe(true);

    await signInAs("PRINTING");
    expect((await callLoader(boardLoader, "/board/CRACOVIAE_MERENTI", { honour: "CRACOVIAE_MERENTI" })).status).toBe(403);
    expect((await callLoader(boardIndex, "/board")).status).toBe(403);

    signOut();
    const anonymous = await callLoader(boardLoader, "/board/CRACOVIAE_MERENTI", { honour: "CRACOVIAE_MERENTI" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?redirectTo=${encodeURIComponent("/board/CRACOVIAE_MERENTI")}`);
    resumeSession(kp09);
  });

  test("the menu's /board leads to the board of the honour the user works on", async () => {
    expect((await callLoader(boardIndex, "/board")).location).toBe("/board/CRACOVIAE_MERENTI");
    await signInAs("KP04_CLERK");
    expect((await callLoader(boardIndex, "/board")).location).toBe("/board/HONORIS_GRATIA");
    resumeSession(kp09);
  });
});

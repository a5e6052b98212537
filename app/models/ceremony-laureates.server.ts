// A ceremony's laureates: who may be added (the rule is addLaureateRefusal in app/domain/ceremony.ts),
// their order and attendance, and the batch hand-over from the Honoris Gratia desk.
import {
  ADDABLE_STATUSES,
  addLaureateRefusal,
  isEditable,
  moveInOrder,
  NOT_EDITABLE_MESSAGE,
  planHandover,
  planTableSave,
  seatingOf,
  type Seating,
  type CeremonyInput,
  type LaureateRow,
  type TableOperation,
  type HandoverPlan,
  type HandoverRow,
  type LaureateInput,
} from "#app/domain/ceremony";
import type { CandidateKind, Gender, Honour } from "#app/domain/honours";
import { foldText } from "#app/domain/search-text";
import type { Status } from "#app/domain/workflow";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { ACTIVE, bump, ceremonyData, checkVenue, lockCeremony, type CeremonyWrite } from "./ceremony.server";
import { Refusal, runWrite, type Actor, type Refused } from "./write.server";

/** Conferrals that may be added: conferred, not yet handed over, not on this ceremony; by name and honour. */
export async function laureateCandidates(ceremonyId: string, query: { q: string; honour: Honour | null }, take = 20) {
  const folded = foldText(query.q);
  return db().conferral.findMany({
    where: {
      handedOverOn: null,
      anonymizedAt: null,
      ...(query.honour ? { honour: query.honour } : {}),
      ...(folded ? { candidate: { foldedName: { contains: folded } } } : {}),
      nomination: { status: { in: [...ADDABLE_STATUSES] } },
      ceremonies: { none: { ceremonyId } },
    },
    orderBy: [{ conferredOn: "desc" }],
    take,
    select: {
      id: true,
      honour: true,
      medalClass: true,
      conferredOn: true,
      candidate: { select: { displayName: true, nameNominative: true } },
      nomination: { select: { status: true } },
      ceremonies: { where: { ceremony: { status: { in: ACTIVE } } }, select: { ceremony: { select: { title: true, date: true } } } },
    },
  });
}

async function appendLaureate(tx: Tx, ceremonyId: string, conferralId: string, name: string, actor: Actor) {
  const last = await tx.ceremonyLaureate.aggregate({ where: { ceremonyId }, _max: { position: true } });
  const row = await tx.ceremonyLaureate.create({ data: { ceremonyId, conferralId, position: (last._max.position ?? 0) + 1 } });
  await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: ceremonyId, after: { laureateAdded: name, conferralId } });
  return row;
}

/** Planned or confirmed ceremonies from `today` on, to which the desk can assign laureates. */
export function openCeremonies(today: string) {
  return db().ceremony.findMany({
    where: { status: { in: ACTIVE }, date: { gte: today } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
    take: 200,
    select: { id: true, title: true, kind: true, date: true, startTime: true, venue: { select: { name: true } }, _count: { select: { laureates: true } } },
  });
}

/** The selected Honoris Gratia applications (others ignored), in the order given, for planHandover. */
export async function handoverRows(nominationIds: readonly string[], client: Tx = db()): Promise<HandoverRow[]> {
  if (!nominationIds.length) return [];
  const rows = await client.nomination.findMany({
    where: { id: { in: [...nominationIds] }, honour: "HONORIS_GRATIA" },
    select: {
      id: true,
      status: true,
      candidate: { select: { displayName: true, nameNominative: true, kind: true, grammaticalGender: true } },
      conferral: {
        select: {
          id: true,
          handedOverOn: true,
          ceremonies: { where: { ceremony: { status: { in: ACTIVE } } }, select: { ceremony: { select: { id: true, title: true, date: true } } } },
        },
      },
    },
  });
  const byId = new Map(
    rows.map((r): [string, HandoverRow] => [
      r.id,
      {
        nominationId: r.id,
        name: r.candidate.nameNominative || r.candidate.displayName,
        kind: r.candidate.kind as CandidateKind,
        gender: (r.candidate.grammaticalGender as Gender | null) ?? null,
        status: r.status as Status,
        conferralId: r.conferral?.id ?? null,
        handedOverOn: r.conferral?.handedOverOn ?? null,
        plannedFor: r.conferral?.ceremonies.map((p) => p.ceremony) ?? [],
      },
    ]),
  );
  return nominationIds.flatMap((id) => byId.get(id) ?? []);
}

export type HandoverResult = { kind: "saved"; id: string; created: boolean; added: HandoverRow[]; refused: HandoverPlan["refused"] } | Refused;

/**
 * The batch hand-over from the desk: assigns the selected granted laureates to an existing
 * planned ceremony or to a new one created in the same transaction. Laureates that cannot go
 * (not granted, handed over, planned elsewhere) are left out with the reason; when none can,
 * nothing changes (not even the new ceremony). Each added laureate is audited on the ceremony.
 */
export function assignToHandover(
  input: { nominationIds: readonly string[]; ceremonyId: string | null; create: CeremonyInput | null },
  actor: Actor,
): Promise<HandoverResult> {
  return runWrite<HandoverResult>(async (tx) => {
    if (!input.nominationIds.length) throw new Refusal("Nie zaznaczono żadnego wniosku: nic nie zmieniono.");
    let id: string;
    let version: number;
    if (input.create) {
      await checkVenue(tx, input.create.venueId);
      const c = await tx.ceremony.create({ data: ceremonyData(input.create) });
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Ceremony", entityId: c.id, after: ceremonyData(input.create) });
      ({ id, version } = c);
    } else {
      const c = input.ceremonyId ? await tx.ceremony.findUnique({ where: { id: input.ceremonyId } }) : null;
      if (!c) throw new Refusal("Wybranej uroczystości nie ma już w planie. Wybierz inną.");
      if (!isEditable(c.status)) throw new Refusal(NOT_EDITABLE_MESSAGE);
      ({ id, version } = c);
    }
    const plan = planHandover(await handoverRows(input.nominationIds, tx), input.create ? null : id);
    if (!plan.eligible.length) {
      throw new Refusal("Żadnego z zaznaczonych laureatów nie można przekazać do wręczenia: nic nie zmieniono.", {
        problems: plan.refused.map((r) => `${r.row.name}: ${r.reason}.`),
      });
    }
    // One statement for the rows (positions after the last), then one audit event per laureate.
    const last = await tx.ceremonyLaureate.aggregate({ where: { ceremonyId: id }, _max: { position: true } });
    const first = (last._max.position ?? 0) + 1;
    await tx.ceremonyLaureate.createMany({ data: plan.eligible.map((row, i) => ({ ceremonyId: id, conferralId: row.conferralId!, position: first + i })) });
    for (const row of plan.eligible) {
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Ceremony",
        entityId: id,
        after: { laureateAdded: row.name, conferralId: row.conferralId },
      });
    }
    await bump(tx, id, version);
    return { kind: "saved", id, created: Boolean(input.create), added: plan.eligible, refused: plan.refused };
  });
}

/** Marks every laureate whose attendance is not settled as attending in person: one step, one audit event. */
export function markAllAttending(id: string, input: { version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const unsettled = await tx.ceremonyLaureate.findMany({
      where: { ceremonyId: id, attendance: "UNKNOWN" },
      orderBy: { position: "asc" },
      select: { id: true, conferral: { select: { candidate: { select: { nameNominative: true, displayName: true } } } } },
    });
    if (!unsettled.length) throw new Refusal("Obecność jest już ustalona na całej liście: nic nie zmieniono.");
    await tx.ceremonyLaureate.updateMany({ where: { id: { in: unsettled.map((l) => l.id) } }, data: { attendance: "ATTENDS" } });
    await bump(tx, id, input.version);
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      after: { markedAttending: unsettled.map((l) => l.conferral.candidate.nameNominative || l.conferral.candidate.displayName) },
    });
    return { kind: "saved", id };
  });
}
export function addLaureate(id: string, input: { conferralId: string; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const conferral = await tx.conferral.findUnique({
      where: { id: input.conferralId },
      include: {
        candidate: { select: { nameNominative: true, displayName: true, kind: true, grammaticalGender: true } },
        nomination: { select: { status: true } },
      },
    });
    if (!conferral) throw new Refusal("Nie znaleziono tego nadania.");
    const name = conferral.candidate.nameNominative || conferral.candidate.displayName;
    if (await tx.ceremonyLaureate.findUnique({ where: { ceremonyId_conferralId: { ceremonyId: id, conferralId: conferral.id } } })) {
      throw new Refusal(`${name} jest już na liście laureatów tej uroczystości.`);
    }
    const refusal = addLaureateRefusal({
      name,
      kind: conferral.candidate.kind as CandidateKind,
      gender: (conferral.candidate.grammaticalGender as Gender | null) ?? null,
      status: (conferral.nomination?.status as Status | undefined) ?? null,
      handedOverOn: conferral.handedOverOn,
    });
    if (refusal) throw new Refusal(refusal);
    const row = await appendLaureate(tx, id, conferral.id, name, actor);
    await bump(tx, id, input.version);
    return { kind: "saved", id: row.id };
  });
}

async function laureateOf(tx: Tx, ceremonyId: string, laureateId: string) {
  const l = await tx.ceremonyLaureate.findFirst({ where: { id: laureateId, ceremonyId }, include: { conferral: { include: { candidate: true } } } });
  if (!l) throw new Refusal("Tej pozycji nie ma już na liście. Odśwież stronę.");
  return { row: l, name: l.conferral.candidate.nameNominative || l.conferral.candidate.displayName };
}

export function removeLaureate(id: string, input: { laureateId: string; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const { row, name } = await laureateOf(tx, id, input.laureateId);
    await tx.ceremonyLaureate.delete({ where: { id: row.id } });
    await renumber(tx, id);
    await bump(tx, id, input.version);
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { laureateRemoved: name, conferralId: row.conferralId },
    });
    return { kind: "saved", id };
  });
}

/** Positions 1..n in the current order. */
async function renumber(tx: Tx, ceremonyId: string, order?: string[]) {
  const ids = order ?? (await tx.ceremonyLaureate.findMany({ where: { ceremonyId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
  for (const [i, laureateId] of ids.entries()) await tx.ceremonyLaureate.update({ where: { id: laureateId }, data: { position: i + 1 } });
}

export function moveLaureate(id: string, input: { laureateId: string; direction: "up" | "down"; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const { name } = await laureateOf(tx, id, input.laureateId);
    const ids = (await tx.ceremonyLaureate.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
    const order = moveInOrder(ids, input.laureateId, input.direction);
    await renumber(tx, id, order);
    await bump(tx, id, input.version);
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { position: ids.indexOf(input.laureateId) + 1 },
      after: { laureateMoved: name, position: order.indexOf(input.laureateId) + 1 },
    });
    return { kind: "saved", id };
  });
}

export function updateLaureate(id: string, input: LaureateInput & { laureateId: string; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const { row, name } = await laureateOf(tx, id, input.laureateId);
    const saved = storedSeating(row);
    const data = {
      attendance: input.attendance,
      representedBy: input.attendance === "REPRESENTED" ? input.representedBy : "",
      guestsCount: input.guestsCount,
      handedOverBy: input.handedOverBy,
      ...seatingOf(input, saved),
    };
    const diff = changedFields(
      { attendance: row.attendance, representedBy: row.representedBy, guestsCount: row.guestsCount, handedOverBy: row.handedOverBy, ...saved },
      data,
    );
    await tx.ceremonyLaureate.update({ where: { id: row.id }, data });
    await bump(tx, id, input.version);
    if (diff.changed.length) {
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Ceremony",
        entityId: id,
        before: { laureate: name, ...diff.before },
        after: { laureate: name, ...diff.after },
      });
    }
    return { kind: "saved", id };
  });
}

/** The seating columns as text ("" where nothing is saved: the columns were added nullable). */
function storedSeating(row: { handoverTime: string | null; seatRow: string | null; seat: string | null; guestSeats: string | null }): Seating {
  return { handoverTime: row.handoverTime ?? "", seatRow: row.seatRow ?? "", seat: row.seat ?? "", guestSeats: row.guestSeats ?? "" };
}

export type TableWrite = CeremonyWrite | { kind: "stale" };

/**
 * Saves the laureates' table at once: every row's attendance, representative, guests and who
 * hands over, the order of the rows, and the button's operation (bulk attendance, a move), in
 * one transaction against the ceremony's version (planTableSave in app/domain/ceremony.ts).
 */
export function saveLaureateTable(
  id: string,
  input: { version: number; rows: LaureateRow[]; selected: string[] },
  op: TableOperation,
  actor: Actor,
): Promise<TableWrite & { changed?: number; bulk?: number }> {
  return runWrite(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const stored = await tx.ceremonyLaureate.findMany({
      where: { ceremonyId: id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        attendance: true,
        representedBy: true,
        guestsCount: true,
        handedOverBy: true,
        handoverTime: true,
        seatRow: true,
        seat: true,
        guestSeats: true,
        conferral: { select: { candidate: { select: { nameNominative: true, displayName: true } } } },
      },
    });
    const plan = planTableSave(
      stored.map((l) => ({ ...l, ...storedSeating(l), name: l.conferral.candidate.nameNominative || l.conferral.candidate.displayName })),
      input.rows,
      op,
      input.selected,
    );
    if (plan.kind === "stale") return { kind: "stale" as const };
    for (const u of plan.updates) await tx.ceremonyLaureate.update({ where: { id: u.id }, data: u.data });
    if (plan.orderChanged) await renumber(tx, id, plan.order);
    await bump(tx, id, input.version);
    const bulk = new Set(op.kind === "bulk" ? plan.bulkNames : []);
    for (const u of plan.updates) {
      // A bulk change is one event below; a row's other edits keep their own.
      const { attendance: _bulked, ...rest } = u.after;
      const after = bulk.has(u.name) ? rest : u.after;
      if (!Object.keys(after).length) continue;
      const { attendance: _was, ...restBefore } = u.before;
      const before = bulk.has(u.name) ? restBefore : u.before;
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Ceremony",
        entityId: id,
        before: { laureate: u.name, ...before },
        after: { laureate: u.name, ...after },
      });
    }
    if (op.kind === "bulk" && plan.bulkNames.length) {
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Ceremony",
        entityId: id,
        after: { attendanceSet: op.attendance, attendanceOf: plan.bulkNames },
      });
    }
    if (plan.orderChanged) {
      const names = new Map(stored.map((l) => [l.id, l.conferral.candidate.nameNominative || l.conferral.candidate.displayName]));
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Ceremony",
        entityId: id,
        after: { orderChanged: plan.order.map((lid) => names.get(lid)) },
      });
    }
    return { kind: "saved" as const, id, changed: plan.updates.length, bulk: plan.bulkNames.length };
  });
}

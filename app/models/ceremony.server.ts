// Ceremonies: planning, laureates in their hand-over order, the conflict checks, holding the
// ceremony (the hand-overs, through the workflow's rule), the programme and the files for the
// chancellery. Every write is one transaction with its audit event; a stale version is refused.
import type { Document } from "#app/documents/blocks";
import { parseMarkup } from "#app/documents/markup";
import { projectTemplate } from "#app/documents/templates.server";
import {
  ATTENDANCE_LABEL,
  CEREMONY_STEP,
  ceremonyFindings,
  ceremonyKindLabel,
  handoverPlaceText,
  isEditable,
  moveInOrder,
  NOT_EDITABLE_MESSAGE,
  planHandover,
  planHold,
  type Attendance,
  type CeremonyInput,
  type CeremonyStep,
  type HandoverPlan,
  type HandoverRow,
  type HoldLaureate,
  type LaureateInput,
} from "#app/domain/ceremony";
import { STOCK_ITEMS } from "#app/domain/honoris-gratia";
import { honourLine } from "#app/domain/diploma";
import { HONOUR_LABEL, type CandidateKind, type Gender, type Honour, type MedalClass } from "#app/domain/honours";
import { formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { byGender, honorific } from "#app/domain/polish-text";
import { foldText } from "#app/domain/search-text";
import { CONFERRED_STATUSES, STATUS_LABEL, type Status } from "#app/domain/workflow";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { isConfirmed } from "./diploma.server";
import { checkPlannedBatch } from "./honoris-gratia.server";
import { settingValueOn } from "./settings.server";
import * as clock from "#app/domain/clock";

type Actor = { userId: string | null };

export type CeremonyWrite =
  | { kind: "saved"; id: string; handedOver?: number }
  | { kind: "not-found" }
  | { kind: "conflict" }
  | { kind: "refused"; message: string; problems?: string[] };

export const CONFLICT_MESSAGE = "Ktoś inny zmienił tę uroczystość w międzyczasie. Strona pokazuje teraz zapisany stan; powtórz zmianę, jeśli nadal jest potrzebna.";

class Refusal extends Error {
  constructor(
    message: string,
    readonly problems?: string[],
  ) {
    super(message);
  }
}

/** Runs a write; a Refusal thrown inside rolls everything back and becomes the answer. */
async function write<T extends object = CeremonyWrite>(run: (tx: Tx) => Promise<T>): Promise<T | Extract<CeremonyWrite, { kind: "refused" }>> {
  try {
    return await db().$transaction(run);
  } catch (error) {
    if (error instanceof Refusal) return { kind: "refused", message: error.message, problems: error.problems };
    throw error;
  }
}

/** Loads the ceremony at the expected version, or throws the answer. */
async function lockCeremony(tx: Tx, id: string, version: number, options: { editable?: boolean } = {}) {
  const c = await tx.ceremony.findUnique({ where: { id } });
  if (!c) return { answer: { kind: "not-found" } as const };
  if (c.version !== version) return { answer: { kind: "conflict" } as const };
  if (options.editable && !isEditable(c.status)) throw new Refusal(NOT_EDITABLE_MESSAGE);
  return { ceremony: c };
}

/** Raises the version: every change to a ceremony or its laureates is seen by the next editor. */
async function bump(tx: Tx, id: string, version: number, data: Record<string, unknown> = {}) {
  const written = await tx.ceremony.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (written.count === 0) throw new Refusal(CONFLICT_MESSAGE);
}

// ---------------------------------------------------------------- settings

async function integerSetting(key: string, date: string, client: Tx): Promise<number | null> {
  const value = await settingValueOn(key, date, client);
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------- reading

const ACTIVE = ["PLANNED", "CONFIRMED"];

export async function listVenues(client: Tx = db()) {
  return client.venue.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { ceremonies: true } } } });
}

export function getVenue(id: string) {
  return db().venue.findUnique({ where: { id } });
}

/**
 * Coming ceremonies (today or later), earliest first, or (`past`) earlier ones, latest first;
 * cancelled ones included, marked.
 */
export async function upcomingCeremonies(today: string, options: { skip?: number; take?: number; past?: boolean } = {}) {
  const where = options.past ? { date: { lt: today } } : { date: { gte: today } };
  const order = options.past ? ("desc" as const) : ("asc" as const);
  const [rows, total] = await Promise.all([
    db().ceremony.findMany({
      where,
      orderBy: [{ date: order }, { startTime: order }],
      skip: options.skip,
      take: options.take,
      include: { venue: { select: { name: true } }, _count: { select: { laureates: true } } },
    }),
    db().ceremony.count({ where }),
  ]);
  return { rows, total };
}

/** Ceremonies between two dates (both included): the month view. */
export function ceremoniesBetween(from: string, to: string) {
  return db().ceremony.findMany({
    where: { date: { gte: from, lte: to } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
    select: { id: true, title: true, date: true, startTime: true, status: true, kind: true },
  });
}

const laureateInclude = {
  conferral: {
    include: {
      candidate: true,
      nomination: { select: { id: true, status: true, caseReference: true } },
      diplomas: { include: { prints: { select: { textHash: true } } } },
      ceremonies: { include: { ceremony: { select: { id: true, title: true, date: true, status: true } } } },
    },
  },
} as const;

type LoadedLaureate = Awaited<ReturnType<typeof loadCeremony>> extends infer C ? (C extends { laureates: (infer L)[] } ? L : never) : never;

function loadCeremony(id: string, client: Tx = db()) {
  return client.ceremony.findUnique({
    where: { id },
    include: { venue: true, laureates: { orderBy: { position: "asc" }, include: laureateInclude } },
  });
}

function laureateName(l: LoadedLaureate): string {
  const c = l.conferral.candidate;
  return c.nameNominative || c.displayName;
}

function diplomaState(l: LoadedLaureate): { confirmed: boolean; printed: boolean } | null {
  const d = l.conferral.diplomas[0];
  if (!d) return null;
  return { confirmed: isConfirmed(d), printed: d.prints.some((p) => p.textHash === d.sourceHash) };
}

function honourText(l: LoadedLaureate): string {
  const c = l.conferral;
  return honourLine({
    honour: c.honour as Honour,
    medalClass: (c.medalClass as MedalClass | null) ?? null,
    number: c.number,
    candidate: {
      id: c.candidate.id,
      kind: c.candidate.kind as CandidateKind,
      gender: (c.candidate.grammaticalGender as Gender | null) ?? null,
      nameNominative: c.candidate.nameNominative,
      nameDative: c.candidate.nameDative,
      nameFormsConfirmed: c.candidate.nameFormsConfirmedAt !== null,
    },
  });
}

/** The ceremony page: data, laureates in order, the findings of the conflict checks. */
export async function ceremonyPage(id: string, today = todayIso()) {
  const client = db();
  const c = await loadCeremony(id, client);
  if (!c) return null;
  const sameVenue = c.venueId
    ? await client.ceremony.findMany({
        where: { venueId: c.venueId, date: c.date, id: { not: c.id }, status: { not: "CANCELLED" } },
        select: { title: true, startTime: true, endTime: true },
      })
    : [];
  const laureates = c.laureates.map((l) => ({
    id: l.id,
    conferralId: l.conferralId,
    position: l.position,
    name: laureateName(l),
    kind: l.conferral.candidate.kind as CandidateKind,
    gender: (l.conferral.candidate.grammaticalGender as Gender | null) ?? null,
    honour: l.conferral.honour as Honour,
    honourText: honourText(l),
    conferredOn: l.conferral.conferredOn,
    handedOverOn: l.conferral.handedOverOn,
    nominationId: l.conferral.nomination?.id ?? null,
    nominationStatus: (l.conferral.nomination?.status as Status | undefined) ?? null,
    attendance: l.attendance as Attendance,
    representedBy: l.representedBy,
    guestsCount: l.guestsCount,
    handedOverBy: l.handedOverBy,
    diploma: diplomaState(l),
    otherCeremonies: l.conferral.ceremonies
      .filter((o) => o.ceremonyId !== c.id && ACTIVE.includes(o.ceremony.status))
      .map((o) => ({ id: o.ceremony.id, title: o.ceremony.title, date: o.ceremony.date })),
  }));
  // Each Honoris Gratia laureate still to be handed over takes a badge and a diploma blank.
  const hgToHandOver = laureates.filter((l) => l.honour === "HONORIS_GRATIA" && !l.handedOverOn && l.attendance !== "ABSENT").length;
  const [maxLaureatesPerSession, diplomaDaysBefore, stockShortfall] = await Promise.all([
    integerSetting("ceremony.maxLaureatesPerSession", c.date, client),
    integerSetting("ceremony.diplomaDaysBefore", c.date, client),
    hgToHandOver && isEditable(c.status) ? checkPlannedBatch(hgToHandOver, client) : [],
  ]);
  const findings = ceremonyFindings({
    kind: c.kind,
    status: c.status,
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    laureates,
    sameVenue,
    maxLaureatesPerSession,
    diplomaDaysBefore,
    capacity: c.venue?.capacity ?? null,
    stockShortfall,
    today,
  });
  const { laureates: _loaded, ...ceremony } = c;
  return { ceremony, laureates, findings };
}

/** Conferrals that may be added: conferred, not yet handed over, not on this ceremony; by name and honour. */
export async function laureateCandidates(ceremonyId: string, query: { q: string; honour: Honour | null }, take = 20) {
  const folded = foldText(query.q);
  return db().conferral.findMany({
    where: {
      handedOverOn: null,
      anonymizedAt: null,
      ...(query.honour ? { honour: query.honour } : {}),
      ...(folded ? { candidate: { foldedName: { contains: folded } } } : {}),
      nomination: { status: { in: CONFERRED_STATUSES.filter((s) => s !== "HANDED_OVER") } },
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

/** The ceremonies a conferral is planned for or was handed over at: for the nomination page. */
export function ceremoniesOfConferral(conferralId: string) {
  return db().ceremonyLaureate.findMany({
    where: { conferralId },
    orderBy: { ceremony: { date: "asc" } },
    select: { attendance: true, ceremony: { select: { id: true, title: true, date: true, startTime: true, status: true } } },
  });
}

// ---------------------------------------------------------------- writing the ceremony

function ceremonyData(input: CeremonyInput) {
  return { ...input, venueId: input.venueId || null };
}

async function checkVenue(tx: Tx, venueId: string) {
  if (venueId && !(await tx.venue.findUnique({ where: { id: venueId } }))) throw new Refusal("Wybranego miejsca nie ma już na liście. Wybierz inne.");
}

export function createCeremony(input: CeremonyInput, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
    await checkVenue(tx, input.venueId);
    const c = await tx.ceremony.create({ data: ceremonyData(input) });
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Ceremony", entityId: c.id, after: ceremonyData(input) });
    return { kind: "saved", id: c.id };
  });
}

export function updateCeremony(id: string, input: CeremonyInput & { version: number }, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    await checkVenue(tx, input.venueId);
    const { version: _v, ...fields } = input;
    const data = ceremonyData(fields);
    const diff = changedFields(
      Object.fromEntries(Object.keys(data).map((k) => [k, ceremony[k as keyof typeof ceremony]])),
      data as Record<string, unknown>,
    );
    await bump(tx, id, input.version, data);
    if (diff.changed.length) await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: id, before: diff.before, after: diff.after });
    return { kind: "saved", id };
  });
}

/**
 * A status step. Holding hands the honour over to every present laureate in the same
 * transaction: the conferral gets the date and place, the nomination moves to „wręczono” (the
 * workflow's rule decides whether it may), each audited; absent laureates stay waiting.
 */
export function changeCeremonyStatus(id: string, step: CeremonyStep, input: { version: number; reason: string }, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version);
    if (answer) return answer;
    const move = CEREMONY_STEP[step];
    if (!(move.from as readonly string[]).includes(ceremony.status)) throw new Refusal("Ten krok nie jest dostępny przy obecnym stanie uroczystości. Odśwież stronę.");
    if (move.needsReason && !input.reason.trim()) throw new Refusal("Podaj powód.");
    let handedOver = 0;
    const after: Record<string, unknown> = {};
    if (step === "HOLD") {
      if (ceremony.date > todayIso()) throw new Refusal(`Uroczystość jest zaplanowana na ${formatPolishDate(ceremony.date)}: zapisać ją jako odbytą można w dniu uroczystości lub później.`);
      const full = (await loadCeremony(id, tx))!;
      if (full.laureates.length === 0) throw new Refusal("Uroczystość nie ma laureatów: nie ma czego zapisać jako wręczone.");
      const plan = planHold(
        full.laureates.map(
          (l): HoldLaureate => ({
            conferralId: l.conferralId,
            name: laureateName(l),
            honour: l.conferral.honour as Honour,
            attendance: l.attendance,
            status: (l.conferral.nomination?.status as Status | undefined) ?? null,
            handedOverOn: l.conferral.handedOverOn,
          }),
        ),
      );
      if (plan.kind === "refused") throw new Refusal("Nie można zapisać uroczystości jako odbytej:", plan.problems);
      const place = handoverPlaceText(full.venue, full.title);
      for (const l of plan.handOver) {
        const loaded = full.laureates.find((x) => x.conferralId === l.conferralId)!;
        const nomination = loaded.conferral.nomination!;
        if (full.date < loaded.conferral.conferredOn) throw new Refusal(`${l.name}: wręczenie nie może być wcześniejsze niż nadanie (${formatPolishDate(loaded.conferral.conferredOn)}).`);
        await tx.conferral.update({ where: { id: l.conferralId }, data: { handedOverOn: full.date, handoverPlace: place, version: { increment: 1 } } });
        const moved = await tx.nomination.updateMany({ where: { id: nomination.id, status: nomination.status }, data: { status: "HANDED_OVER", version: { increment: 1 } } });
        if (moved.count === 0) throw new Refusal(CONFLICT_MESSAGE);
        await recordAudit(tx, {
          userId: actor.userId,
          action: "TRANSITION",
          entityType: "Nomination",
          entityId: nomination.id,
          fromStatus: nomination.status,
          toStatus: "HANDED_OVER",
          after: { handedOverOn: full.date, handoverPlace: place, eventDate: full.date, ceremonyId: id },
        });
      }
      handedOver = plan.handOver.length;
      Object.assign(after, { handedOver: plan.handOver.map((l) => l.name), waiting: plan.waiting.map((l) => l.name) });
      // The badges and diploma blanks handed over leave the stock with the hand-overs. Only the
      // laureates handed over now count, so holding a reopened ceremony again issues nothing twice.
      const badges = plan.handOver.filter((l) => l.honour === "HONORIS_GRATIA").length;
      if (badges) {
        for (const item of STOCK_ITEMS) {
          const movement = await tx.stockMovement.create({ data: { item, quantity: -badges, date: full.date, ceremonyId: id, note: `wręczenie: ${full.title}` } });
          await recordAudit(tx, {
            userId: actor.userId,
            action: "CREATE",
            entityType: "StockMovement",
            entityId: movement.id,
            after: { item, quantity: movement.quantity, date: movement.date, ceremonyId: id, note: movement.note },
          });
        }
        after.stockIssued = badges;
      }
    }
    const data: Record<string, unknown> = { status: move.to };
    if (step === "CANCEL") data.cancellationReason = input.reason.trim();
    if (step === "REOPEN") data.cancellationReason = "";
    await bump(tx, id, input.version, data);
    await recordAudit(tx, {
      userId: actor.userId,
      action: "TRANSITION",
      entityType: "Ceremony",
      entityId: id,
      fromStatus: ceremony.status,
      toStatus: move.to,
      after: Object.keys(after).length ? after : null,
      reason: input.reason.trim(),
    });
    return { kind: "saved", id, handedOver };
  });
}

// ---------------------------------------------------------------- laureates

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

export type HandoverResult = { kind: "saved"; id: string; created: boolean; added: HandoverRow[]; refused: HandoverPlan["refused"] } | Extract<CeremonyWrite, { kind: "refused" }>;

/**
 * The batch hand-over from the desk: assigns the selected granted laureates to an existing
 * planned ceremony or to a new one created in the same transaction. Laureates that cannot go
 * (not granted, handed over, planned elsewhere) are left out with the reason; when none can,
 * nothing changes (not even the new ceremony). Each added laureate is audited on the ceremony.
 */
export function assignToHandover(input: { nominationIds: readonly string[]; ceremonyId: string | null; create: CeremonyInput | null }, actor: Actor): Promise<HandoverResult> {
  return write<HandoverResult>(async (tx) => {
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
      throw new Refusal(
        "Żadnego z zaznaczonych laureatów nie można przekazać do wręczenia: nic nie zmieniono.",
        plan.refused.map((r) => `${r.row.name}: ${r.reason}.`),
      );
    }
    // One statement for the rows (positions after the last), then one audit event per laureate.
    const last = await tx.ceremonyLaureate.aggregate({ where: { ceremonyId: id }, _max: { position: true } });
    const first = (last._max.position ?? 0) + 1;
    await tx.ceremonyLaureate.createMany({ data: plan.eligible.map((row, i) => ({ ceremonyId: id, conferralId: row.conferralId!, position: first + i })) });
    for (const row of plan.eligible) {
      await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: id, after: { laureateAdded: row.name, conferralId: row.conferralId } });
    }
    await bump(tx, id, version);
    return { kind: "saved", id, created: Boolean(input.create), added: plan.eligible, refused: plan.refused };
  });
}

/** Marks every laureate whose attendance is not settled as attending in person: one step, one audit event. */
export function markAllAttending(id: string, input: { version: number }, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
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
  return write(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const conferral = await tx.conferral.findUnique({
      where: { id: input.conferralId },
      include: { candidate: { select: { nameNominative: true, displayName: true, kind: true, grammaticalGender: true } }, nomination: { select: { status: true } } },
    });
    if (!conferral) throw new Refusal("Nie znaleziono tego nadania.");
    const name = conferral.candidate.nameNominative || conferral.candidate.displayName;
    if (await tx.ceremonyLaureate.findUnique({ where: { ceremonyId_conferralId: { ceremonyId: id, conferralId: conferral.id } } })) {
      throw new Refusal(`${name} jest już na liście laureatów tej uroczystości.`);
    }
    if (conferral.handedOverOn) throw new Refusal(`${name}: wyróżnienie zostało już wręczone (${formatPolishDate(conferral.handedOverOn)}).`);
    const status = conferral.nomination?.status as Status | undefined;
    if (!status || !CONFERRED_STATUSES.includes(status) || status === "HANDED_OVER") {
      const who = { kind: conferral.candidate.kind as CandidateKind, gender: (conferral.candidate.grammaticalGender as Gender | null) ?? null };
      throw new Refusal(`${name}: dodać można tylko ${byGender(who, "laureata", "laureatkę")} z podjętą uchwałą lub przyznaną odznaką, jeszcze nie wręczoną.`);
    }
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
  return write(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const { row, name } = await laureateOf(tx, id, input.laureateId);
    await tx.ceremonyLaureate.delete({ where: { id: row.id } });
    await renumber(tx, id);
    await bump(tx, id, input.version);
    await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: id, before: { laureateRemoved: name, conferralId: row.conferralId } });
    return { kind: "saved", id };
  });
}

/** Positions 1..n in the current order. */
async function renumber(tx: Tx, ceremonyId: string, order?: string[]) {
  const ids = order ?? (await tx.ceremonyLaureate.findMany({ where: { ceremonyId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
  for (const [i, laureateId] of ids.entries()) await tx.ceremonyLaureate.update({ where: { id: laureateId }, data: { position: i + 1 } });
}

export function moveLaureate(id: string, input: { laureateId: string; direction: "up" | "down"; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
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
  return write(async (tx) => {
    const { answer } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    const { row, name } = await laureateOf(tx, id, input.laureateId);
    const data = {
      attendance: input.attendance,
      representedBy: input.attendance === "REPRESENTED" ? input.representedBy : "",
      guestsCount: input.guestsCount,
      handedOverBy: input.handedOverBy,
    };
    const diff = changedFields({ attendance: row.attendance, representedBy: row.representedBy, guestsCount: row.guestsCount, handedOverBy: row.handedOverBy }, data);
    await tx.ceremonyLaureate.update({ where: { id: row.id }, data });
    await bump(tx, id, input.version);
    if (diff.changed.length) {
      await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: id, before: { laureate: name, ...diff.before }, after: { laureate: name, ...diff.after } });
    }
    return { kind: "saved", id };
  });
}

// ---------------------------------------------------------------- programme and lists


type CeremonyPage = NonNullable<Awaited<ReturnType<typeof ceremonyPage>>>;

function templateData(page: CeremonyPage) {
  const { ceremony: c, laureates } = page;
  return {
    title: c.title,
    kindLabel: ceremonyKindLabel(c.kind),
    isSession: c.kind === "COUNCIL_SESSION" || c.kind === "CITY_DAY_SESSION",
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    venue: c.venue ? { name: c.venue.name, address: c.venue.address } : null,
    laureates: laureates.map((l, i) => ({
      position: i + 1,
      name: l.name,
      honourText: l.honourText,
      attendance: ATTENDANCE_LABEL[l.attendance],
      representedBy: l.representedBy,
      guestsCount: l.guestsCount,
      handedOverBy: l.handedOverBy,
    })),
  };
}

/** The programme generated from templates/ceremony-programme.hbs, as markup (to edit and store). */
export function generatedProgramme(page: CeremonyPage): string {
  return projectTemplate<object>("ceremony-programme.hbs").markup(templateData(page)).trim() + "\n";
}

/** The programme to print: the stored (edited) markup, or the generated one when none is stored. */
export function programmeDocument(page: CeremonyPage): Document {
  const markup = page.ceremony.programme || generatedProgramme(page);
  return parseMarkup(markup, { source: "program uroczystości" });
}

/** The seating and hand-over list for protocol (templates/ceremony-handover-list.hbs). */
export function handoverListDocument(page: CeremonyPage): Document {
  return projectTemplate<object>("ceremony-handover-list.hbs").render(templateData(page));
}

/** Saves the edited programme markup ("" = back to the generated one); invalid markup is refused by the caller's check. */
export function saveProgramme(id: string, input: { programme: string; version: number }, actor: Actor): Promise<CeremonyWrite> {
  return write(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    await bump(tx, id, input.version, { programme: input.programme });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Ceremony",
      entityId: id,
      before: { programme: ceremony.programme },
      after: { programme: input.programme },
    });
    return { kind: "saved", id };
  });
}

export const INVITATION_HEADER = [
  "Lp.",
  "Laureat",
  "Zwrot (celownik)",
  "Laureat (celownik)",
  "Wyróżnienie",
  "Obecność",
  "Reprezentuje",
  "Liczba gości",
  "Uroczystość",
  "Data",
  "Godzina",
  "Miejsce",
  "Adres miejsca",
] as const;

/** One row per laureate, in the hand-over order: the data a mail merge of invitations needs. */
export function invitationRows(page: CeremonyPage, candidates: Map<string, { kind: string; grammaticalGender: string | null; nameDative: string }>) {
  const { ceremony: c } = page;
  return page.laureates.map((l, i) => {
    const cand = candidates.get(l.conferralId);
    return [
      i + 1,
      l.name,
      cand ? honorific({ kind: cand.kind as CandidateKind, gender: (cand.grammaticalGender as Gender | null) ?? null }, "dative") : "",
      cand?.nameDative ?? "",
      l.honourText || HONOUR_LABEL[l.honour],
      ATTENDANCE_LABEL[l.attendance],
      l.representedBy,
      l.guestsCount,
      c.title,
      formatPolishDate(c.date).replace(/\u00a0/g, " "),
      `${c.startTime}–${c.endTime}`,
      c.venue?.name ?? "",
      c.venue?.address ?? "",
    ];
  });
}

export async function invitationCandidates(page: CeremonyPage) {
  const rows = await db().conferral.findMany({
    where: { id: { in: page.laureates.map((l) => l.conferralId) } },
    select: { id: true, candidate: { select: { kind: true, grammaticalGender: true, nameDative: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.candidate]));
}

export function statusOfNomination(status: Status | null): string {
  return status ? STATUS_LABEL[status] : "bez wniosku";
}

// ---------------------------------------------------------------- venues

export type VenueWrite = { kind: "saved"; id: string } | { kind: "not-found" } | { kind: "conflict" } | { kind: "duplicate" };

export async function saveVenue(id: string | null, input: { name: string; address: string; capacity?: number; version?: number }, actor: Actor): Promise<VenueWrite> {
  return db().$transaction(async (tx) => {
    const data = { name: input.name, address: input.address, capacity: input.capacity ?? null };
    const same = await tx.venue.findUnique({ where: { name: input.name } });
    if (same && same.id !== id) return { kind: "duplicate" as const };
    if (!id) {
      const v = await tx.venue.create({ data });
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Venue", entityId: v.id, after: data });
      return { kind: "saved" as const, id: v.id };
    }
    const before = await tx.venue.findUnique({ where: { id } });
    if (!before) return { kind: "not-found" as const };
    const written = await tx.venue.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (written.count === 0) return { kind: "conflict" as const };
    const diff = changedFields({ name: before.name, address: before.address, capacity: before.capacity }, data);
    if (diff.changed.length) await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Venue", entityId: id, before: diff.before, after: diff.after });
    return { kind: "saved" as const, id };
  });
}

// ---------------------------------------------------------------- calendar feed

export function listFeedTokens() {
  return db().calendarFeedToken.findMany({ orderBy: { createdAt: "desc" } });
}

export async function createFeedToken(label: string, token: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const row = await tx.calendarFeedToken.create({ data: { label, token } });
    // The secret itself is not logged: the log is readable by more people than the feed.
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "CalendarFeedToken", entityId: row.id, after: { label } });
    return row;
  });
}

export async function revokeFeedToken(id: string, actor: Actor): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const written = await tx.calendarFeedToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: clock.now() } });
    if (written.count === 0) return false;
    await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "CalendarFeedToken", entityId: id, after: { revoked: true } });
    return true;
  });
}

/** Every ceremony from a year back, for a valid (not revoked) token; null otherwise. */
export async function feedCeremonies(token: string, today = todayIso()) {
  const row = await db().calendarFeedToken.findUnique({ where: { token } });
  if (!row || row.revokedAt) return null;
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return db().ceremony.findMany({
    where: { date: { gte: from } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
    include: { venue: true, _count: { select: { laureates: true } } },
  });
}

export function ceremonyForIcs(id: string) {
  return db().ceremony.findUnique({ where: { id }, include: { venue: true, _count: { select: { laureates: true } } } });
}

export function getCeremony(id: string) {
  return db().ceremony.findUnique({ where: { id } });
}

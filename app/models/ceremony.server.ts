// Ceremonies: planning, reading, the conflict checks and holding the ceremony (the hand-overs,
// through the workflow's rule). Laureates are in ceremony-laureates.server.ts, the programme and
// lists in ceremony-documents.server.ts, venues in venue.server.ts, the calendar feed in
// calendar-feed.server.ts. Every write is one transaction with its audit event; a stale version is refused.
import {
  CEREMONY_STEP,
  ceremonyFindings,
  handoverPlaceText,
  isEditable,
  NOT_EDITABLE_MESSAGE,
  planHold,
  type Attendance,
  type CeremonyInput,
  type CeremonyStep,
  type HoldLaureate,
} from "#app/domain/ceremony";
import { STOCK_ITEMS } from "#app/domain/honoris-gratia";
import { honourLine } from "#app/domain/diploma";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { transitionSchema } from "#app/domain/transition-form";
import type { Status } from "#app/domain/workflow";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { isConfirmed } from "#app/domain/diploma";
import { checkPlannedBatch, writeStockMovement } from "./hg-stock.server";
import { settingValueOn } from "./settings.server";
import { applyTransitionInBatch, TransitionBatch } from "./workflow.server";
import { expectWritten, Refusal, runWrite, versioned, type Actor, type Conflict, type NotFound, type Refused, type Saved } from "./write.server";

export type CeremonyWrite = (Saved & { handedOver?: number }) | NotFound | Conflict | Refused;

export const CONFLICT_MESSAGE =
  "Ktoś inny zmienił tę uroczystość w międzyczasie. Strona pokazuje teraz zapisany stan; powtórz zmianę, jeśli nadal jest potrzebna.";

/** Loads the ceremony at the expected version, or throws the answer. */
export async function lockCeremony(tx: Tx, id: string, version: number, options: { editable?: boolean } = {}) {
  const c = await tx.ceremony.findUnique({ where: { id } });
  if (!c) return { answer: { kind: "not-found" } as const };
  if (c.version !== version) return { answer: { kind: "conflict" } as const };
  if (options.editable && !isEditable(c.status)) throw new Refusal(NOT_EDITABLE_MESSAGE);
  return { ceremony: c };
}

/** Raises the version: every change to a ceremony or its laureates is seen by the next editor. */
export async function bump(tx: Tx, id: string, version: number, data: Prisma.CeremonyUpdateManyMutationInput = {}) {
  expectWritten(await tx.ceremony.updateMany(versioned(id, version, data)), CONFLICT_MESSAGE);
}

// ---------------------------------------------------------------- settings

async function integerSetting(key: string, date: string, client: Tx): Promise<number | null> {
  const value = await settingValueOn(key, date, client);
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------- reading

export const ACTIVE = ["PLANNED", "CONFIRMED"];

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
    handoverTime: l.handoverTime ?? "",
    seatRow: l.seatRow ?? "",
    seat: l.seat ?? "",
    guestSeats: l.guestSeats ?? "",
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

/** The ceremonies a conferral is planned for or was handed over at: for the nomination page. */
export function ceremoniesOfConferral(conferralId: string) {
  return db().ceremonyLaureate.findMany({
    where: { conferralId },
    orderBy: { ceremony: { date: "asc" } },
    select: { attendance: true, ceremony: { select: { id: true, title: true, date: true, startTime: true, status: true } } },
  });
}

// ---------------------------------------------------------------- writing the ceremony

export function ceremonyData(input: CeremonyInput) {
  return { ...input, venueId: input.venueId || null };
}

export async function checkVenue(tx: Tx, venueId: string) {
  if (venueId && !(await tx.venue.findUnique({ where: { id: venueId } }))) throw new Refusal("Wybranego miejsca nie ma już na liście. Wybierz inne.");
}

export function createCeremony(input: CeremonyInput, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    await checkVenue(tx, input.venueId);
    const c = await tx.ceremony.create({ data: ceremonyData(input) });
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Ceremony", entityId: c.id, after: ceremonyData(input) });
    return { kind: "saved", id: c.id };
  });
}

export function updateCeremony(id: string, input: CeremonyInput & { version: number }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version, { editable: true });
    if (answer) return answer;
    await checkVenue(tx, input.venueId);
    const { version: _v, ...fields } = input;
    const data = ceremonyData(fields);
    const diff = changedFields(Object.fromEntries(Object.keys(data).map((k) => [k, ceremony[k as keyof typeof ceremony]])), data as Record<string, unknown>);
    await bump(tx, id, input.version, data);
    if (diff.changed.length)
      await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Ceremony", entityId: id, before: diff.before, after: diff.after });
    return { kind: "saved", id };
  });
}

/**
 * A status step. Holding hands the honour over to every present laureate in the same
 * transaction: the conferral gets the date and place, the nomination moves to „wręczono” (the
 * workflow's rule decides whether it may), each audited; absent laureates stay waiting.
 */
export function changeCeremonyStatus(id: string, step: CeremonyStep, input: { version: number; reason: string }, actor: Actor): Promise<CeremonyWrite> {
  return runWrite(async (tx) => {
    const { answer, ceremony } = await lockCeremony(tx, id, input.version);
    if (answer) return answer;
    const move = CEREMONY_STEP[step];
    if (!(move.from as readonly string[]).includes(ceremony.status))
      throw new Refusal("Ten krok nie jest dostępny przy obecnym stanie uroczystości. Odśwież stronę.");
    if (move.needsReason && !input.reason.trim()) throw new Refusal("Podaj powód.");
    let handedOver = 0;
    const after: Record<string, unknown> = {};
    if (step === "HOLD") {
      const today = todayIso();
      if (ceremony.date > today)
        throw new Refusal(`Uroczystość jest zaplanowana na ${formatPolishDate(ceremony.date)}: zapisać ją jako odbytą można w dniu uroczystości lub później.`);
      const full = (await loadCeremony(id, tx))!;
      if (full.laureates.length === 0) throw new Refusal("Uroczystość nie ma laureatów: nie ma czego zapisać jako wręczone.");
      const plan = planHold(
        full.laureates.map((l): HoldLaureate => ({
          conferralId: l.conferralId,
          name: laureateName(l),
          honour: l.conferral.honour as Honour,
          attendance: l.attendance,
          status: (l.conferral.nomination?.status as Status | undefined) ?? null,
          handedOverOn: l.conferral.handedOverOn,
        })),
      );
      if (plan.kind === "refused") throw new Refusal("Nie można zapisać uroczystości jako odbytej:", { problems: plan.problems });
      const place = handoverPlaceText(full.venue, full.title);
      // Each hand-over is the workflow's HANDED_OVER step (its rules, its audit event), by the one transition path.
      const batch = new TransitionBatch(tx);
      const nominationIds = plan.handOver.map((l) => full.laureates.find((x) => x.conferralId === l.conferralId)!.conferral.nomination!.id);
      const versions = await batch.load(nominationIds);
      for (const [i, l] of plan.handOver.entries()) {
        const handover = transitionSchema(l.honour, "HANDED_OVER", today).parse({
          version: versions.get(nominationIds[i]!),
          eventDate: full.date,
          handoverPlace: place,
        });
        const moved = await applyTransitionInBatch(batch, nominationIds[i]!, "HANDED_OVER", handover, actor, { ceremonyId: id });
        if (moved.kind === "refused") throw new Refusal(`${l.name}: ${moved.message}`);
        if (moved.kind !== "done") throw new Refusal(CONFLICT_MESSAGE);
      }
      handedOver = plan.handOver.length;
      Object.assign(after, { handedOver: plan.handOver.map((l) => l.name), waiting: plan.waiting.map((l) => l.name) });
      // The badges and diploma blanks handed over leave the stock with the hand-overs. Only the
      // laureates handed over now count, so holding a reopened ceremony again issues nothing twice.
      const badges = plan.handOver.filter((l) => l.honour === "HONORIS_GRATIA").length;
      if (badges) {
        for (const item of STOCK_ITEMS) {
          await writeStockMovement(tx, { item, quantity: -badges, date: full.date, ceremonyId: id, note: `wręczenie: ${full.title}` }, actor);
        }
        after.stockIssued = badges;
      }
    }
    const data: Prisma.CeremonyUpdateManyMutationInput = { status: move.to };
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

export function getCeremony(id: string) {
  return db().ceremony.findUnique({ where: { id } });
}

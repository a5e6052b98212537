// Rows valid over a period (dated settings, signatories): the one way to add, change and remove
// them. A save names the version it started from and is refused when someone saved in between;
// two rows of one group (a setting's key, an office) never overlap (planDatedWrite in
// app/domain/settings.ts). Every write is one transaction with its audit events.
import { planDatedWrite } from "#app/domain/settings";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { expectWritten, isStaleWrite, type Actor, type NotFound } from "./write.server";

type PeriodRow = { id: string; version: number; validFrom: string; validTo: string | null };
type Period = { validFrom: string; validTo: string | null };

/** What a write answered. `closed` is the earlier row ended the day before a new one (closePrevious). */
export type WriteResult<T> = { kind: "saved"; row: T; closed: T | null } | { kind: "overlap"; rows: T[] } | { kind: "conflict"; saved: T } | NotFound;

export type DeleteResult<T> = { kind: "deleted"; row: T } | { kind: "conflict"; saved: T } | NotFound;

/**
 * One table of dated rows. `New` is what a new row is made of (its group fields included),
 * `Fields` what an edit may change (the period included).
 */
export type PeriodStore<Row extends PeriodRow, New extends Period, Fields extends Period> = {
  entityType: string;
  find(tx: Tx, id: string): Promise<Row | null>;
  /** The rows of the same group (key or office) as `of`. */
  group(tx: Tx, of: Row | New): Promise<Row[]>;
  create(tx: Tx, data: New): Promise<Row>;
  update(tx: Tx, id: string, version: number, data: Partial<Fields>): Promise<{ count: number }>;
  remove(tx: Tx, id: string, version: number): Promise<{ count: number }>;
  /** The row as its audit events show it. */
  audit(row: Row): Record<string, unknown>;
  /** What names the row in its update events (the key, the office). */
  identity(row: Row): Record<string, unknown>;
  /** The fields of `row` that an edit may change, to compare with the edit. */
  fields(row: Row): Fields;
  /** The reason recorded when a new row starting on `validFrom` ends the previous one. */
  closeReason(validFrom: string): string;
};

/** Adds a row; with closePrevious, the row running on its validFrom ends the day before. */
export async function createPeriod<Row extends PeriodRow, New extends Period, Fields extends Period>(
  store: PeriodStore<Row, New, Fields>,
  data: New,
  options: { closePrevious: boolean },
  actor: Actor,
  retried = false,
): Promise<WriteResult<Row>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<Row>> => {
      const plan = planDatedWrite(await store.group(tx, data), data, { closePrevious: options.closePrevious });
      if (plan.kind === "overlap") return plan;
      let closed: Row | null = null;
      if (plan.close) {
        const { row, validTo } = plan.close;
        expectWritten(await store.update(tx, row.id, row.version, { validTo } as Partial<Fields>));
        closed = await store.find(tx, row.id);
        await recordAudit(tx, {
          userId: actor.userId,
          action: "UPDATE",
          entityType: store.entityType,
          entityId: row.id,
          before: { ...store.identity(row), validTo: row.validTo },
          after: { ...store.identity(row), validTo },
          reason: store.closeReason(data.validFrom),
        });
      }
      const row = await store.create(tx, data);
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: store.entityType, entityId: row.id, after: store.audit(row) });
      return { kind: "saved", row, closed };
    })
    .catch(async (error: unknown) => {
      // The row to end changed under us: read everything again, once.
      if (!isStaleWrite(error) || retried) throw error;
      return createPeriod(store, data, options, actor, true);
    });
}

/** Changes a row's fields or period (ending it = giving it a validTo). */
export async function updatePeriod<Row extends PeriodRow, New extends Period, Fields extends Period>(
  store: PeriodStore<Row, New, Fields>,
  id: string,
  version: number,
  next: Fields,
  actor: Actor,
): Promise<WriteResult<Row>> {
  return db()
    .$transaction(async (tx): Promise<WriteResult<Row>> => {
      const current = await store.find(tx, id);
      if (!current) return { kind: "not-found" };
      if (current.version !== version) return { kind: "conflict", saved: current };
      const plan = planDatedWrite(await store.group(tx, current), next, { id });
      if (plan.kind === "overlap") return plan;
      const diff = changedFields(store.fields(current), next);
      if (diff.changed.length === 0) return { kind: "saved", row: current, closed: null };
      expectWritten(await store.update(tx, id, version, next));
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: store.entityType,
        entityId: id,
        before: { ...store.identity(current), ...diff.before },
        after: { ...store.identity(current), ...diff.after },
      });
      return { kind: "saved", row: (await store.find(tx, id))!, closed: null };
    })
    .catch(async (error: unknown) => {
      if (!isStaleWrite(error)) throw error;
      const saved = await store.find(db(), id);
      return saved ? { kind: "conflict" as const, saved } : { kind: "not-found" as const };
    });
}

/** Removes a row; only after the user confirmed it (the screen's confirmation step). */
export async function deletePeriod<Row extends PeriodRow, New extends Period, Fields extends Period>(
  store: PeriodStore<Row, New, Fields>,
  id: string,
  version: number,
  actor: Actor,
): Promise<DeleteResult<Row>> {
  return db().$transaction(async (tx): Promise<DeleteResult<Row>> => {
    const current = await store.find(tx, id);
    if (!current) return { kind: "not-found" };
    if (current.version !== version) return { kind: "conflict", saved: current };
    const removed = await store.remove(tx, id, version);
    if (removed.count === 0) return { kind: "conflict", saved: current };
    await recordAudit(tx, { userId: actor.userId, action: "DELETE", entityType: store.entityType, entityId: id, before: store.audit(current) });
    return { kind: "deleted", row: current };
  });
}

// Audit events are written inside the same transaction as the change they describe, so a
// change that rolls back leaves no trace and a committed one is never without its record.
import type { Tx } from "#app/utils/db.server";

export type AuditEntry = {
  userId: string | null;
  action: "CREATE" | "UPDATE" | "DELETE" | "TRANSITION";
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string;
};

export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      reason: entry.reason ?? "",
    },
  });
}

/** Only the fields whose values differ, as {before, after}. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a) };
}

export async function auditTrailOf(tx: Tx, entityType: string, entityId: string) {
  return tx.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { at: "asc" },
    include: { user: { select: { name: true } } },
  });
}

// Audit events are written inside the same transaction as the change they describe, so a
// change that rolls back leaves no trace and a committed one is never without its record.
import { AUDIT_PAGE_SIZE, SYSTEM_USER, warsawDayRange } from "#app/domain/audit-log";
import { periodText, settingLabel } from "#app/domain/settings";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, newRowId, sqlDateTime, type Tx } from "#app/utils/db.server";

export type AuditEntry = {
  userId: string | null;
  action: "CREATE" | "UPDATE" | "DELETE" | "TRANSITION" | "PRINT";
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string;
};

export async function recordAudit(tx: Tx, entry: AuditEntry) {
  // One raw INSERT: audit events are written on every change, bulk decisions write hundreds.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "at", "userId", "action", "entityType", "entityId", "fromStatus", "toStatus", "before", "after", "reason")
    VALUES (${newRowId()}, ${sqlDateTime()}, ${entry.userId}, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${entry.fromStatus ?? null}, ${entry.toStatus ?? null},
            ${entry.before ? JSON.stringify(entry.before) : null}, ${entry.after ? JSON.stringify(entry.after) : null}, ${entry.reason ?? ""})`;
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

export async function auditTrailOf(entityType: string, entityId: string, tx: Tx = db()) {
  return tx.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: { at: "asc" },
    include: { user: { select: { name: true } } },
  });
}

// ---------------------------------------------------------------- the audit log screen
// Reads only: the app has no code that updates or deletes an audit row.

export type AuditListFilter = {
  /** A user's id, or SYSTEM_USER for events written without a user. */
  user?: string;
  entityType?: string;
  /** Warsaw calendar days "YYYY-MM-DD", both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize?: number;
};

export type AuditListRow = {
  id: string;
  at: Date;
  userId: string | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** What the entity is called now (a candidate's name, a user's name), if it still exists. */
  entityName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  before: string | null;
  after: string | null;
  reason: string;
};

function auditWhere(filter: AuditListFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.user) where.userId = filter.user === SYSTEM_USER ? null : filter.user;
  if (filter.entityType) where.entityType = filter.entityType;
  const at = warsawDayRange(filter.from, filter.to);
  if (at.gte || at.lt) where.at = at;
  return where;
}

/** One page of audit events, newest first, with the names of their users and entities. */
export async function listAuditEvents(filter: AuditListFilter): Promise<{ total: number; rows: AuditListRow[] }> {
  const pageSize = filter.pageSize ?? AUDIT_PAGE_SIZE;
  const where = auditWhere(filter);
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      include: { user: { select: { name: true } } },
    }),
  ]);
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [nominations, candidates, users, settings, signatories] = await Promise.all([
    db().nomination.findMany({ where: { id: { in: idsOf("Nomination") } }, select: { id: true, candidate: { select: { displayName: true } } } }),
    db().candidate.findMany({ where: { id: { in: idsOf("Candidate") } }, select: { id: true, displayName: true } }),
    db().user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, name: true } }),
    db().datedSetting.findMany({ where: { id: { in: idsOf("DatedSetting") } }, select: { id: true, key: true, validFrom: true, validTo: true } }),
    db().signatory.findMany({ where: { id: { in: idsOf("Signatory") } }, select: { id: true, fullName: true } }),
  ]);
  const names = new Map<string, string>([
    ...nominations.map((n) => [`Nomination:${n.id}`, n.candidate.displayName] as const),
    ...candidates.map((c) => [`Candidate:${c.id}`, c.displayName] as const),
    ...users.map((u) => [`User:${u.id}`, u.name] as const),
    ...settings.map((s) => [`DatedSetting:${s.id}`, `${settingLabel(s.key)}, ${periodText(s)}`] as const),
    ...signatories.map((s) => [`Signatory:${s.id}`, s.fullName] as const),
  ]);
  return {
    total,
    rows: events.map((e) => ({
      id: e.id,
      at: e.at,
      userId: e.userId,
      userName: e.user?.name ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      before: e.before,
      after: e.after,
      reason: e.reason,
    })),
  };
}

/** The choices of the audit screen's filters: every user, and the entity types in the log. */
export async function auditFilterOptions() {
  const [users, types] = await Promise.all([
    db().user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } }),
    // GROUP BY in SQL (over the entityType index); Prisma's `distinct` would read every row.
    db().auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  return { users, entityTypes: types.map((t) => t.entityType) };
}

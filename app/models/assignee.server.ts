// „Prowadzący” (issue 19, item 9): who may lead a case, assigning it, and the signed-in user's
// open cases for the dashboard.
import { CASE_DONE_STATUSES } from "#app/domain/assignee";
import { NOMINATION_WRITE_PERMISSIONS, nominationWritePermission, type Permission } from "#app/domain/permissions";
import { Prisma } from "#app/generated/prisma/client.ts";
import { db, readRows, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { isStaleWrite, refuse, runWrite, expectWritten, versioned, type Actor, type Conflict, type NotFound, type Refused, type Saved } from "./write.server";

/** Active users holding one of these permissions through a role. */
const staffWith = (permissions: Permission[]) => ({
  active: true,
  roles: { some: { role: { permissions: { some: { permission: { key: { in: permissions } } } } } } },
});

/** Who may lead a case of this honour: the active staff who may write its nominations. */
export async function assigneeCandidates(honour: string) {
  return db().user.findMany({
    where: staffWith([nominationWritePermission(honour)]),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/**
 * The list's „Prowadzący” choices: everyone who may write nominations of either honour. The
 * same condition as staffWith in one raw statement: the list and the board ask it on every request.
 */
export async function allAssigneeCandidates(): Promise<{ id: string; name: string }[]> {
  const rows = await readRows<{ id: string; name: string }[]>(Prisma.sql`
    SELECT u."id", u."name" FROM "User" u
     WHERE u."active" = 1 AND EXISTS (
       SELECT 1 FROM "UserRole" ur
         JOIN "RolePermission" rp ON rp."roleId" = ur."roleId"
         JOIN "Permission" p ON p."id" = rp."permissionId"
        WHERE ur."userId" = u."id" AND p."key" IN (${Prisma.join(NOMINATION_WRITE_PERMISSIONS)}))
     ORDER BY u."name", u."id"`);
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

async function nameOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

/** The name of who leads the case, for its page; null when nobody does. */
export async function assigneeName(userId: string | null): Promise<string | null> {
  return nameOf(db(), userId);
}

/** What the assignment needs to know of the nomination. */
export async function nominationToAssign(id: string) {
  return db().nomination.findUnique({ where: { id }, select: { id: true, honour: true, candidate: { select: { displayName: true } } } });
}

export type AssignResult = (Saved & { assignee: string | null }) | NotFound | Conflict | Refused;

/** Sets (or, with null, clears) who leads the case; version-checked and audited. */
export async function assignNomination(id: string, version: number, assigneeId: string | null, actor: Actor): Promise<AssignResult> {
  try {
    return await runWrite(
      async (tx) => {
        const current = await tx.nomination.findUnique({ where: { id }, select: { honour: true, assigneeId: true } });
        if (!current) return { kind: "not-found" as const };
        if (assigneeId) {
          const allowed = await tx.user.count({ where: { id: assigneeId, ...staffWith([nominationWritePermission(current.honour)]) } });
          if (allowed === 0) refuse("Ta osoba nie może prowadzić tego wniosku: wybierz kogoś z osób, które mogą go redagować.", "assigneeId");
        }
        expectWritten(await tx.nomination.updateMany(versioned(id, version, { assigneeId })));
        const [before, after] = await Promise.all([nameOf(tx, current.assigneeId), nameOf(tx, assigneeId)]);
        await recordAudit(tx, {
          userId: actor.userId,
          action: "UPDATE",
          entityType: "Nomination",
          entityId: id,
          before: { assignee: before },
          after: { assignee: after },
        });
        return { kind: "saved" as const, id, assignee: after };
      },
      { stale: "throw" },
    );
  } catch (error) {
    if (isStaleWrite(error)) return { kind: "conflict" };
    throw error;
  }
}

/** How many open cases the dashboard's „Moje sprawy” lists before linking to the whole list. */
export const MY_CASES_SHOWN = 8;

/** The user's open cases, the nearest deadline first (cases without one last). */
export async function myOpenCases(userId: string) {
  const where = { assigneeId: userId, status: { notIn: [...CASE_DONE_STATUSES] } };
  const [count, items] = await Promise.all([
    db().nomination.count({ where }),
    db().nomination.findMany({
      where,
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { receivedDate: "asc" }, { id: "asc" }],
      take: MY_CASES_SHOWN,
      select: {
        id: true,
        honour: true,
        requestedClass: true,
        status: true,
        dueDate: true,
        receivedDate: true,
        candidate: { select: { displayName: true, isDemo: true } },
      },
    }),
  ]);
  return { count, items };
}

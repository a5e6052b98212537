// Who is asking, and may they? Every loader and action that reads personal data or changes
// anything goes through requireUser / requireUserWithPermission.
import { redirect } from "@remix-run/node";
import { PERMISSIONS, type Permission } from "#app/domain/permissions";
import * as clock from "#app/domain/clock";
import { Prisma } from "#app/generated/prisma/client.ts";
import { readRows } from "./db.server";
import { destroySessionCookie, readSessionId } from "./session.server";

export type SessionUser = { id: string; email: string; name: string; permissions: Permission[]; roles: string[] };

/** The active user of a session that has not expired on `now`, with the permissions of all their roles. */
export async function userOfSession(sessionId: string, now = clock.now()): Promise<SessionUser | null> {
  // One statement, not Prisma's nested include (six queries, each compiled anew): every page
  // asks this, the root loader and the route's loader each once (issue 15's load runs).
  const rows = await readRows<
    { id: string; email: string; name: string; active: number | bigint | boolean; expiresAt: unknown; role: string | null; permission: string | null }[]
  >(Prisma.sql`
    SELECT u."id", u."email", u."name", u."active", s."expiresAt", r."key" AS "role", p."key" AS "permission"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "UserRole" ur ON ur."userId" = u."id"
      LEFT JOIN "Role" r ON r."id" = ur."roleId"
      LEFT JOIN "RolePermission" rp ON rp."roleId" = r."id"
      LEFT JOIN "Permission" p ON p."id" = rp."permissionId"
     WHERE s."id" = ${sessionId}
     ORDER BY ur."roleId"`);
  const first = rows[0];
  if (!first || dateOf(first.expiresAt) <= now || !Number(first.active)) return null;
  const roles = new Set<string>();
  const permissions = new Set<Permission>();
  for (const row of rows) {
    if (row.role !== null) roles.add(row.role);
    if (row.permission !== null) permissions.add(row.permission as Permission);
  }
  return { id: first.id, email: first.email, name: first.name, permissions: [...permissions].sort(), roles: [...roles] };
}

/** A DateTime column read by raw SQL: Prisma writes ISO text; a number would be milliseconds. */
const dateOf = (v: unknown) => new Date(typeof v === "number" || typeof v === "bigint" ? Number(v) : String(v));

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  return sessionId ? userOfSession(sessionId) : null;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : "/";
  const headers = (await readSessionId(request)) ? { "Set-Cookie": await destroySessionCookie(request) } : undefined;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers });
}

export function userCan(user: Pick<SessionUser, "permissions"> | null | undefined, permission: Permission): boolean {
  return Boolean(user?.permissions.includes(permission));
}

export function forbidden(permission: Permission): Response {
  return new Response(`Brak uprawnienia: ${PERMISSIONS[permission]}.`, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Throws 403 unless the (already signed-in) user holds the permission. */
export function requirePermission(user: SessionUser, permission: Permission): void {
  if (!userCan(user, permission)) throw forbidden(permission);
}

/** The signed-in user if they hold the permission; 403 with the Polish error page otherwise. */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!userCan(user, permission)) throw forbidden(permission);
  return user;
}

/** For pages that serve several permissions (e.g. a form for either honour group). */
export async function requireUserWithAnyPermission(request: Request, permissions: Permission[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!permissions.some((p) => userCan(user, p))) throw forbidden(permissions[0]!);
  return user;
}

// Who is asking, and may they? Every loader and action that reads personal data or changes
// anything goes through requireUser / requireUserWithPermission.
import { redirect } from "@remix-run/node";
import { PERMISSIONS, type Permission } from "#app/domain/permissions";
import * as clock from "#app/domain/clock";
import { db } from "./db.server";
import { destroySessionCookie, readSessionId } from "./session.server";

export type SessionUser = { id: string; email: string; name: string; permissions: Permission[]; roles: string[] };

/** The active user of a session that has not expired on `now`, with the permissions of all their roles. */
export async function userOfSession(sessionId: string, now = clock.now()): Promise<SessionUser | null> {
  const session = await db().session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { roles: { include: { role: { include: { permissions: { include: { permission: true } } } } } } } } },
  });
  if (!session || session.expiresAt <= now || !session.user.active) return null;
  const permissions = new Set<Permission>();
  for (const ur of session.user.roles) for (const rp of ur.role.permissions) permissions.add(rp.permission.key as Permission);
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    permissions: [...permissions].sort(),
    roles: session.user.roles.map((r) => r.role.key),
  };
}

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

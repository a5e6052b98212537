// Users, roles, sessions and sign-in. Roles and permissions are data (Role, Permission).
import { PERMISSION_KEYS, type Permission } from "#app/domain/permissions";
import { db } from "#app/utils/db.server";
import { dummyHash, hashPassword, HashQueueFullError, verifyPassword } from "#app/utils/password.server";
import { SESSION_TTL_MS } from "#app/utils/session.server";
import { attemptsByAddress, FailureLock } from "#app/utils/sign-in-throttle.server";
import { changedFields, recordAudit } from "./audit.server";
import * as clock from "#app/domain/clock";
import { type Actor } from "./write.server";

// The session's user is looked up where every request is authenticated (app/utils/auth.server.ts).
export { userOfSession, type SessionUser } from "#app/utils/auth.server";

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;
export { MAX_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MS } from "#app/utils/sign-in-throttle.server";

const addressesWithoutAccount = new FailureLock(MAX_FAILED_SIGN_INS, LOCK_MS);

export type SignInResult =
  | { kind: "ok"; userId: string; sessionId: string }
  | { kind: "invalid" }
  /** The e-mail address is locked after failed sign-ins (an account or not: the answer is the same). */
  | { kind: "locked"; until: Date }
  /** Too many failures from this client address. */
  | { kind: "throttled"; retryAfterMs: number }
  /** Too many password checks waiting already. */
  | { kind: "busy" };

/**
 * Signs in with an e-mail address and password. Every answer but "throttled" and "busy" costs
 * exactly one password hash, whether the address has an account, a locked one, or none, so
 * neither the answer nor its time tells which addresses have accounts.
 */
export async function signIn(emailInput: string, password: string, now = clock.now(), clientAddress?: string): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  if (clientAddress) {
    const wait = attemptsByAddress.take(clientAddress, now.getTime());
    if (wait > 0) return { kind: "throttled", retryAfterMs: wait };
  }
  const user = await db().user.findUnique({ where: { email } });
  const account = user?.active ? user : null;
  let ok: boolean;
  try {
    ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
  } catch (error) {
    if (error instanceof HashQueueFullError) return { kind: "busy" };
    throw error;
  }
  let result: SignInResult;
  if (account) result = await recordSignIn(account.id, ok, now);
  else {
    const until = addressesWithoutAccount.fail(email, now.getTime());
    result = until ? { kind: "locked", until: new Date(until) } : { kind: "invalid" };
  }
  if (result.kind === "ok" && clientAddress) attemptsByAddress.giveBack(clientAddress);
  return result;
}

/**
 * The attempt's effect on the account, in one write transaction: its first statement takes the
 * write lock, so parallel attempts are counted one after another, never from a stale count.
 */
function recordSignIn(userId: string, passwordOk: boolean, now: Date): Promise<SignInResult> {
  const unlocked = { id: userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  return db().$transaction(async (tx) => {
    const lockedAnswer = async () => {
      const { lockedUntil } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { lockedUntil: true } });
      return { kind: "locked" as const, until: lockedUntil! };
    };
    if (passwordOk) {
      const signedIn = await tx.user.updateMany({ where: unlocked, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
      if (signedIn.count === 0) return lockedAnswer();
      const session = await tx.session.create({ data: { userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) } });
      return { kind: "ok" as const, userId, sessionId: session.id };
    }
    const counted = await tx.user.updateMany({ where: unlocked, data: { failedLoginCount: { increment: 1 } } });
    if (counted.count === 0) return lockedAnswer();
    const { failedLoginCount } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLoginCount: true } });
    const lock = failedLoginCount >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MS) : null;
    if (lock) await tx.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: lock } });
    await recordAudit(tx, {
      userId,
      action: "UPDATE",
      entityType: "User",
      entityId: userId,
      reason: lock ? "nieudane logowanie: konto zablokowane na 15 minut" : "nieudane logowanie",
    });
    return lock ? { kind: "locked" as const, until: lock } : { kind: "invalid" as const };
  });
}

export async function endSession(sessionId: string) {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/**
 * A user's own password change. It ends the user's other sessions (a stolen cookie or a browser
 * left signed in elsewhere), keeping `currentSessionId`, the one that made the change.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, currentSessionId: string): Promise<"ok" | "wrong-current"> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) return "wrong-current";
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: clock.now(), version: { increment: 1 } } });
    await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await recordAudit(tx, { userId, action: "UPDATE", entityType: "User", entityId: userId, reason: "zmiana hasła" });
  });
  return "ok";
}

export type NewUser = { email: string; name: string; password: string; roleKeys: string[]; isDemo?: boolean };

/** Thrown by createUser when the e-mail address (compared in lower case) already has an account. */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`Użytkownik o adresie ${email} już istnieje.`);
    this.name = "EmailTakenError";
  }
}

/** Prisma's unique-constraint violation, however the driver adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === "P2002" || (typeof e?.message === "string" && /UNIQUE constraint failed/i.test(e.message));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: NewUser, actor: Actor) {
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError(email);
      const roles = await tx.role.findMany({ where: { key: { in: input.roleKeys } } });
      const missing = input.roleKeys.filter((k) => !roles.some((r) => r.key === k));
      if (missing.length) throw new Error(`Nieznane role: ${missing.join(", ")}`);
      const user = await tx.user.create({
        data: {
          email,
          name: input.name,
          passwordHash,
          isDemo: input.isDemo ?? false,
          roles: { create: roles.map((r) => ({ roleId: r.id })) },
        },
      });
      await recordAudit(tx, {
        userId: actor.userId,
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, active: true, roles: [...input.roleKeys].sort() },
      });
      return user;
    });
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (!(error instanceof EmailTakenError) && isUniqueViolation(error)) throw new EmailTakenError(email);
    throw error;
  }
}

export type UserUpdate = { name: string; active: boolean; roleKeys: string[]; version: number; newPassword?: string };

/**
 * "self-deactivation" / "self-lockout": an admin may not deactivate their own account or take
 * away their own user:manage permission (nobody might be left to undo it).
 */
export type UserUpdateResult = "ok" | "not-found" | "conflict" | "unknown-role" | "self-deactivation" | "self-lockout";

export async function updateUser(id: string, input: UserUpdate, actor: Actor): Promise<UserUpdateResult> {
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
  return db().$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, include: { roles: { include: { role: true } } } });
    if (!current) return "not-found" as const;
    const roleKeys = [...new Set(input.roleKeys)].sort();
    const roles = await tx.role.findMany({ where: { key: { in: roleKeys } }, include: { permissions: { include: { permission: true } } } });
    if (roles.length !== roleKeys.length) return "unknown-role" as const;
    if (actor.userId === id) {
      if (!input.active) return "self-deactivation" as const;
      if (!roles.some((r) => r.permissions.some((p) => p.permission.key === "user:manage"))) return "self-lockout" as const;
    }
    const diff = changedFields(
      { name: current.name, active: current.active, roles: current.roles.map((r) => r.role.key).sort() },
      { name: input.name, active: input.active, roles: roleKeys },
    );
    if (current.version !== input.version) return "conflict" as const;
    // Nothing to change: no write, no new version, no audit row.
    if (diff.changed.length === 0 && !passwordHash) return "ok" as const;
    const written = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        name: input.name,
        active: input.active,
        version: { increment: 1 },
        // A password set by an admin also lifts a lock from failed sign-ins.
        ...(passwordHash ? { passwordHash, passwordChangedAt: clock.now(), failedLoginCount: 0, lockedUntil: null } : {}),
      },
    });
    if (written.count === 0) return "conflict" as const;
    await tx.userRole.deleteMany({ where: { userId: id } });
    await tx.userRole.createMany({ data: roles.map((r) => ({ userId: id, roleId: r.id })) });
    // A deactivated user is signed out everywhere at once; so is one whose password an admin
    // replaced (the old one may have leaked).
    if (!input.active || (passwordHash && actor.userId !== id)) await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "User",
      entityId: id,
      before: diff.before,
      after: diff.after,
      reason: passwordHash ? "nadano nowe hasło" : "",
    });
    return "ok" as const;
  });
}

export async function listUsers() {
  return db().user.findMany({ orderBy: { name: "asc" }, include: { roles: { include: { role: true } } } });
}

export async function getUser(id: string) {
  return db().user.findUnique({ where: { id }, include: { roles: { include: { role: true } } } });
}

export async function listRoles() {
  return db().role.findMany({ orderBy: { name: "asc" }, include: { permissions: { include: { permission: true } } } });
}

/** The roles as the user forms offer them: key, Polish name, and what each permission allows. */
export async function listRoleChoices() {
  const roles = await listRoles();
  const order = (key: string) => PERMISSION_KEYS.indexOf(key as Permission);
  return roles.map((r) => ({
    key: r.key,
    name: r.name,
    permissions: [...r.permissions].sort((a, b) => order(a.permission.key) - order(b.permission.key)).map((p) => p.permission.description),
  }));
}

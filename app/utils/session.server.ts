// Cookie sessions: the cookie holds only a Session row's id, signed; the row holds the expiry,
// so a session can be ended on the server (sign-out, deactivated user).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";
import { env } from "./env.server";

/** A working day: after this a session must sign in again. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

// Without SESSION_SECRET, a random secret is made once and kept beside the embedded database,
// so `npm start` needs no configuration and sessions survive a restart.
export function sessionSecret(): string {
  const e = env();
  if (e.SESSION_SECRET) return e.SESSION_SECRET;
  const file = path.resolve("prisma/data/.session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

type SessionData = { sessionId: string };
let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;

export function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__merenti_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().PUBLIC_BASE_URL.startsWith("https:"),
      secrets: [sessionSecret()],
      maxAge: SESSION_TTL_MS / 1000,
    },
  });
  return storage;
}

export function readSessionId(request: Request): Promise<string | null> {
  return sessionIdOfCookie(request.headers.get("Cookie"));
}

/** The session id of a Cookie header whose session cookie carries a valid signature, else null. */
export async function sessionIdOfCookie(cookieHeader: string | null | undefined): Promise<string | null> {
  const session = await sessionStorage().getSession(cookieHeader);
  const id = session.get("sessionId");
  return typeof id === "string" ? id : null;
}

export async function commitSessionId(sessionId: string): Promise<string> {
  const session = await sessionStorage().getSession();
  session.set("sessionId", sessionId);
  return sessionStorage().commitSession(session);
}

export async function destroySessionCookie(request: Request): Promise<string> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  return sessionStorage().destroySession(session);
}

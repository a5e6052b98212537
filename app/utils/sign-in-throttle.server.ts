// Failed sign-ins counted in this process's memory: per client address (a flood from one
// machine is answered 429 without hashing a password), and per e-mail address that has no
// account (it locks exactly as a real account does, so a lock tells nothing about which
// addresses have accounts). Real accounts count in the database (app/models/user.server.ts),
// where every process sees them.
import { countOf } from "#app/domain/plural";

/** Failed sign-ins one client address may make in SIGN_IN_WINDOW_MS, whatever the accounts. */
export const MAX_SIGN_INS_PER_ADDRESS = 20;
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;

/** Keys kept at most; the oldest go first, so a flood of made-up addresses cannot fill memory. */
const MAX_KEYS = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

/** Attempts per key in a fixed window: at most `limit`, then a wait until the window ends. */
export class AttemptWindow {
  readonly #entries = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts an attempt; the ms to wait if it is one too many, else 0. */
  take(key: string, nowMs: number): number {
    const entry = this.#entries.get(key);
    const current = entry && entry.resetAt > nowMs ? entry : { count: 0, resetAt: nowMs + this.windowMs };
    if (current.count >= this.limit) return current.resetAt - nowMs;
    remember(this.#entries, key, { count: current.count + 1, resetAt: current.resetAt });
    return 0;
  }

  /** The ms `key` must wait before an attempt counts again (0: it may try now); counts nothing. */
  waitOf(key: string, nowMs: number): number {
    const entry = this.#entries.get(key);
    return entry && entry.resetAt > nowMs && entry.count >= this.limit ? entry.resetAt - nowMs : 0;
  }

  /** Gives back an attempt that succeeded: only failures use up the allowance. */
  giveBack(key: string) {
    const entry = this.#entries.get(key);
    if (entry && entry.count > 0) entry.count--;
  }
}

/** Consecutive failures per key, locking the key for lockMs after `limit` of them. */
export class FailureLock {
  readonly #entries = new Map<string, { failed: number; lockedUntil: number }>();
  constructor(
    readonly limit: number,
    readonly lockMs: number,
  ) {}

  /** When the key's lock ends (ms since the epoch), or null if it is not locked now. */
  lockedUntil(key: string, nowMs: number): number | null {
    const until = this.#entries.get(key)?.lockedUntil ?? 0;
    return until > nowMs ? until : null;
  }

  /** Records a failure; the lock's end if this failure (or an earlier one) locked the key. */
  fail(key: string, nowMs: number): number | null {
    const locked = this.lockedUntil(key, nowMs);
    if (locked) return locked;
    const failed = (this.#entries.get(key)?.failed ?? 0) + 1;
    const lockedUntil = failed >= this.limit ? nowMs + this.lockMs : 0;
    remember(this.#entries, key, { failed: lockedUntil ? 0 : failed, lockedUntil });
    return lockedUntil || null;
  }
}

/**
 * Sign-in attempts per client address: signIn counts them (app/models/user.server.ts), and the
 * server refuses an address over its limit before the app (app/utils/sign-in-gate.server.ts).
 * Kept on globalThis: the server (scripts/server.ts) and the built app it serves each load their
 * own copy of this module, and both must read one count.
 */
export const attemptsByAddress: AttemptWindow = ((globalThis as { __merentiSignInAttemptsByAddress?: AttemptWindow }).__merentiSignInAttemptsByAddress ??=
  new AttemptWindow(MAX_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MS));

/** The Polish refusal of an address over its limit, the wait rounded up to whole minutes. */
export function throttledMessage(retryAfterMs: number): string {
  const minutes = countOf(Math.max(1, Math.ceil(retryAfterMs / 60_000)), { one: "minutę", few: "minuty", many: "minut" });
  return `Zbyt wiele nieudanych prób logowania z tego komputera. Spróbuj ponownie za ${minutes}.`;
}

/** A Retry-After header's value: whole seconds, at least one. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address as Express sees it (req.ip: TRUST_PROXY decides whether X-Forwarded-For counts). */
    clientAddress?: string;
  }
}

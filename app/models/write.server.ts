// What every model's write shares: who writes (the actor), the one refusal, the version check
// and the run of a write in one transaction. A write records its audit event (recordAudit,
// audit.server.ts) with the same transaction, so a refused or failing write leaves neither the
// change nor its event. See docs/decisions/006-write-module-and-layers.md.
import { db, type Tx } from "#app/utils/db.server";

/** Who makes a change: the signed-in user, or null for the system (scripts, the seed). */
export type Actor = { userId: string | null };

/** The answers most writes share; a model's own result union adds its special cases to them. */
export type Saved = { kind: "saved"; id: string };
export type NotFound = { kind: "not-found" };
export type Conflict = { kind: "conflict" };
/** The rules refuse the write; `field` names the form field the reason belongs to, `problems` lists every reason. */
export type Refused = { kind: "refused"; message: string; field?: string; problems?: string[] };

/**
 * Thrown inside a write when the rules refuse it: the transaction rolls back and runWrite answers
 * `{ kind: "refused" }`. `stale` marks the version check failing between a read and its write
 * (someone saved in between), which some models answer differently (re-read and retry, or show the saved row).
 */
export class Refusal extends Error {
  readonly field?: string;
  readonly problems?: string[];
  readonly stale: boolean;

  constructor(message: string, detail: { field?: string; problems?: string[]; stale?: boolean } = {}) {
    super(message);
    this.field = detail.field;
    this.problems = detail.problems;
    this.stale = detail.stale ?? false;
  }

  get answer(): Refused {
    return { kind: "refused", message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.problems ? { problems: this.problems } : {}) };
  }
}

/** Throws a Refusal (for expressions: `x ?? refuse("…")`). */
export function refuse(message: string, field?: string): never {
  throw new Refusal(message, { field });
}

/** Is this a Refusal for a row that changed between its read and its write? */
export function isStaleWrite(error: unknown): error is Refusal {
  return error instanceof Refusal && error.stale;
}

export const STALE_MESSAGE = "Ktoś inny zmienił te dane w międzyczasie. Strona pokazuje teraz zapisany stan; powtórz zmianę, jeśli nadal jest potrzebna.";

/** The where and data of a version-checked update: the row must still be at `version`, and the update raises it. */
export function versioned<D extends object>(id: string, version: number, data: D) {
  return { where: { id, version }, data: { ...data, version: { increment: 1 } } };
}

/** After a version-checked updateMany/deleteMany: nothing written means someone saved in between (a stale Refusal). */
export function expectWritten(written: { count: number }, message = STALE_MESSAGE): void {
  if (written.count === 0) throw new Refusal(message, { stale: true });
}

/**
 * Runs a write in one transaction; a Refusal thrown inside rolls everything back and becomes the
 * answer. Other errors (and stale Refusals when `stale: "throw"`, for callers that retry) propagate.
 */
export async function runWrite<T>(run: (tx: Tx) => Promise<T>, options: { timeout?: number; stale?: "answer" | "throw" } = {}): Promise<T | Refused> {
  try {
    return await db().$transaction(run, options.timeout ? { timeout: options.timeout, maxWait: options.timeout } : undefined);
  } catch (error) {
    if (error instanceof Refusal && !(error.stale && options.stale === "throw")) return error.answer;
    throw error;
  }
}

// Password hashing with scrypt (memory-hard, in node:crypto). The stored string carries its
// parameters, so they can be raised later without invalidating existing hashes.
//
// Hashing runs on libuv's thread pool (async scrypt), never on the event loop, and at most
// HASH_CONCURRENCY hashes run at once: the pool also serves compression and file reads, and the
// machine's cores serve the event loop, so a sign-in flood must not take them all.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { availableParallelism } from "node:os";

const HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);
/** Hashes allowed to wait for a turn; past this, HashQueueFullError (the caller answers 503). */
const HASH_QUEUE_LIMIT = 32;

export class HashQueueFullError extends Error {
  constructor() {
    super("Too many password hashes waiting");
    this.name = "HashQueueFullError";
  }
}

let hashing = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < HASH_CONCURRENCY) hashing++;
  else if (waiting.length >= HASH_QUEUE_LIMIT) throw new HashQueueFullError();
  // The finishing hash hands its slot over, so `hashing` stays counted.
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return inHashSlot(() => new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))));
}

// N = 2^16, r = 8: 64 MiB and about a tenth of a second per hash on these machines.
const N = 2 ** 16;
const R = 8;
const P = 1;
const KEYLEN = 32;
const maxmemFor = (n: number, r: number) => 256 * n * r;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFC"), salt, KEYLEN, { N, r: R, p: P, maxmem: maxmemFor(N, R) });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  const key = await scrypt(password.normalize("NFC"), salt, expected.length, { N: n, r, p, maxmem: maxmemFor(n, r) });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it costs the same as a real one. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

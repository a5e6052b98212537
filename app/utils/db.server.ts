// The one Prisma client of the process, on SQLite through the libsql driver.
import { randomBytes } from "node:crypto";
import { type Client, type Config, type InStatement, type ResultSet } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient, type Prisma } from "#app/generated/prisma/client.ts";
import { env } from "./env.server";
import * as clock from "#app/domain/clock";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** How long a connection of another process waits for the write lock. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * One writer at a time in this process. The local libsql driver is synchronous: a connection
 * waiting for SQLite's write lock blocks the whole event loop, and with it the transaction that
 * holds the lock (a deadlock until the busy timeout). So writers queue here, in JavaScript, and
 * SQLite's own lock only ever arbitrates between processes.
 */
class WriteQueue {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }
}

const writeQueue = ((globalThis as unknown as { __merentiWriteQueue?: WriteQueue }).__merentiWriteQueue ??= new WriteQueue());

const READ_ONLY = /^\s*(SELECT|PRAGMA\s+\w+\s*$|EXPLAIN)/i;
const statementText = (stmt: InStatement) => (typeof stmt === "string" ? stmt : stmt.sql);

/**
 * The libsql adapter with SQLite set up for concurrent users:
 * - transactions start with BEGIN IMMEDIATE (libsql's "write" mode) instead of a deferred BEGIN,
 *   and hold this process's write queue until they end; single writing statements queue too;
 *   reads never wait (WAL journal: readers see the last commit while a writer works);
 * - connections of other processes on the same file wait up to BUSY_TIMEOUT_MS for the lock.
 * The libsql client hands its connection to a transaction and opens a new one for the next
 * query, so the pragmas are set again after each transaction starts.
 */
class SqliteForConcurrency extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    if (!config.url.startsWith("file:")) return client;
    const execute = client.execute.bind(client) as (stmt: InStatement) => Promise<ResultSet>;
    // Local libsql runs these synchronously inside execute(): they apply before the next query.
    const prepare = () =>
      Promise.all([execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`), execute("PRAGMA journal_mode = WAL")]).catch((error: unknown) =>
        console.error("Nie udało się ustawić parametrów połączenia SQLite:", error),
      );
    void prepare();

    const begin = client.transaction.bind(client);
    client.transaction = async () => {
      const release = await writeQueue.acquire();
      try {
        const tx = await begin("write");
        await prepare();
        for (const end of ["commit", "rollback"] as const) {
          const original = tx[end].bind(tx);
          tx[end] = async () => {
            try {
              await original();
            } finally {
              release();
            }
          };
        }
        const close = tx.close.bind(tx);
        tx.close = () => {
          close();
          release();
        };
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };

    client.execute = (async (stmt: InStatement) => {
      if (READ_ONLY.test(statementText(stmt))) return execute(stmt);
      const release = await writeQueue.acquire();
      try {
        return await execute(stmt);
      } finally {
        release();
      }
    }) as Client["execute"];
    return client;
  }
}

export function createPrismaClient(url: string, authToken?: string): PrismaClient {
  return new PrismaClient({ adapter: new SqliteForConcurrency({ url, authToken }) });
}

const globalForDb = globalThis as unknown as { __merentiDb?: PrismaClient };

/** The shared client; created on first use so tests can point DATABASE_URL first. */
export function db(): PrismaClient {
  if (!globalForDb.__merentiDb) {
    const e = env();
    globalForDb.__merentiDb = createPrismaClient(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN);
  }
  return globalForDb.__merentiDb;
}

// ---------------------------------------------------------------- raw writes
// Hot paths (a bulk decision's rows) write with raw statements: a Prisma model call costs about
// five times a raw one. These give raw INSERTs the values Prisma would have written.

let idCounter = 0;

/**
 * A new row id shaped like Prisma's cuid(): "c", the time, a per-process counter and randomness,
 * so ids made in the same millisecond still sort in the order they were made.
 */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${randomBytes(9).toString("hex").slice(0, 12)}`;
}

/** A DateTime as Prisma's libsql adapter stores it ("2026-11-26T13:07:52.726+00:00"). */
export function sqlDateTime(date = clock.now()): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

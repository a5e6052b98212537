// The one Prisma client of the process, on SQLite through the libsql driver.
import { randomBytes } from "node:crypto";
import { createClient, type Client, type Config, type InStatement, type InValue, type ResultSet, type Transaction } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { SqlDriverAdapter, SqlQueryable, Transaction as AdapterTransaction } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "#app/generated/prisma/client.ts";
import { env } from "./env.server";
import * as clock from "#app/domain/clock";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** What a user sees when the database stays busy: the server answers 503 with it (scripts/server.ts). */
export const DATABASE_BUSY_MESSAGE = "Baza danych jest zajęta, spróbuj za chwilę.";

/**
 * SQLite's write lock (or this process's write queue) stayed taken longer than the wait allowed.
 * Nothing of the write was applied. The message starts like SQLite's own busy error, so it is
 * recognised (isDatabaseBusy) after Prisma has wrapped it.
 */
export class DatabaseBusyError extends Error {
  constructor() {
    super(`SQLITE_BUSY: database is locked. ${DATABASE_BUSY_MESSAGE}`);
    this.name = "DatabaseBusyError";
  }
}

/**
 * Whether an error (as Prisma or libsql hands it over) means the database was busy: our own
 * DatabaseBusyError, SQLite's SQLITE_BUSY (which Prisma turns into P1008) or a transaction that
 * could not start in Prisma's maxWait (P2028).
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (name === "DatabaseBusyError" || code === "P1008" || code === "P2028" || code === "SQLITE_BUSY") return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked|Unable to start a transaction in the given time/.test(message)) return true;
  }
  return false;
}

/** How long a write may wait for this process's queue and SQLite's lock, and who hears about it. */
export type WaitPolicy = {
  /** Longest wait in milliseconds before DatabaseBusyError. */
  busyWaitMs: number;
  /** Called once per write that has to wait for another process (a CLI prints a line). */
  onWait?: () => void;
};

/**
 * The server gives up after 1.5 s, below Prisma's default maxWait (2 s), so a staff member sees
 * „Baza danych jest zajęta” at once instead of a frozen page; a command-line run can wait longer
 * (setDatabaseWaitPolicy).
 */
const SERVER_WAIT: WaitPolicy = { busyWaitMs: 1_500 };

/**
 * A transaction that has run no statement for this long is abandoned (its caller crashed or
 * forgot it): it is rolled back and its connection closed, so the write lock is never kept.
 */
const TRANSACTION_IDLE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLite's SQLITE_BUSY (5) and its extended codes (SQLITE_BUSY_RECOVERY, …). */
function isSqliteBusy(error: unknown): boolean {
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown };
  return (typeof rawCode === "number" && (rawCode & 0xff) === 5) || (typeof code === "string" && code.startsWith("SQLITE_BUSY"));
}

/**
 * Runs `attempt` until SQLite stops answering SQLITE_BUSY, waiting in JavaScript between tries
 * (10 ms growing to 100 ms), so the event loop keeps serving other requests; DatabaseBusyError
 * once `deadline` has passed.
 */
async function retryWhileBusy<T>(attempt: () => Promise<T>, deadline: number, policy: WaitPolicy): Promise<T> {
  let pause = 10;
  let told = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      if (Date.now() + pause > deadline) throw new DatabaseBusyError();
      if (!told) {
        told = true;
        policy.onWait?.();
      }
      await sleep(pause);
      pause = Math.min(100, Math.round(pause * 1.5));
    }
  }
}

/**
 * One writer at a time in this process, first come first served; a writer that waited past its
 * deadline leaves the line. SQLite's own lock then only arbitrates between processes.
 */
class WriteQueue {
  #busy = false;
  #waiting: { grant: () => void }[] = [];

  async acquire(deadline: number): Promise<() => void> {
    if (this.#busy) {
      await new Promise<void>((resolve, reject) => {
        const waiter = { grant: resolve };
        this.#waiting.push(waiter);
        setTimeout(
          () => {
            const at = this.#waiting.indexOf(waiter);
            if (at === -1) return;
            this.#waiting.splice(at, 1);
            reject(new DatabaseBusyError());
          },
          Math.max(0, deadline - Date.now()),
        ).unref();
      });
    }
    this.#busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next.grant();
      else this.#busy = false;
    };
  }
}

const writeQueue = ((globalThis as unknown as { __merentiWriteQueue2?: WriteQueue }).__merentiWriteQueue2 ??= new WriteQueue());

/** Each connection's page cache, at most (SQLite allocates it as pages are read). */
const PAGE_CACHE_KIB = 64 * 1024;

const READ_ONLY = /^\s*(SELECT|PRAGMA\s+\w+\s*$|EXPLAIN)/i;
const statementText = (stmt: InStatement) => (typeof stmt === "string" ? stmt : stmt.sql);

/**
 * A local SQLite database on two connections, whatever the load:
 * - a reader for every statement that only reads: in WAL mode it sees the last commit and never
 *   waits for a writer, of this process or another;
 * - a writer for transactions and single writing statements, one at a time (WriteQueue).
 * Every connection has busy_timeout 0: the local driver is synchronous, so SQLite's own busy
 * wait would block the event loop; the wait is in JavaScript instead (retryWhileBusy).
 *
 * A statement SQLite refuses with SQLITE_BUSY stays active on its connection until the driver
 * finalises it, which happens only when the garbage collector gets to it; meanwhile every COMMIT
 * on that connection fails („cannot commit transaction - SQL statements in progress”) and the
 * transaction kept the write lock (issue 15, fault 2). So a writer never retries a refused
 * statement itself: it is let go (a fresh one is opened), and the wait for the other process's
 * lock is a probe through the driver's exec path, which finalises what it ran. A transaction
 * whose statement or COMMIT failed is rolled back (ROLLBACK works even with such a statement)
 * before its writer is let go, so the lock is never kept.
 */
export class SqlitePool {
  #reader: Client | null = null;
  #readersOpened = 0;
  // Random, not a counter: a module evaluated again (dev reloads) must not reuse an id.
  readonly #id = randomBytes(6).toString("hex");
  #writer: Client | null = null;
  #probe: Client | null = null;
  #closed = false;

  constructor(
    private readonly config: Config,
    private readonly policy: () => WaitPolicy,
  ) {}

  async #open(): Promise<Client> {
    const client = createClient(this.config);
    await client.execute("PRAGMA busy_timeout = 0");
    // SQLite's default page cache (2 MB) keeps little of a large register's indexes: a name
    // search then reads its pages from the file again on every request (system time per page).
    await client.execute(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
    return client;
  }

  async #readerClient(): Promise<Client> {
    if (!this.#reader) {
      this.#reader = await this.#open();
      this.#readersOpened++;
    }
    return this.#reader;
  }

  /**
   * A token that changes whenever a commit may have changed what the reader sees: SQLite's
   * data_version on the reader (it moves on every commit by any other connection, of this
   * process or another, and the reader never writes) with which reader asked it (a new
   * connection counts afresh). readCached keeps results under it.
   */
  async changeToken(): Promise<string> {
    const opened = this.#readersOpened;
    const { rows } = await this.execute("PRAGMA data_version");
    // A reader replaced meanwhile (a busy error): a token no cached result has.
    if (opened !== this.#readersOpened || opened === 0) return `replaced ${randomBytes(8).toString("hex")}`;
    return `${this.#id} ${opened} ${String(rows[0]![0])}`;
  }

  async #writerClient(): Promise<Client> {
    if (!this.#writer) {
      const writer = await this.#open();
      // Persistent in the file; set from the writer, which may take the lock it needs.
      await writer.execute("PRAGMA journal_mode = WAL").catch(() => undefined);
      this.#writer = writer;
    }
    return this.#writer;
  }

  #discardWriter(): void {
    const writer = this.#writer;
    this.#writer = null;
    try {
      writer?.close();
    } catch (error) {
      console.error("Nie udało się zamknąć połączenia z bazą danych:", error);
    }
  }

  /** Open connections (3 at most; the probe only once another process held the lock): for the fault tests. */
  get openConnections(): number {
    return (this.#reader ? 1 : 0) + (this.#writer ? 1 : 0) + (this.#probe ? 1 : 0);
  }

  /**
   * Waits until the write lock is free (or DatabaseBusyError at `deadline`): takes and drops it
   * through exec, which leaves no refused statement behind.
   */
  async #waitForWriteLock(deadline: number, policy: WaitPolicy): Promise<void> {
    const probe = (this.#probe ??= await this.#open());
    await retryWhileBusy(() => probe.executeMultiple("BEGIN IMMEDIATE; ROLLBACK"), deadline, policy);
  }

  /**
   * Runs `statement` (outside a transaction) on the writer. When SQLite refuses it as busy, the
   * writer is let go (see the class comment), the lock awaited, and the statement run again on
   * a fresh writer; DatabaseBusyError once `deadline` has passed.
   */
  async #onWriter<T>(statement: (writer: Client) => Promise<T>, deadline: number, policy: WaitPolicy): Promise<{ writer: Client; result: T }> {
    for (;;) {
      const writer = await this.#writerClient();
      try {
        return { writer, result: await statement(writer) };
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        this.#discardWriter();
        if (Date.now() >= deadline) throw new DatabaseBusyError();
        await this.#waitForWriteLock(deadline, policy);
      }
    }
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    const policy = this.policy();
    const deadline = Date.now() + policy.busyWaitMs;
    if (READ_ONLY.test(statementText(stmt))) {
      // A refused read would stay active and hold its snapshot: that reader is let go as well.
      return retryWhileBusy(
        async () => {
          const reader = await this.#readerClient();
          try {
            return await reader.execute(stmt);
          } catch (error) {
            if (isSqliteBusy(error) && this.#reader === reader) {
              this.#reader = null;
              reader.close();
            }
            throw error;
          }
        },
        deadline,
        policy,
      );
    }
    const release = await writeQueue.acquire(deadline);
    try {
      return (await this.#onWriter((writer) => writer.execute(stmt), deadline, policy)).result;
    } finally {
      release();
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    const policy = this.policy();
    const deadline = Date.now() + policy.busyWaitMs;
    const release = await writeQueue.acquire(deadline);
    try {
      // exec finalises what it ran, also when refused: it may simply be tried again.
      const writer = await this.#writerClient();
      await retryWhileBusy(() => writer.executeMultiple(sql), deadline, policy);
    } finally {
      release();
    }
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const tx = await this.transaction();
    try {
      const results: ResultSet[] = [];
      for (const stmt of stmts) results.push(await tx.execute(stmt));
      await tx.commit();
      return results;
    } finally {
      tx.close();
    }
  }

  /** A write transaction (BEGIN IMMEDIATE) on the writer, holding the write queue until it ends. */
  async transaction(): Promise<Transaction> {
    const policy = this.policy();
    const deadline = Date.now() + policy.busyWaitMs;
    const release = await writeQueue.acquire(deadline);
    let writer: Client;
    try {
      ({ writer } = await this.#onWriter((w) => w.execute("BEGIN IMMEDIATE"), deadline, policy));
    } catch (error) {
      release();
      throw error;
    }
    let open = true;
    /** A statement of this transaction failed: its writer is let go when the transaction ends. */
    let spoiled = false;
    const letGo = () => {
      if (this.#writer === writer) this.#discardWriter();
    };
    const end = async (statement: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      clearTimeout(idle);
      try {
        await writer.execute(statement);
        if (spoiled) letGo();
      } catch (error) {
        // A COMMIT refused (a statement still active): ROLLBACK works even then and lets the
        // lock go; closing the connection alone would keep it until the statement is finalised.
        await writer.execute("ROLLBACK").catch(() => undefined);
        letGo();
        if (statement === "COMMIT") throw isSqliteBusy(error) ? new DatabaseBusyError() : error;
      } finally {
        release();
      }
    };
    const abandon = () => {
      console.error(`Transakcja bez żadnego zapytania przez ${TRANSACTION_IDLE_MS / 1000} s: wycofana, połączenie zamknięte.`);
      void end("ROLLBACK").then(letGo);
    };
    let idle = setTimeout(abandon, TRANSACTION_IDLE_MS);
    idle.unref();
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(abandon, TRANSACTION_IDLE_MS);
      idle.unref();
    };
    const execute = async (stmt: InStatement) => {
      if (!open) throw Object.assign(new Error("The transaction is closed"), { code: "TRANSACTION_CLOSED" });
      touch();
      try {
        return await writer.execute(stmt);
      } catch (error) {
        // Within BEGIN IMMEDIATE nothing should be busy; if it was, the refused statement stays
        // active: the transaction fails (and is rolled back), its writer let go.
        if (isSqliteBusy(error)) {
          spoiled = true;
          throw new DatabaseBusyError();
        }
        throw error;
      }
    };
    const tx = {
      execute,
      async batch(stmts: InStatement[]) {
        const results: ResultSet[] = [];
        for (const stmt of stmts) results.push(await execute(stmt));
        return results;
      },
      async executeMultiple(sql: string) {
        if (!open) throw new Error("The transaction is closed");
        touch();
        await writer.executeMultiple(sql);
      },
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
      close: () => void end("ROLLBACK"),
      get closed() {
        return !open;
      },
    };
    return tx as unknown as Transaction;
  }

  close(): void {
    this.#closed = true;
    this.#reader?.close();
    this.#reader = null;
    this.#probe?.close();
    this.#probe = null;
    this.#discardWriter();
  }

  get closed(): boolean {
    return this.#closed;
  }
}

let waitPolicy: WaitPolicy = SERVER_WAIT;

/**
 * For a command-line run (import, retention): wait up to 30 s, Prisma's maxWait of their
 * transactions, for the server's (short) writes, saying so once, instead of failing at once.
 */
export const CLI_WAIT: WaitPolicy = {
  busyWaitMs: 30_000,
  onWait: () => console.log("Baza danych jest zajęta (zapisuje serwer albo inny proces): czekam na swoją kolej…"),
};

/**
 * How long this process's writes wait for a busy database. A command-line run calls it before
 * its first query to wait patiently for the server's writes and say so.
 */
export function setDatabaseWaitPolicy(policy: WaitPolicy): void {
  waitPolicy = policy;
}

/**
 * The libsql adapter on a SqlitePool (local files; a libsql:// or http(s):// server keeps the
 * stock client). Prisma's stock adapter holds one lock over its connection for the whole of a
 * transaction, so every read would wait for a writer: here a transaction runs on the pool's
 * writer and reads go on, on the reader.
 */
class SqliteForConcurrency extends PrismaLibSQL {
  readonly #url: string;
  /** The pool of the current connection (a new one after a reconnect); readRows reads on it. */
  pool: SqlitePool | null = null;

  constructor(config: Config) {
    super(config);
    this.#url = config.url;
  }

  override createClient(config: Config): Client {
    if (!config.url.startsWith("file:")) return super.createClient(config);
    this.pool = new SqlitePool(config, () => waitPolicy);
    return this.pool as unknown as Client;
  }

  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    if (!this.#url.startsWith("file:")) return adapter;
    const pool = (adapter as unknown as { client: SqlitePool }).client;
    // The stock adapter's class gives the queries their Prisma types; over a transaction it is that transaction's queryable.
    const Queryable = adapter.constructor as new (client: Transaction) => SqlQueryable;
    adapter.startTransaction = async () => {
      const tx = await pool.transaction();
      return Object.assign(new Queryable(tx), {
        options: { usePhantomQuery: true },
        commit: () => tx.commit(),
        rollback: () => tx.rollback(),
      }) as AdapterTransaction;
    };
    return adapter;
  }
}

export function createPrismaClient(url: string, authToken?: string): PrismaClient {
  return new PrismaClient({ adapter: new SqliteForConcurrency({ url, authToken }) });
}

const globalForDb = globalThis as unknown as { __merentiDb?: PrismaClient; __merentiAdapter?: SqliteForConcurrency };

/** The shared client; created on first use so tests can point DATABASE_URL first. */
export function db(): PrismaClient {
  if (!globalForDb.__merentiDb) {
    const e = env();
    const adapter = new SqliteForConcurrency({ url: e.DATABASE_URL, authToken: e.DATABASE_AUTH_TOKEN });
    globalForDb.__merentiAdapter = adapter;
    globalForDb.__merentiDb = new PrismaClient({ adapter });
  }
  return globalForDb.__merentiDb;
}

/**
 * The rows of one read-only statement, read on the shared client's reader connection directly:
 * what a page asks on every request (the signed-in user, the lists' pages and their filter
 * options). A statement through Prisma ($queryRaw) costs about 0.5 ms of CPU before SQLite
 * sees it, the same statement here about 0.02 ms (issue 15's load runs). Rows come as the
 * driver gives them: columns by name, integers as numbers, DateTime columns as Prisma's text.
 * Outside transactions only (the reader sees the last commit). A database on a libsql server
 * goes through Prisma.
 */
export async function readRows<T = unknown[]>(query: Prisma.Sql): Promise<T> {
  const pool = await localPool();
  if (!pool) return db().$queryRawUnsafe<T>(query.sql, ...query.values);
  if (!READ_ONLY.test(query.sql)) throw new Error("readRows runs only statements that read");
  const result = await pool.execute({ sql: query.sql, args: query.values.map(sqlValueOf) });
  return result.rows as unknown as T;
}

/** A bound value as Prisma would bind it in SQLite. */
function sqlValueOf(value: unknown): InValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqlDateTime(value);
  throw new TypeError(`readRows: a value SQLite cannot take (${typeof value})`);
}

/**
 * The shared client's change token (SqlitePool.changeToken): equal tokens mean no commit came
 * between them. Null for a database on a libsql server (no such counter: nothing is cached).
 */
export async function databaseChangeToken(): Promise<string | null> {
  const pool = await localPool();
  return pool ? pool.changeToken() : null;
}

/** The shared client's SqlitePool (connected), or null for a database on a libsql server. */
async function localPool(): Promise<SqlitePool | null> {
  const client = db();
  let pool = globalForDb.__merentiAdapter?.pool;
  if (!pool || pool.closed) {
    await client.$connect();
    pool = globalForDb.__merentiAdapter?.pool;
  }
  return pool && !pool.closed ? pool : null;
}

/** Closes the shared client and forgets it: the next db() opens DATABASE_URL afresh. */
export async function closeDb(): Promise<void> {
  const client = globalForDb.__merentiDb;
  globalForDb.__merentiDb = undefined;
  globalForDb.__merentiAdapter = undefined;
  await client?.$disconnect();
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

// npm run backup / npm run restore on real SQLite files: a backup taken while another process
// writes is a consistent snapshot; a restore refuses what it must refuse and leaves the target
// untouched then, and otherwise swaps the file in and keeps the replaced one.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { backupDatabase, BackupError, databaseFilePath, expectedMigrations, inspectBackup, restoreDatabase } from "#app/utils/backup.server";
import { migrate } from "../../scripts/migrate";
import { ROOT } from "../setup/template-db";

const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const liveUrl = () => process.env.DATABASE_URL!;
const fileUrl = (file: string) => `file:${file}`;
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const FILLER_ROWS = 20_000;

async function openDb(file: string): Promise<Client> {
  const client = createClient({ url: fileUrl(file) });
  await client.execute("PRAGMA busy_timeout = 10000");
  return client;
}

async function scalar(client: Client, sql: string): Promise<unknown> {
  return (await client.execute(sql)).rows[0]?.[0];
}

async function migrationsIn(client: Client): Promise<string[]> {
  const rows = await client.execute("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1");
  return rows.rows.map((r) => String(r[0]));
}

/** A second process that commits two-row transactions into BackupProbe until its stdin closes. */
const WRITER = `
import { createClient } from "@libsql/client";
const client = createClient({ url: process.env.WRITER_URL });
await client.execute("PRAGMA busy_timeout = 10000");
let stop = false;
process.stdin.on("end", () => { stop = true; });
process.stdin.resume();
const txns = [];
const errors = [];
for (let txn = 1; !stop; txn++) {
  const startedAt = Date.now();
  try {
    await client.batch([
      { sql: "INSERT INTO BackupProbe (txn, startedAt) VALUES (?, ?)", args: [txn, startedAt] },
      { sql: "INSERT INTO BackupProbe (txn, startedAt) VALUES (?, ?)", args: [txn, startedAt] },
    ], "write");
    txns.push([startedAt, Date.now()]);
  } catch (error) {
    errors.push(String(error && error.message));
    if (errors.length >= 10) break;
  }
  await new Promise((resolve) => setImmediate(resolve));
}
client.close();
process.stdout.write(JSON.stringify({ txns, errors }));
`;

/** The first backup taken under writes; later tests copy and damage it. */
let goodBackup: string | undefined;
function good(): string {
  if (!goodBackup) throw new Error("the backup-under-writes test must run first");
  return goodBackup;
}

/** The same data in a rollback-journal file, for the run in that mode. */
const rollbackSource = path.join(dir, "rollback-source.db");

beforeAll(async () => {
  const live = await openDb(databaseFilePath(liveUrl()));
  await live.executeMultiple(`
    CREATE TABLE BackupProbe (id INTEGER PRIMARY KEY, txn INTEGER NOT NULL, startedAt INTEGER NOT NULL);
    CREATE TABLE BackupFiller (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${FILLER_ROWS})
      INSERT INTO BackupFiller (payload) SELECT randomblob(1000) FROM n;
  `);
  await live.execute({ sql: "VACUUM INTO ?", args: [rollbackSource] });
  live.close();
});

describe("backup", () => {
  // The app opens its database in WAL mode (db.server.ts); the rollback-journal mode, where the
  // backup's read lock does hold writers back for its duration, is checked too.
  test.each([
    { journalMode: "wal", url: () => liveUrl() },
    { journalMode: "delete", url: () => fileUrl(rollbackSource) },
  ])(
    "a backup taken while another process writes is a consistent snapshot, restorable into a new file (journal_mode=$journalMode)",
    async ({ journalMode, url }) => {
      const sourceUrl = url();
      const live = await openDb(databaseFilePath(sourceUrl));
      expect(await scalar(live, `PRAGMA journal_mode = ${journalMode}`)).toBe(journalMode);
      const writer = spawn(process.execPath, ["--input-type=module", "-e", WRITER], {
        cwd: ROOT,
        env: { ...process.env, WRITER_URL: sourceUrl },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      writer.stdout.on("data", (c: Buffer) => (out += c.toString()));
      writer.stderr.on("data", (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((resolve) => writer.on("exit", resolve));

      // Let the writer get going, then note what is committed before the backup starts.
      const deadline = Date.now() + 10_000;
      while (Number(await scalar(live, "SELECT count(*) FROM BackupProbe")) < 40) {
        if (Date.now() > deadline || writer.exitCode !== null) throw new Error(`the writer did not start: ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const committedBefore = (await live.execute("SELECT id FROM BackupProbe ORDER BY id")).rows.map((r) => Number(r[0]));
      const startedAt = Date.now();
      const backups = path.join(dir, `backups-${journalMode}`);
      const backup = await backupDatabase({ databaseUrl: sourceUrl, dir: backups });
      const finishedAt = Date.now();
      const countAfter = Number(await scalar(live, "SELECT count(*) FROM BackupProbe"));

      writer.stdin.end();
      expect(await exited, err).toBe(0);
      const report = JSON.parse(out) as { txns: [number, number][]; errors: string[] };
      expect(report.errors).toEqual([]);
      // Both in flight at once: a writer transaction overlapped the backup.
      expect(report.txns.some(([s, e]) => s <= finishedAt && e >= startedAt)).toBe(true);
      live.close();

      expect(path.basename(backup.file)).toMatch(/^merenti-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
      expect(path.dirname(backup.file)).toBe(backups);
      expect(readdirSync(backups)).toEqual([path.basename(backup.file)]); // no .partial left
      expect(backup.migrations).toEqual(expectedMigrations());

      const target = path.join(dir, `new-${journalMode}`, "restored.db");
      const restored = await restoreDatabase({ file: backup.file, databaseUrl: fileUrl(target) });
      expect(restored).toMatchObject({ target, previous: undefined, migrations: expectedMigrations() });
      expect(readdirSync(path.dirname(target))).toEqual(["restored.db"]);

      const copy = await openDb(target);
      expect((await copy.execute("PRAGMA integrity_check")).rows.map((r) => r[0])).toEqual(["ok"]);
      const rows = (await copy.execute("SELECT id, txn FROM BackupProbe ORDER BY id")).rows.map((r) => ({ id: Number(r[0]), txn: Number(r[1]) }));
      // Every row committed before the backup started is there, nothing committed after it ended.
      expect(rows.length).toBeGreaterThanOrEqual(committedBefore.length);
      expect(rows.length).toBeLessThanOrEqual(countAfter);
      const ids = new Set(rows.map((r) => r.id));
      expect(committedBefore.filter((id) => !ids.has(id))).toEqual([]);
      // A snapshot at one instant: ids without holes, and no transaction cut in half.
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      const perTxn = new Map<number, number>();
      for (const r of rows) perTxn.set(r.txn, (perTxn.get(r.txn) ?? 0) + 1);
      expect([...perTxn.values()].every((n) => n === 2)).toBe(true);
      expect(Number(await scalar(copy, "SELECT count(*) FROM BackupFiller"))).toBe(FILLER_ROWS);
      expect(await migrationsIn(copy)).toEqual(expectedMigrations());
      copy.close();
      goodBackup ??= backup.file;
    },
  );

  test("backup names carry the UTC time and never overwrite an earlier backup", async () => {
    const now = new Date("2026-11-26T09:55:00.123Z");
    const out = path.join(dir, "named");
    const first = await backupDatabase({ databaseUrl: liveUrl(), dir: out, now });
    const second = await backupDatabase({ databaseUrl: liveUrl(), dir: out, now });
    expect(path.basename(first.file)).toBe("merenti-2026-11-26T09-55-00Z.db");
    expect(path.basename(second.file)).toBe("merenti-2026-11-26T09-55-00Z-2.db");
    expect((await inspectBackup(second.file)).problems).toEqual([]);
  });

  test("only file: databases: a libSQL server gets a Polish message and its token is never printed", async () => {
    const url = "libsql://merenti.example.org?authToken=SEKRET";
    const refused = (p: Promise<unknown>) =>
      expect(p).rejects.toThrow(/tylko dla bazy w pliku SQLite.*libsql:\/\/merenti\.example\.org.*kopiami zapasowymi\s+samego serwera/s);
    await refused(backupDatabase({ databaseUrl: url, dir: path.join(dir, "never") }));
    await refused(restoreDatabase({ file: good(), databaseUrl: url }));
    await expect(backupDatabase({ databaseUrl: url, dir: path.join(dir, "never") })).rejects.not.toThrow(/SEKRET/);
    expect(existsSync(path.join(dir, "never"))).toBe(false);

    expect(databaseFilePath("file:./prisma/data/app.db")).toBe(path.resolve("prisma/data/app.db"));
    expect(databaseFilePath("file:/srv/merenti/app.db")).toBe("/srv/merenti/app.db");
    expect(databaseFilePath("file:///srv/my%20data/app.db")).toBe("/srv/my data/app.db");
    expect(databaseFilePath("file://localhost/srv/app.db")).toBe("/srv/app.db");
  });
});

describe("restore", () => {
  /**
   * A target database (a copy of the first backup: rollback journal, so reading it leaves no
   * side files) and a way to assert it was left exactly as it was.
   */
  function makeTarget(name: string) {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    const target = path.join(folder, "app.db");
    copyFileSync(good(), target);
    const hash = sha256(target);
    const listing = readdirSync(folder).sort();
    return {
      target,
      assertUnchanged() {
        expect(sha256(target)).toBe(hash);
        expect(readdirSync(folder).sort()).toEqual(listing); // no temp file, no .before-restore copy
      },
    };
  }

  test("refuses random bytes, a truncated file and a damaged page, leaving the target unchanged", async () => {
    const { target, assertUnchanged } = makeTarget("corrupt");

    const random = path.join(dir, "random.db");
    writeFileSync(random, randomBytes(16_384));
    const truncated = path.join(dir, "truncated.db");
    copyFileSync(good(), truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 4096 / 2) * 4096);
    const damaged = path.join(dir, "damaged.db");
    copyFileSync(good(), damaged);
    const reader = await openDb(damaged);
    const rootPage = Number(await scalar(reader, "SELECT rootpage FROM sqlite_master WHERE name = 'CouncilTerm'"));
    const pageSize = Number(await scalar(reader, "PRAGMA page_size"));
    reader.close();
    const fd = openSync(damaged, "r+");
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (rootPage - 1) * pageSize);
    closeSync(fd);

    const cases = [
      { file: random, problem: /nie jest plikiem bazy danych SQLite/, checked: false },
      { file: truncated, problem: /niekompletny \(ucięty\)/, checked: false },
      { file: damaged, problem: /integrity_check|Nie da się odczytać/, checked: true },
    ];
    for (const { file, problem, checked } of cases) {
      const inspection = await inspectBackup(file);
      expect(inspection.integrityOk, file).toBe(false);
      expect(inspection.integrityChecked, file).toBe(checked);
      expect(inspection.problems.join(" "), file).toMatch(problem);
      const attempt = restoreDatabase({ file, databaseUrl: fileUrl(target) });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(restoreDatabase({ file, databaseUrl: fileUrl(target) })).rejects.toThrow(problem);
      assertUnchanged();
    }
  });

  test("refuses a backup whose migrations differ from prisma/migrations, leaving the target unchanged", async () => {
    const { target, assertUnchanged } = makeTarget("migrations");
    const expected = expectedMigrations();
    const last = expected.at(-1)!;

    const older = path.join(dir, "older.db");
    copyFileSync(good(), older);
    const newer = path.join(dir, "newer.db");
    copyFileSync(good(), newer);
    const o = await openDb(older);
    await o.execute({ sql: "DELETE FROM _prisma_migrations WHERE migration_name = ?", args: [last] });
    o.close();
    const n = await openDb(newer);
    await n.execute(
      "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', CURRENT_TIMESTAMP, '29991231000000_future_feature', CURRENT_TIMESTAMP, 1)",
    );
    n.close();

    const olderCheck = await inspectBackup(older);
    expect(olderCheck).toMatchObject({ integrityOk: true, missingMigrations: [last], unknownMigrations: [], onlyPendingMigrations: true });
    expect(olderCheck.problems).toHaveLength(1);
    expect(olderCheck.problems[0]).toMatch(/starszy schemat.*wersją aplikacji o tych samych migracjach.*--migrate/s);
    await expect(restoreDatabase({ file: older, databaseUrl: fileUrl(target) })).rejects.toThrow(last);
    assertUnchanged();

    const newerCheck = await inspectBackup(newer);
    expect(newerCheck).toMatchObject({ integrityOk: true, unknownMigrations: ["29991231000000_future_feature"], onlyPendingMigrations: false });
    expect(newerCheck.problems.join(" ")).toMatch(/nowszej.*29991231000000_future_feature/s);
    const neverMigrate = () => {
      throw new Error("a newer backup must not be migrated");
    };
    await expect(restoreDatabase({ file: newer, databaseUrl: fileUrl(target), applyMigrations: neverMigrate })).rejects.toThrow(/nowszej/);
    assertUnchanged();
  });

  test("replaces the target, keeps it as .before-restore-<time> with its WAL, and removes the stale -wal/-shm", async () => {
    const { target } = makeTarget("replace");
    // The old database ends in WAL mode with a committed row only in its -wal (a crashed app).
    const crash = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createClient } from "@libsql/client";
         const c = createClient({ url: process.env.TARGET_URL });
         await c.execute("PRAGMA journal_mode = WAL");
         await c.execute("PRAGMA wal_autocheckpoint = 0");
         await c.execute("CREATE TABLE OldMarker (note TEXT)");
         await c.execute("INSERT INTO OldMarker VALUES ('written before the restore')");
         process.kill(process.pid, "SIGKILL");`,
      ],
      { cwd: ROOT, env: { ...process.env, TARGET_URL: fileUrl(target) }, encoding: "utf8" },
    );
    expect(crash.signal, crash.stderr).toBe("SIGKILL");
    expect(statSync(`${target}-wal`).size).toBeGreaterThan(0);
    expect(existsSync(`${target}-shm`)).toBe(true);

    const backup = await backupDatabase({ databaseUrl: liveUrl(), dir: path.join(dir, "replace-backup") });
    const result = await restoreDatabase({ file: backup.file, databaseUrl: fileUrl(target), now: new Date("2026-11-26T10:00:00Z") });
    const previous = `${target}.before-restore-2026-11-26T10-00-00Z`;
    expect(result).toMatchObject({ target, previous, appliedMigrations: [] });
    expect(readdirSync(path.dirname(target)).sort()).toEqual([
      "app.db",
      "app.db.before-restore-2026-11-26T10-00-00Z",
      "app.db.before-restore-2026-11-26T10-00-00Z-wal",
    ]);

    expect(sha256(target)).toBe(sha256(backup.file));
    const now = await openDb(target);
    expect((await now.execute("PRAGMA integrity_check")).rows.map((r) => r[0])).toEqual(["ok"]);
    expect(await scalar(now, "SELECT count(*) FROM sqlite_master WHERE name = 'OldMarker'")).toBe(0);
    now.close();

    const before = await openDb(previous);
    expect((await before.execute("PRAGMA integrity_check")).rows.map((r) => r[0])).toEqual(["ok"]);
    expect(await scalar(before, "SELECT note FROM OldMarker")).toBe("written before the restore");
    before.close();
  });

  test("a backup file in WAL mode (the main file alone) is restored whole, with no -wal beside it", async () => {
    const walBackup = path.join(dir, "wal-mode.db");
    copyFileSync(good(), walBackup);
    const fd = openSync(walBackup, "r+");
    writeSync(fd, Buffer.from([2, 2]), 0, 2, 18); // header bytes 18-19: WAL mode
    closeSync(fd);
    expect((await inspectBackup(walBackup)).problems).toEqual([]);

    const { target } = makeTarget("wal-mode");
    await restoreDatabase({ file: walBackup, databaseUrl: fileUrl(target) });
    expect(readdirSync(path.dirname(target)).filter((f) => !f.includes(".before-restore-"))).toEqual(["app.db"]);
    expect([...readFileSync(target).subarray(18, 20)]).toEqual([1, 1]);
    const restored = await openDb(target);
    expect((await restored.execute("PRAGMA integrity_check")).rows.map((r) => r[0])).toEqual(["ok"]);
    expect(Number(await scalar(restored, "SELECT count(*) FROM BackupFiller"))).toBe(FILLER_ROWS);
    restored.close();
  });

  test.skipIf(process.platform !== "linux")("refuses to replace a database a process holds open", async () => {
    const { target, assertUnchanged } = makeTarget("open");
    const app = await openDb(target);
    await scalar(app, "SELECT count(*) FROM CouncilTerm");
    await expect(restoreDatabase({ file: good(), databaseUrl: fileUrl(target) })).rejects.toThrow(
      new RegExp(`otwarta przez proces ${process.pid}\\b.*Zatrzymaj aplikację`, "s"),
    );
    app.close();
    assertUnchanged();
  });

  test("with applyMigrations, an older backup is migrated before it replaces the target", { timeout: 60_000 }, async () => {
    const expected = expectedMigrations();
    const [first] = expected;
    // An authentic older database: only the first migration, applied by prisma migrate deploy.
    const old = path.join(dir, "old-schema");
    mkdirSync(path.join(old, "migrations"), { recursive: true });
    cpSync(path.join(ROOT, "prisma/migrations", first!), path.join(old, "migrations", first!), { recursive: true });
    copyFileSync(path.join(ROOT, "prisma/migrations/migration_lock.toml"), path.join(old, "migrations/migration_lock.toml"));
    // migrate deploy reads only the datasource from the schema: today's will do for the first migration.
    copyFileSync(path.join(ROOT, "prisma/schema.prisma"), path.join(old, "schema.prisma"));
    const oldDb = path.join(old, "old.db");
    execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy", "--schema", path.join(old, "schema.prisma")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: fileUrl(oldDb) },
      stdio: "pipe",
    });
    const o = await openDb(oldDb);
    await o.execute("INSERT INTO CouncilTerm (id, number, startDate) VALUES ('old-term', 99, '1990-05-27')");
    o.close();

    const { target, assertUnchanged } = makeTarget("migrate");
    if (expected.length > 1) {
      await expect(restoreDatabase({ file: oldDb, databaseUrl: fileUrl(target) })).rejects.toThrow(/starszy schemat/);
      assertUnchanged();
    }
    const result = await restoreDatabase({ file: oldDb, databaseUrl: fileUrl(target), applyMigrations: migrate });
    expect(result.appliedMigrations).toEqual(expected.slice(1));
    expect(result.migrations).toEqual(expected);
    const now = await openDb(target);
    expect(await migrationsIn(now)).toEqual(expected);
    expect(await scalar(now, "SELECT number FROM CouncilTerm WHERE id = 'old-term'")).toBe(99);
    now.close();
    expect(readFileSync(oldDb).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000"); // the backup itself untouched
  });
});

describe("command line", () => {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const run = (script: string, args: string[], env: Record<string, string>, input = "") =>
    spawnSync(tsx, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, input, encoding: "utf8" });

  test("npm run backup writes a copy; npm run restore without a terminal needs --yes", { timeout: 60_000 }, async () => {
    const folder = path.join(dir, "cli");
    mkdirSync(folder);
    const target = path.join(folder, "app.db");
    copyFileSync(inject("templateDb"), target);
    const hash = sha256(target);

    const backup = run("scripts/backup.ts", ["--dir", path.join(folder, "backups")], { DATABASE_URL: liveUrl() });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Kopia zapasowa zapisana: .*merenti-.*Z\.db/);
    const [file] = readdirSync(path.join(folder, "backups"));
    const backupFile = path.join(folder, "backups", file!);

    // A piped "t" is not a confirmation: without a terminal only --yes is.
    const refused = run("scripts/restore.ts", [backupFile], { DATABASE_URL: fileUrl(target) }, "t\n");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect(sha256(target)).toBe(hash);

    const restored = run("scripts/restore.ts", [backupFile, "--yes"], { DATABASE_URL: fileUrl(target) });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Przywrócono bazę/);
    expect(sha256(target)).toBe(sha256(backupFile));
    expect(readdirSync(folder).filter((f) => f.startsWith("app.db.before-restore-"))).toHaveLength(1);
  });
});

// Backup and restore of the embedded SQLite database (npm run backup / npm run restore).
//
// A backup is `VACUUM INTO` a new file: SQLite writes a consistent snapshot of the database
// from one read transaction, so the app may keep reading and writing meanwhile, and the copy
// is a standalone file (no -wal needed). A restore checks a copy of the backup next to the
// target (integrity and migrations), keeps the current database as `.before-restore-<time>`,
// removes the target's stale -wal/-shm/-journal and renames the checked copy into place.
// Only `file:` databases: a libSQL server has its own backups. Messages are Polish (CLI output).
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createClient, type Client } from "@libsql/client";
import * as clock from "#app/domain/clock";
import { BackupError, databaseFilePath } from "./database-file.server";
import { backupAttachmentFiles, restoreAttachmentFiles, type AttachmentCopy } from "./attachment-backup.server";
import { attachmentsDirOf } from "./attachment-files.server";

export { BackupError, databaseFilePath };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

/** How long the backup waits for a writer's lock before giving up (the writer never waits for us long). */
const BUSY_TIMEOUT_MS = 30_000;
const SIDE_SUFFIXES = ["-wal", "-shm", "-journal"] as const;

function open(file: string): Client {
  return createClient({ url: pathToFileURL(file).href });
}

// ---------------------------------------------------------------- migrations and checks

/** Names of the migrations in prisma/migrations (folders with a migration.sql), in order. */
export function expectedMigrations(migrationsDir = MIGRATIONS_DIR): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

export type BackupInspection = {
  file: string;
  sizeBytes: number;
  /** PRAGMA integrity_check answered "ok". */
  integrityOk: boolean;
  /** False when the file was refused before integrity_check could run (missing, not SQLite, cut short). */
  integrityChecked: boolean;
  /** Migrations applied in the file (from its _prisma_migrations). */
  migrations: string[];
  /** In prisma/migrations but not applied in the file: the file has an older schema. */
  missingMigrations: string[];
  /** Applied in the file but unknown to prisma/migrations: a newer or different version. */
  unknownMigrations: string[];
  /** Everything that stops a restore, in Polish; empty when the file can be restored as it is. */
  problems: string[];
  /** The only problem is an older schema: `prisma migrate deploy` can bring it up to date. */
  onlyPendingMigrations: boolean;
};

/**
 * Problems visible without opening the file as a database. `live`: the app's own database,
 * where a -wal beside it is normal and the header may be mid-checkpoint, so only its kind is checked.
 */
function fileProblems(file: string, { live = false } = {}): string[] {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return [`${file} nie jest zwykłym plikiem.`];
    size = stat.size;
  } catch {
    return [`Plik ${file} nie istnieje.`];
  }
  const header = Buffer.alloc(100);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\u0000") {
    return [`${file} nie jest plikiem bazy danych SQLite (nagłówek pliku się nie zgadza).`];
  }
  if (live) return [];
  const problems: string[] = [];
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count in the header is valid when "version-valid-for" equals the change counter.
  if (header.readUInt32BE(92) === header.readUInt32BE(24) && pageCount * pageSize > size) {
    problems.push(`Plik ${file} jest niekompletny (ucięty): ma ${size} bajtów, a według nagłówka powinien mieć ${pageCount * pageSize}.`);
  }
  for (const suffix of ["-wal", "-journal"]) {
    const side = `${file}${suffix}`;
    if (existsSync(side) && statSync(side).size > 0) {
      problems.push(
        `Obok kopii leży ${path.basename(side)}: część danych jest jeszcze w dzienniku, więc sam plik nie jest pełną kopią. ` +
          `Użyj kopii zapisanej przez npm run backup.`,
      );
    }
  }
  return problems;
}

/** Opens the file itself (which may create and remove side files): only for our own copies. */
async function inspectInPlace(file: string, migrationsDir: string): Promise<BackupInspection> {
  const result: BackupInspection = {
    file,
    sizeBytes: statSync(file).size,
    integrityOk: false,
    integrityChecked: true,
    migrations: [],
    missingMigrations: [],
    unknownMigrations: [],
    problems: [],
    onlyPendingMigrations: false,
  };
  let client: Client | undefined;
  try {
    client = open(file);
    const integrity = (await client.execute("PRAGMA integrity_check")).rows.map((r) => String(r[0]));
    result.integrityOk = integrity.length === 1 && integrity[0] === "ok";
    if (!result.integrityOk) {
      const shown = integrity.slice(0, 5).join("; ");
      result.problems.push(`Kontrola spójności (PRAGMA integrity_check) wykazała błędy: ${shown}${integrity.length > 5 ? "; …" : ""}`);
      return result;
    }
    const table = await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (table.rows.length === 0) {
      result.problems.push("W pliku nie ma tabeli _prisma_migrations: to nie jest baza Merenti.");
      return result;
    }
    const applied = await client.execute(
      "SELECT DISTINCT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    result.migrations = applied.rows.map((r) => String(r[0]));
    const failed = await client.execute(
      "SELECT DISTINCT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    const unfinished = failed.rows.map((r) => String(r[0])).filter((name) => !result.migrations.includes(name));
    if (unfinished.length > 0) {
      result.problems.push(`W kopii jest nieukończona (nieudana) migracja: ${unfinished.join(", ")}.`);
    }
  } catch (error) {
    result.integrityOk = false;
    result.problems.push(`Nie da się odczytać pliku jako bazy SQLite: ${messageOf(error)}`);
    return result;
  } finally {
    client?.close();
  }

  const expected = expectedMigrations(migrationsDir);
  result.missingMigrations = expected.filter((m) => !result.migrations.includes(m));
  result.unknownMigrations = result.migrations.filter((m) => !expected.includes(m));
  const otherProblems = result.problems.length;
  if (result.unknownMigrations.length > 0) {
    result.problems.push(
      `Kopia pochodzi z innej (nowszej?) wersji aplikacji: ma migracje, których ta wersja nie zna: ${result.unknownMigrations.join(", ")}. ` +
        `Przywróć ją wersją aplikacji, która ma dokładnie te migracje.`,
    );
  } else if (result.missingMigrations.length > 0) {
    result.problems.push(
      `Kopia ma starszy schemat bazy: brak w niej migracji ${result.missingMigrations.join(", ")}. ` +
        `Przywróć ją wersją aplikacji o tych samych migracjach albo dodaj --migrate, ` +
        `aby zastosować brakujące migracje do kopii przed podmianą bazy.`,
    );
    result.onlyPendingMigrations = otherProblems === 0;
  }
  return result;
}

/**
 * Checks a backup file without touching it: the file itself (SQLite header, not truncated, no
 * -wal beside it), then a private copy of it: PRAGMA integrity_check and the applied migrations
 * against prisma/migrations.
 */
export async function inspectBackup(file: string, { migrationsDir = MIGRATIONS_DIR } = {}): Promise<BackupInspection> {
  const abs = path.resolve(file);
  const problems = fileProblems(abs);
  if (problems.length > 0) {
    return {
      file: abs,
      sizeBytes: existsSync(abs) ? statSync(abs).size : 0,
      integrityOk: false,
      integrityChecked: false,
      migrations: [],
      missingMigrations: [],
      unknownMigrations: [],
      problems,
      onlyPendingMigrations: false,
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-inspect-"));
  try {
    const copy = path.join(dir, "backup.db");
    copyFileSync(abs, copy);
    return { ...(await inspectInPlace(copy, migrationsDir)), file: abs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- backup

export type BackupResult = {
  /** The new backup file. */
  file: string;
  /** The database it copies. */
  source: string;
  sizeBytes: number;
  migrations: string[];
  durationMs: number;
  /** The attachment files the copy references, copied to `<backup name>-attachments/`. */
  attachments: AttachmentCopy;
};

/** `2026-11-26T09-55-00Z`: an ISO instant in UTC that is a valid file name everywhere. */
export function fileStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z`;
}

/** `name`, or `name-2`, `name-3`… before the extension, whichever does not exist yet. */
function freeName(dir: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? "" : `-${n}`}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Writes `merenti-<UTC time>.db` into `dir` with `VACUUM INTO`: one read transaction, so the
 * copy is a consistent snapshot while the app keeps working. The copy is written under a
 * `.partial` name, flushed, checked with integrity_check and only then given its final name.
 */
export async function backupDatabase({
  databaseUrl,
  dir,
  now = clock.now(),
  attachmentsDir = attachmentsDirOf(databaseUrl, process.env.ATTACHMENTS_DIR?.trim() || undefined),
}: {
  databaseUrl: string;
  dir: string;
  now?: Date;
  /** The live attachments folder (ATTACHMENTS_DIR; by default beside the database). */
  attachmentsDir?: string;
}): Promise<BackupResult> {
  const source = databaseFilePath(databaseUrl);
  const started = Date.now();
  if (!existsSync(source)) throw new BackupError(`Nie ma bazy danych do skopiowania: ${source} nie istnieje.`);
  const headerProblems = fileProblems(source, { live: true });
  if (headerProblems.length > 0) throw new BackupError(`Nie można skopiować bazy: ${headerProblems.join(" ")}`);

  const outDir = path.resolve(dir);
  mkdirSync(outDir, { recursive: true });
  const file = freeName(outDir, `merenti-${fileStamp(now)}`, ".db");
  const partial = `${file}.partial`;
  removeWithSideFiles(partial);

  try {
    const client = open(source);
    try {
      await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await client.execute({ sql: "VACUUM INTO ?", args: [partial] });
    } finally {
      client.close();
    }
  } catch (error) {
    removeWithSideFiles(partial);
    throw new BackupError(`Nie udało się zapisać kopii bazy ${source}: ${messageOf(error)}`);
  }

  try {
    fsyncFile(partial);
    const check = await inspectInPlace(partial, MIGRATIONS_DIR);
    if (!check.integrityOk) {
      throw new BackupError(
        `Kopia bazy ${source} nie przeszła kontroli spójności, więc jej nie zapisano. Baza może być uszkodzona. ${check.problems.join(" ")}`,
      );
    }
    // The files the snapshot references, beside it; the database gets its final name only after them.
    const attachments = await backupAttachmentFiles(partial, file, attachmentsDir);
    renameSync(partial, file);
    fsyncDir(outDir);
    return { file, source, sizeBytes: statSync(file).size, migrations: check.migrations, durationMs: Date.now() - started, attachments };
  } finally {
    removeWithSideFiles(partial);
  }
}

// ---------------------------------------------------------------- restore

export type RestoreResult = {
  /** The database file that now holds the backup's data. */
  target: string;
  /** Where the replaced database was kept; undefined when there was none. */
  previous?: string;
  migrations: string[];
  /** Migrations applied to the copy before it replaced the database (only with applyMigrations). */
  appliedMigrations: string[];
  /** The attachment files the restored database references, put into its attachments folder. */
  attachments: AttachmentCopy;
};

/**
 * Replaces the database DATABASE_URL points at with a backup. The backup is copied next to the
 * target, checked there (integrity, migrations equal to prisma/migrations), optionally brought
 * up to date with `applyMigrations` when its only fault is an older schema, and renamed over the
 * target in one step. The replaced database is kept as `<target>.before-restore-<time>` (with
 * its -wal/-journal if it had any); the target's stale -wal/-shm/-journal are removed. Refused,
 * with the target untouched, when the backup fails a check or the target is open in a process.
 */
export async function restoreDatabase({
  file,
  databaseUrl,
  now = clock.now(),
  applyMigrations,
  migrationsDir = MIGRATIONS_DIR,
  attachmentsDir = attachmentsDirOf(databaseUrl, process.env.ATTACHMENTS_DIR?.trim() || undefined),
}: {
  file: string;
  databaseUrl: string;
  now?: Date;
  /** Runs `prisma migrate deploy` on the given database URL (see scripts/migrate.ts). */
  applyMigrations?: (databaseUrl: string) => void | Promise<void>;
  migrationsDir?: string;
  /** The attachments folder of the restored database (ATTACHMENTS_DIR; by default beside it). */
  attachmentsDir?: string;
}): Promise<RestoreResult> {
  const target = databaseFilePath(databaseUrl);
  const source = path.resolve(file);
  const refuse = (problems: string[]) =>
    new BackupError(`Nie przywrócono kopii ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nBaza ${target} nie została zmieniona.`, problems);

  const sourceProblems = fileProblems(source);
  if (sourceProblems.length > 0) throw refuse(sourceProblems);
  if (existsSync(target) && realpathSync(source) === realpathSync(target)) {
    throw refuse(["Kopia i baza docelowa to ten sam plik."]);
  }
  assertNotOpen(target);

  const targetDir = path.dirname(target);
  mkdirSync(targetDir, { recursive: true });
  const stamp = fileStamp(now);
  const temp = `${target}.restore-${stamp}.tmp`;
  removeWithSideFiles(temp);
  try {
    copyFileSync(source, temp);
    await toRollbackJournal(temp, refuse);
    let check = await inspectInPlace(temp, migrationsDir);
    let appliedMigrations: string[] = [];
    if (check.problems.length > 0) {
      if (!(check.onlyPendingMigrations && applyMigrations)) throw refuse(check.problems);
      try {
        await applyMigrations(pathToFileURL(temp).href);
      } catch (error) {
        throw refuse([`Nie udało się zastosować brakujących migracji do kopii: ${messageOf(error)}`]);
      }
      appliedMigrations = check.missingMigrations;
      await toRollbackJournal(temp, refuse);
      check = await inspectInPlace(temp, migrationsDir);
      if (check.problems.length > 0) throw refuse(check.problems);
    }
    fsyncFile(temp);
    // Add-only (files are named by content): done before the swap, so a failure leaves the database as it was.
    const attachments = await restoreAttachmentFiles(temp, source, attachmentsDir);

    assertNotOpen(target);
    let previous: string | undefined;
    if (existsSync(target)) {
      previous = freeName(targetDir, `${path.basename(target)}.before-restore-${stamp}`, "");
      copyFileSync(target, previous, constants.COPYFILE_EXCL);
      for (const suffix of ["-wal", "-journal"]) {
        if (existsSync(`${target}${suffix}`)) copyFileSync(`${target}${suffix}`, `${previous}${suffix}`);
      }
      fsyncFile(previous);
    }
    // A -wal or -journal left beside the new file would be replayed into it: remove them first.
    for (const suffix of SIDE_SUFFIXES) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temp, target);
    fsyncDir(targetDir);
    return { target, previous, migrations: check.migrations, appliedMigrations, attachments };
  } finally {
    removeWithSideFiles(temp);
  }
}

/**
 * Puts every committed page of `file` into the file itself, with no -wal beside it, so that the
 * rename moves the whole database. (A WAL-mode file would keep writes, e.g. a migration's, in
 * its -wal; the app switches the restored file back to WAL when it opens it.)
 */
async function toRollbackJournal(file: string, refuse: (problems: string[]) => Error) {
  if (!existsSync(`${file}-wal`) && !isWalHeader(file)) return;
  const client = open(file);
  try {
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = await client.execute("PRAGMA journal_mode = DELETE");
    if (String(mode.rows[0]?.[0]).toLowerCase() !== "delete") throw new Error(`journal_mode = ${String(mode.rows[0]?.[0])}`);
  } catch (error) {
    throw refuse([`Nie da się przygotować kopii do podmiany (journal_mode = DELETE): ${messageOf(error)}`]);
  } finally {
    client.close();
  }
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
    throw refuse([`Po przygotowaniu kopii został niepusty plik ${path.basename(file)}-wal; przerwano, żeby nie utracić danych.`]);
  }
}

/** Bytes 18 and 19 of the SQLite header are 2 in WAL mode, 1 in rollback-journal mode. */
function isWalHeader(file: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 || header[19] === 2;
}

/**
 * Refuses to replace a database file a running process holds open (the app would go on
 * writing to the replaced file and lose those writes). Linux only (/proc); a best effort.
 */
function assertNotOpen(target: string) {
  const holders = processesHolding(target);
  if (holders.length === 0) return;
  const list = holders.map((h) => `${h.pid}${h.command ? ` (${h.command})` : ""}`).join(", ");
  throw new BackupError(
    `Baza ${target} jest otwarta przez proces ${list}. Zatrzymaj aplikację (i inne programy używające bazy), ` +
      `a potem przywróć kopię. Baza nie została zmieniona.`,
  );
}

export function processesHolding(file: string): { pid: number; command: string }[] {
  if (process.platform !== "linux" || !existsSync(file)) return [];
  const real = realpathSync(file);
  const found: { pid: number; command: string }[] = [];
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === real;
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\u0000").join(" ").trim().slice(0, 80);
    } catch {
      // the process has just ended
    }
    found.push({ pid: Number(pid), command });
  }
  return found;
}

// ---------------------------------------------------------------- files

function removeWithSideFiles(file: string) {
  for (const suffix of ["", ...SIDE_SUFFIXES]) rmSync(`${file}${suffix}`, { force: true });
}

function fsyncFile(file: string) {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; some platforms cannot fsync a directory, which is harmless there. */
function fsyncDir(dir: string) {
  try {
    fsyncFile(dir);
  } catch {
    // not supported (e.g. Windows)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `564 KB`, `12,3 MB`: a size for the CLI output. */
export { formatFileSize as formatSize } from "#app/domain/attachments";

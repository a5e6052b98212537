// The import screen's dry runs, kept on the server: the uploaded file and its full error list
// wait in a folder beside the database under a random id for STAGING_TTL_MS, so the page only
// carries the id (not the file, which made a 19 MB file a 26.6 MB page) and the first errors;
// applying names the id. Only the user who uploaded a file may apply it or download its errors.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { finished } from "node:stream/promises";
import path from "node:path";
import * as clock from "#app/domain/clock";
import { csvLines, toCsv } from "#app/domain/csv";
import type { Issue } from "#app/domain/historical-csv";
import { SHOWN_ROWS } from "#app/domain/import-form";
import { databaseFilePath } from "#app/utils/backup.server";
import { env } from "#app/utils/env.server";
import { applyImport, type ApplyResult } from "./historical-import.server";
import { planImport, type ImportPlan } from "./historical-import-dry-run.server";

/** How long a dry run can be applied: after that the file must be loaded again. */
export const STAGING_TTL_MS = 60 * 60 * 1000;

export const STAGED_IMPORT_GONE = "Wynik próby wygasł albo plik został już zaimportowany. Wczytaj plik ponownie.";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Meta = { userId: string; fileName: string; createdAt: number };

/** Beside a database file (the same disk, the same backups' exclusions); the system's temporary folder otherwise. */
function stagingDir(): string {
  const url = env().DATABASE_URL;
  if (!url.startsWith("file:")) return path.join(tmpdir(), "merenti-import-staging");
  return path.join(path.dirname(databaseFilePath(url)), "import-staging");
}

const fileOf = (id: string, kind: "meta" | "data" | "errors") =>
  path.join(stagingDir(), `${id}.${kind === "meta" ? "json" : kind === "data" ? "csv" : "errors.csv"}`);

async function remove(id: string): Promise<void> {
  await Promise.all((["data", "errors", "meta"] as const).map((kind) => rm(fileOf(id, kind), { force: true })));
}

/** The dry run's description, when it exists, has not expired and belongs to this user. */
async function metaOf(id: string, userId: string): Promise<Meta | null> {
  if (!ID.test(id)) return null;
  let meta: Meta;
  try {
    meta = JSON.parse(await readFile(fileOf(id, "meta"), "utf8")) as Meta;
  } catch {
    return null;
  }
  if (meta.createdAt + STAGING_TTL_MS <= clock.now().getTime()) {
    await remove(id);
    return null;
  }
  return meta.userId === userId ? meta : null;
}

/** Forgets the dry runs that expired (they are never applied), whoever made them. */
async function sweep(): Promise<void> {
  const names = await readdir(stagingDir()).catch(() => [] as string[]);
  const now = clock.now().getTime();
  for (const name of names) {
    const id = name.replace(/\.json$/, "");
    if (id === name || !ID.test(id)) continue;
    const meta = await readFile(fileOf(id, "meta"), "utf8").then(
      (text) => JSON.parse(text) as Meta,
      () => null,
    );
    if (!meta || meta.createdAt + STAGING_TTL_MS <= now) await remove(id);
  }
}

/** The error list's header, then one line per issue as the dry run finds it (the app's one CSV writer). */
const ERRORS_HEADER = ["wiersz", "kolumna", "błąd"];
const errorCells = (i: Issue) => [i.row ?? "plik", i.column ?? "", i.message];
const errorLine = (i: Issue) => csvLines([errorCells(i)]);

/**
 * The dry run of an uploaded file, kept under a new id for applyStagedImport and its error list
 * for stagedErrorsCsv. The description is written first, so a run cut short is still swept. The
 * plan keeps only what the page shows; every error goes to the file as it is found.
 */
export async function stageDryRun(bytes: Uint8Array, options: { userId: string; fileName: string }): Promise<{ importId: string; plan: ImportPlan }> {
  await sweep();
  const importId = randomUUID();
  await mkdir(stagingDir(), { recursive: true });
  const meta: Meta = { userId: options.userId, fileName: options.fileName, createdAt: clock.now().getTime() };
  await writeFile(fileOf(importId, "meta"), JSON.stringify(meta), { mode: 0o600 });
  await writeFile(fileOf(importId, "data"), bytes, { mode: 0o600 });
  const errors = createWriteStream(fileOf(importId, "errors"), { mode: 0o600 });
  const written = finished(errors);
  // Awaited after planning; until then a failed write (a full disk) must not be an unhandled rejection.
  written.catch(() => undefined);
  errors.write(toCsv(ERRORS_HEADER, []));
  let plan: ImportPlan;
  try {
    plan = await planImport(bytes, { keep: SHOWN_ROWS, onIssue: (issue) => errors.write(errorLine(issue)) });
  } finally {
    errors.end();
  }
  await written;
  // A file that broke off part way is its file problem only, as the page shows it.
  if (plan.fileIssues.length) await writeFile(fileOf(importId, "errors"), toCsv(ERRORS_HEADER, plan.fileIssues.map(errorCells)), { mode: 0o600 });
  return { importId, plan };
}

/**
 * Applies a kept dry run's file (applyImport plans it again inside its transaction). Once
 * applied it is forgotten; a refused one stays, so the user may skip its errors on purpose.
 */
export async function applyStagedImport(
  importId: string,
  options: { userId: string; skipErrors: boolean },
): Promise<(ApplyResult & { fileName: string }) | { kind: "gone" }> {
  const meta = await metaOf(importId, options.userId);
  const bytes = meta && (await readFile(fileOf(importId, "data")).catch(() => null));
  if (!meta || !bytes) return { kind: "gone" };
  const outcome = await applyImport(bytes, { userId: options.userId, fileName: meta.fileName, skipErrors: options.skipErrors, keep: SHOWN_ROWS });
  if (outcome.kind === "applied") await remove(importId);
  return { ...outcome, fileName: meta.fileName };
}

/** Every error of a kept dry run as CSV, or null when it is gone or not this user's. */
export async function stagedErrorsCsv(importId: string, userId: string): Promise<string | null> {
  if (!(await metaOf(importId, userId))) return null;
  return readFile(fileOf(importId, "errors"), "utf8").catch(() => null);
}

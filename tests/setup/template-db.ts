// Builds a migrated database with reference data once, and reuses it until the migrations or
// the reference seed change (the key is a hash of both).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TMP = path.join(ROOT, "tests/.tmp");

function hashOf(files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest("hex").slice(0, 16);
}

function migrationFiles(): string[] {
  const dir = path.join(ROOT, "prisma/migrations");
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Path of a template database: migrated, with reference data, and with demo data if asked. */
export function ensureTemplateDb({ demo }: { demo: boolean }): string {
  mkdirSync(TMP, { recursive: true });
  const inputs = [
    ...migrationFiles(),
    ...["prisma/seed.ts", "prisma/seed/reference.ts", "app/domain/permissions.ts"].map((f) => path.join(ROOT, f)),
    ...(demo ? ["prisma/seed/demo.ts", "prisma/seed/demo-history.csv"].map((f) => path.join(ROOT, f)) : []),
  ];
  const file = path.join(TMP, `template-${demo ? "demo" : "ref"}-${hashOf(inputs)}.db`);
  if (existsSync(file)) return file;
  // Two test runs may build the same template at once (CI runs the awkward-days tests beside
  // `npm test`): each builds its own file and renames it into place, which is atomic.
  const building = `${file}.${process.pid}.building`;
  const env = { ...process.env, DATABASE_URL: `file:${building}`, SEED_DEMO_DATA: demo ? "true" : "false" };
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: ROOT, env, stdio: "pipe" });
  renameSync(building, file);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${building}${suffix}`, { force: true });
  return file;
}

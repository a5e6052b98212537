// Each test file gets its own copy of the template database, so files run in parallel
// without seeing each other's rows.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { TMP } from "./template-db";

mkdirSync(path.join(TMP, "runs"), { recursive: true });
const file = path.join(TMP, "runs", `${randomUUID()}.db`);
copyFileSync(inject("templateDb"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "integration-tests-session-secret-0123456789";

afterAll(async () => {
  // Files of a single-fork project share one process (and globalThis): the next file must not
  // reuse this file's client, whose database is removed below.
  const { closeDb } = await import("#app/utils/db.server");
  await closeDb();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  // The attachments folder beside the database (app/utils/attachment-files.server.ts).
  rmSync(file.replace(/\.db$/, "-attachments"), { recursive: true, force: true });
});

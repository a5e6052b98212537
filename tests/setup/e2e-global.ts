// The browser tests run against the real built app: build it, give it a fresh copy of the demo
// database, start the production server (scripts/server.ts: security headers, CSRF check) on a
// free port, and hand the address to the test files.
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, startAppServer, type AppServer } from "./app-server";
import { CHROMIUM_PATH } from "./chromium";
import { ensureTemplateDb, TMP } from "./template-db";

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
      throw new Error(`Chromium not installed at ${CHROMIUM_PATH}: the CI job must run "apt-get install -y chromium" before the tests.`);
    }
    console.warn("\n[e2e] Chromium not installed: apt-get install chromium. Browser tests are skipped.\n");
    project.provide("chromiumMissing", true);
    project.provide("baseURL", "");
    project.provide("databaseFile", "");
    return;
  }

  buildApp();

  mkdirSync(TMP, { recursive: true });
  const dbFile = path.join(TMP, `e2e-${randomUUID()}.db`);
  copyFileSync(ensureTemplateDb({ demo: true }), dbFile);
  const removeDb = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${dbFile}${suffix}`, { force: true });
  };

  let server: AppServer | undefined;
  try {
    // TRUST_PROXY: as behind a reverse proxy on this machine: tests/e2e/security.test.ts checks
    // HSTS and the CSRF check with X-Forwarded-* headers (browsers send none, so nothing else changes).
    server = await startAppServer(dbFile, { TRUST_PROXY: "loopback" });
    project.provide("chromiumMissing", false);
    project.provide("baseURL", server.baseURL);
    project.provide("databaseFile", dbFile);
  } catch (error) {
    removeDb();
    throw error;
  }

  return async () => {
    await server?.stop();
    removeDb();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumMissing: boolean;
    /** The SQLite file the server under test uses (to check what a request wrote, or did not). */
    databaseFile: string;
  }
}

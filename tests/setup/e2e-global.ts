// The browser tests run against the real built app: build it once and prepare the demo template
// database. Each test file then gets its own server over its own copy (tests/setup/e2e-file.ts),
// so no file sees what another changed, whatever the order.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH } from "./chromium";
import { ensureTemplateDb, ROOT } from "./template-db";

export default function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI && process.env.CI !== "false" && process.env.CI !== "0") {
      throw new Error(`Chromium not installed at ${CHROMIUM_PATH}: the CI job must run "apt-get install -y chromium" before the tests.`);
    }
    console.warn("\n[e2e] Chromium not installed: apt-get install chromium. Browser tests are skipped.\n");
    project.provide("chromiumMissing", true);
    project.provide("demoTemplateDb", "");
    return;
  }

  try {
    // NODE_ENV=production: vitest sets "test", with which Vite would bundle React's development build.
    execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`remix vite:build failed:\n${stdout?.toString() ?? ""}${stderr?.toString() ?? ""}`);
  }
  project.provide("chromiumMissing", false);
  project.provide("demoTemplateDb", ensureTemplateDb({ demo: true }));
}

declare module "vitest" {
  export interface ProvidedContext {
    chromiumMissing: boolean;
    /** The migrated database with reference and demo data that each browser test file copies. */
    demoTemplateDb: string;
  }
}

// The fault tests (tests/faults) start their own servers of the built app, each on its own copy
// of the demo database, since they hold locks, kill processes and count open files: build the
// app once (shared with the browser tests) and hand over the demo template.
import type { TestProject } from "vitest/node";
import { buildApp } from "./app-server";
import { ensureTemplateDb } from "./template-db";

export default function setup(project: TestProject) {
  buildApp();
  project.provide("demoTemplateDb", ensureTemplateDb({ demo: true }));
}

// ProvidedContext.demoTemplateDb is declared in tests/setup/e2e-global.ts.

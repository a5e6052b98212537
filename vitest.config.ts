import { defineConfig } from "vitest/config";

// Projects: unit (domain, no I/O), integration (models, loaders and actions on a real
// SQLite file copied from a migrated template), faults (issue 15's reproductions, set up like
// integration), e2e (the built app in Debian's Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // The property tests walk large spaces (every code point); a busy CI machine must not fail them.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Reported faults (issue 15): each reproduced against real loaders, actions and SQLite files.
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/e2e-global.ts"],
          setupFiles: ["tests/setup/e2e-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One browser at a time: the machine has two cores and the server needs one.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});

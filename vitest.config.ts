import { defineConfig, type TestProjectConfiguration } from "vitest/config";

// Projects: unit (domain, no I/O), integration (models, loaders and actions on a real
// SQLite file copied from a migrated template), faults (issue 15's reproductions, set up like
// integration), e2e (the built app in Debian's Chromium).
// Fault tests that need the built app's server (abandoned requests, a held write lock, open files).
const SERVER_FAULTS = [
  "tests/faults/abandoned-requests.test.ts",
  "tests/faults/connections.test.ts",
  "tests/faults/write-lock.test.ts",
  "tests/faults/download-headers.test.ts",
  "tests/faults/sign-in-flood-server.test.ts",
];

// Fault tests that measure answer times (the lockout's equal timing, a flood's effect on other
// pages): one file at a time, after the others. The rest run beside the integration files.
const TIMED_FAULTS = ["tests/faults/sign-in.test.ts", "tests/faults/sign-in-flood.test.ts"];

export const unitProject = {
  test: {
    name: "unit",
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // The property tests walk large spaces (every code point); a busy CI machine must not fail them.
    testTimeout: 20_000,
  },
} satisfies TestProjectConfiguration;

export const integrationProject = {
  test: {
    name: "integration",
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/integration-global.ts"],
    setupFiles: ["tests/setup/integration-db.ts"],
    // Documents print a public address (issue 16): a local one is refused outside demo data;
    // tests/integration/public-address.test.ts sets a local one to see the refusal.
    env: { PUBLIC_BASE_URL: "https://merenti.test.krakow.pl" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
} satisfies TestProjectConfiguration;

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker: unit and integration files use both.
    maxWorkers: 2,
    projects: [
      unitProject,
      integrationProject,
      {
        // Reported faults (issue 15): each reproduced against real loaders, actions and SQLite files.
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          // These start servers of the built app (the faults-server project below) or measure time.
          exclude: [...SERVER_FAULTS, ...TIMED_FAULTS],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "faults-timed",
          include: TIMED_FAULTS,
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time, after the unit and integration files: the flood and lockout
          // tests measure latency, which a neighbouring file would distort.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
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
      {
        test: {
          name: "faults-server",
          include: SERVER_FAULTS,
          environment: "node",
          globalSetup: ["tests/setup/faults-global.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One server at a time: each test measures its own server's time, files and memory.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});

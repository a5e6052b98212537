import { defineConfig } from "vitest/config";
import { integrationProject, unitProject } from "./vitest.config";

// The date-sensitive tests once per awkward day, in one run (scripts/test-awkward-days.sh):
// month ends, a leap day, both DST Sundays, the turn of the year. Each day is a pair of projects
// whose workers start with MERENTI_TODAY set (app/domain/clock.ts reads it once per process, and
// every test file runs in a fresh process). The script narrows the unit tests to those that
// import the clock, through `vitest related`.
export const AWKWARD_DAYS = ["2027-01-31", "2028-02-29", "2027-03-28", "2027-10-31", "2027-12-31", "2028-01-01"];

/** Integration files whose expectations move with the date (deadlines, boards, retention). */
const DATED_INTEGRATION_FILES = [
  "tests/integration/honoris-gratia.test.ts",
  "tests/integration/deadlines.test.ts",
  "tests/integration/board.test.ts",
  "tests/integration/retention.test.ts",
];

const days = process.env.AWKWARD_DAYS ? process.env.AWKWARD_DAYS.split(/[ ,]+/).filter(Boolean) : AWKWARD_DAYS;

/**
 * CI runs these at the lowest priority beside `npm test` (.ci/run), where a test may wait minutes
 * for a core while the integration files hold both: it waits, it does not time out.
 */
const PATIENT = { testTimeout: 300_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    projects: days.flatMap((day) => [
      { test: { ...unitProject.test, ...PATIENT, name: `unit ${day}`, env: { MERENTI_TODAY: day } } },
      {
        test: {
          ...integrationProject.test,
          ...PATIENT,
          name: `integration ${day}`,
          include: DATED_INTEGRATION_FILES,
          env: { ...integrationProject.test.env, MERENTI_TODAY: day },
        },
      },
    ]),
  },
});

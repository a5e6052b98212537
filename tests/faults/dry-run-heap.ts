// The child process of import-memory.test.ts: the import screen's dry run (stageDryRun) of the
// file named on the command line and, with `apply`, its „Importuj” with errors skipped
// (applyStagedImport), as the user whose id is given, in whatever heap the parent gave it;
// prints what the page gets.
import { readFileSync } from "node:fs";
import { applyStagedImport, stageDryRun } from "#app/models/import-staging.server";
import { closeDb } from "#app/utils/db.server";

const [file, step, userId] = process.argv.slice(2) as [string, string, string];
const { importId, plan } = await stageDryRun(readFileSync(file), { userId, fileName: "duzy.csv" });
const applied = step === "apply" ? await applyStagedImport(importId, { userId, skipErrors: true }) : null;
console.log(
  JSON.stringify({
    importId,
    counts: plan.counts,
    issueCount: plan.issueCount,
    rows: plan.rows.length,
    issues: plan.issues.length,
    applied: applied && { kind: applied.kind, ...("created" in applied ? { created: applied.created, skipped: applied.skipped } : {}) },
  }),
);
await closeDb();

// The child process of import-memory.test.ts: the import screen's dry run (stageDryRun) of the
// file named on the command line, in whatever heap the parent gave it; prints what the page gets.
import { readFileSync } from "node:fs";
import { stageDryRun } from "#app/models/import-staging.server";
import { closeDb } from "#app/utils/db.server";

const bytes = readFileSync(process.argv[2]!);
const { importId, plan } = await stageDryRun(bytes, { userId: "memory-test", fileName: "duzy.csv" });
console.log(JSON.stringify({ importId, counts: plan.counts, issueCount: plan.issueCount, rows: plan.rows.length, issues: plan.issues.length }));
await closeDb();

// Issue 15, item 14, "keep memory bounded": a 19 MB file's dry run took the server to 1.46 GB.
// The plan held every row (its record, label and issues, about 1.2 KB each) and the file as one
// decoded string, so the live heap grew with the file: 123 000 rows needed more than 192 MB of
// heap. Applying held every row to create and every row written, and needed more than 192 MB
// for 30 000 rows (more than 512 MB for 123 000). Now the file is read a batch at a time, only
// its keys are kept, and „Importuj” writes each batch as it is planned, so both complete in a
// 128 MB heap: a process given that limit (V8's --max-old-space-size) dies „JavaScript heap out
// of memory” unless the import's memory stays bounded. The two run at once, each in its own
// process: neither measures time.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { historicalCsv, historicalRecords } from "../../bench/lib/historical-csv";
import { signInAs } from "#tests/integration/helpers";
import { ROOT, TMP } from "../setup/template-db";

const ROWS = 123_000;
const APPLY_ROWS = 30_000;
const TAG = `[import-memory-${randomUUID().slice(0, 8)}]`;
const HEAP_MB = 128;

mkdirSync(TMP, { recursive: true });
const dryRunFile = path.join(TMP, `import-memory-${randomUUID()}.csv`);
const applyFile = path.join(TMP, `import-memory-apply-${randomUUID()}.csv`);
afterAll(() => [dryRunFile, applyFile].forEach((file) => rmSync(file, { force: true })));

type Answer = {
  importId: string;
  counts: { rows: number; create: number; error: number };
  issueCount: number;
  rows: number;
  issues: number;
  applied: { kind: string; created?: number; skipped?: number } | null;
};

/** The screen's dry run (and with `apply`, its „Importuj”) in a child process with a small heap: how it ended and what it printed. */
function inSmallHeap(file: string, step: "dry-run" | "apply", userId: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", path.join(ROOT, "tests/faults/dry-run-heap.ts"), file, step, userId],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return new Promise((resolve) => child.once("close", (status) => resolve({ status, stdout, stderr })));
}

/** What the child printed, once it is known to have finished well. */
async function answerOf(run: ReturnType<typeof inSmallHeap>): Promise<Answer> {
  const { status, stdout, stderr } = await run;
  expect(stderr).not.toMatch(/heap out of memory/);
  expect(status, stderr.slice(-2000)).toBe(0);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Answer;
}

const database = createClient({ url: process.env.DATABASE_URL! });
const appliedCount = async () => Number((await database.execute(`SELECT count(*) FROM Conferral WHERE citation LIKE '%${TAG}%'`)).rows[0]![0]);
let dryRun: ReturnType<typeof inSmallHeap>;
let apply: ReturnType<typeof inSmallHeap>;
let appliedBefore = 0;

beforeAll(async () => {
  // Every other row wrong in its last cell: half the rows are planned against the register and
  // the rest of the file, half have an issue to keep or to write out.
  const text = historicalCsv(historicalRecords(ROWS))
    .toString("utf8")
    .split("\r\n")
    .map((line, i) => (i % 2 === 0 || line === "" ? line : `${line}x`))
    .join("\r\n");
  writeFileSync(dryRunFile, text);
  expect(Buffer.byteLength(text)).toBeGreaterThan(19 * 1024 * 1024);
  writeFileSync(applyFile, historicalCsv(historicalRecords(APPLY_ROWS, { citationTag: TAG })));
  appliedBefore = await appliedCount();
  const { userId } = await signInAs("ADMIN");
  dryRun = inSmallHeap(dryRunFile, "dry-run", userId);
  apply = inSmallHeap(applyFile, "apply", userId);
});
afterAll(() => database.close());

describe("the memory of a large import", () => {
  test(`a 19 MB file's dry run completes in a ${HEAP_MB} MB heap, and its full error list is on disk`, { timeout: 180_000 }, async () => {
    const answer = await answerOf(dryRun);
    expect(answer.counts.rows).toBe(ROWS);
    expect(answer.counts.error).toBeGreaterThanOrEqual(ROWS / 2);
    expect(answer.issueCount).toBeGreaterThanOrEqual(ROWS / 2);
    // The page's share is bounded; the whole list went to the download, one line per issue.
    expect(answer.rows).toBeLessThanOrEqual(200);
    expect(answer.issues).toBeLessThanOrEqual(200);
    const staged = path.join(path.dirname(process.env.DATABASE_URL!.slice("file:".length)), "import-staging", answer.importId);
    const errors = readFileSync(`${staged}.errors.csv`, "utf8");
    for (const suffix of [".json", ".csv", ".errors.csv"]) rmSync(`${staged}${suffix}`, { force: true });
    expect(errors.split("\r\n").filter(Boolean)).toHaveLength(answer.issueCount + 1);
  });

  test(`applying a 30 000-row file through the screen, its errors skipped, completes in a ${HEAP_MB} MB heap`, { timeout: 180_000 }, async () => {
    const answer = await answerOf(apply);
    expect(answer.applied).toMatchObject({ kind: "applied", skipped: answer.counts.error });
    expect(answer.applied!.created).toBe(answer.counts.create);
    expect(answer.counts.create).toBeGreaterThan(APPLY_ROWS / 2);
    expect((await appliedCount()) - appliedBefore).toBe(answer.counts.create);
  });
});

// Issue 15, item 14, "keep memory bounded": a 19 MB file's dry run took the server to 1.46 GB.
// The plan held every row (its record, label and issues, about 1.2 KB each) and the file as one
// decoded string, so the live heap grew with the file: 123 000 rows needed more than 192 MB of
// heap. Now the file is read twice a batch at a time and only its keys are kept, so the same dry
// run completes in a 128 MB heap: a process given that limit (V8's --max-old-space-size) dies
// „JavaScript heap out of memory” unless the dry run's memory stays bounded.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { historicalCsv, historicalRecords } from "../../bench/lib/historical-csv";
import { ROOT, TMP } from "../setup/template-db";

const ROWS = 123_000;
const HEAP_MB = 128;

mkdirSync(TMP, { recursive: true });
const csvFile = path.join(TMP, `import-memory-${randomUUID()}.csv`);
afterAll(() => rmSync(csvFile, { force: true }));

describe("the dry run of a large import", () => {
  test(`a 19 MB file's dry run completes in a ${HEAP_MB} MB heap, and its full error list is on disk`, { timeout: 180_000 }, () => {
    // Every other row wrong in its last cell: half the rows are planned against the register and
    // the rest of the file, half have an issue to keep or to write out.
    const text = historicalCsv(historicalRecords(ROWS))
      .toString("utf8")
      .split("\r\n")
      .map((line, i) => (i % 2 === 0 || line === "" ? line : `${line}x`))
      .join("\r\n");
    writeFileSync(csvFile, text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(19 * 1024 * 1024);

    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", path.join(ROOT, "tests/faults/dry-run-heap.ts"), csvFile],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        encoding: "utf8",
        maxBuffer: 1024 * 1024,
      },
    );
    expect(child.stderr).not.toMatch(/heap out of memory/);
    expect(child.status, child.stderr.slice(-2000)).toBe(0);
    const answer = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      importId: string;
      counts: { rows: number; error: number };
      issueCount: number;
      rows: number;
      issues: number;
    };
    expect(answer.counts.rows).toBe(ROWS);
    expect(answer.counts.error).toBeGreaterThanOrEqual(ROWS / 2);
    expect(answer.issueCount).toBeGreaterThanOrEqual(ROWS / 2);
    // The page's share is bounded; the whole list went to the download, one line per issue.
    expect(answer.rows).toBeLessThanOrEqual(200);
    expect(answer.issues).toBeLessThanOrEqual(200);
    const errors = readFileSync(
      path.join(path.dirname(process.env.DATABASE_URL!.slice("file:".length)), "import-staging", `${answer.importId}.errors.csv`),
      "utf8",
    );
    expect(errors.split("\r\n").filter(Boolean)).toHaveLength(answer.issueCount + 1);
  });
});

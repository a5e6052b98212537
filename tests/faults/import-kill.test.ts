// Issue 15, tests and CI: `kill -9` in the middle of `npm run import -- plik.csv --apply`. The
// import writes in one transaction, so a process killed inside it leaves the database as it was
// before (SQLite rolls the transaction back from its write-ahead log when it is next opened):
// no half-imported batch, the file is whole, and running the import again imports everything.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createClient, type Client } from "@libsql/client";
import { afterAll, describe, expect, test } from "vitest";
import { historicalCsv, historicalRecords } from "../../bench/lib/historical-csv";
import { ROOT, TMP } from "../setup/template-db";

const ROWS = 20_000;
const TAG = `[kill-9-${randomUUID().slice(0, 8)}]`;

mkdirSync(TMP, { recursive: true });
const csvFile = path.join(TMP, `import-kill-${randomUUID()}.csv`);
writeFileSync(csvFile, historicalCsv(historicalRecords(ROWS, { citationTag: TAG })));
afterAll(() => rmSync(csvFile, { force: true }));

// The test file's own copy of the template database (tests/setup/integration-db.ts).
const databaseUrl = process.env.DATABASE_URL!;

function runImport(): { child: ChildProcess; output: string[]; exited: Promise<number | null> } {
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/import-history.ts"), csvFile, "--apply"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { child, output, exited };
}

const walSize = () => {
  try {
    return statSync(`${databaseUrl.slice("file:".length)}-wal`).size;
  } catch {
    return 0;
  }
};

/** Whether another process holds SQLite's write lock now (the import inside its transaction). */
async function writeLockTaken(probe: Client): Promise<boolean> {
  try {
    await probe.executeMultiple("BEGIN IMMEDIATE; ROLLBACK");
    return false;
  } catch (error) {
    if (/SQLITE_BUSY|database is locked/.test(String(error))) return true;
    throw error;
  }
}

async function state(client: Client) {
  const one = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
  return {
    conferrals: await one(`SELECT count(*) FROM Conferral`),
    tagged: await one(`SELECT count(*) FROM Conferral WHERE citation LIKE '%${TAG}%'`),
    candidates: await one(`SELECT count(*) FROM Candidate`),
    resolutions: await one(`SELECT count(*) FROM Resolution`),
    imports: await one(`SELECT count(*) FROM AuditEvent WHERE entityType = 'HistoricalImport'`),
  };
}

describe("kill -9 in the middle of an import", () => {
  test("leaves no half-imported batch, and a second run imports the whole file", { timeout: 240_000 }, async () => {
    const client = createClient({ url: databaseUrl });
    await client.execute("PRAGMA busy_timeout = 10000");
    const probe = createClient({ url: databaseUrl });
    await probe.execute("PRAGMA busy_timeout = 0");
    const before = await state(client);

    const first = runImport();
    // Killed once it is inside its transaction: it holds the write lock, and has begun writing.
    const deadline = Date.now() + 180_000;
    while (!(await writeLockTaken(probe))) {
      if (first.child.exitCode !== null || Date.now() > deadline) throw new Error(`The import ended before it could be killed:\n${first.output.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Then until its rows reach the write-ahead log (uncommitted pages spill there), 5 s at most.
    const walAtLock = walSize();
    for (let waited = 0; walSize() <= walAtLock && waited < 5_000 && first.child.exitCode === null; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    await first.exited;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(first.output.join("")).not.toMatch(/Zaimportowano/);

    // As before the run: nothing of the file, the file whole, the lock free.
    const integrity = await client.execute("PRAGMA integrity_check");
    expect(integrity.rows[0]![0]).toBe("ok");
    expect(await state(client)).toEqual(before);
    expect(await writeLockTaken(probe)).toBe(false);

    const second = runImport();
    expect(await second.exited, second.output.join("")).toBe(0);
    expect(second.output.join("")).toMatch(/Zaimportowano: /);
    const after = await state(client);
    expect(after.tagged).toBe(ROWS);
    expect(after.conferrals).toBe(before.conferrals + ROWS);
    expect(after.imports).toBe(before.imports + 1);
    probe.close();
    client.close();
  });
});

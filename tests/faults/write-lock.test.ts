// Issue 15, fault 2: another process (a CLI import, a retention run, a backup tool) holds
// SQLite's write lock for 15 s. The server must keep serving reads at once, answer writes 503
// „Baza danych jest zajęta” with nothing written, and serve writes again within 1 s of the
// lock's release, without a restart and without keeping the lock itself.
import { spawn } from "node:child_process";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../setup/template-db";
import { editSettingNote, openDatabase, settingRows, signIn, startFaultServer } from "./helpers";

const HOLD_MS = 15_000;

const server = await startFaultServer();
const database = openDatabase(server);
afterAll(() => database.close());

/**
 * Another process that takes the write lock (BEGIN IMMEDIATE), holds it HOLD_MS, then lets it go.
 * `released` resolves with the moment it said so, read from its output (not from its exit: Node
 * may report the exit before the output that came first, and the time would then be lost).
 */
function holdWriteLock(): Promise<{ released: Promise<number>; exited: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { createClient } from "@libsql/client";
       const c = createClient({ url: process.env.TARGET_URL });
       await c.execute("PRAGMA busy_timeout = 10000");
       await c.execute("BEGIN IMMEDIATE");
       await c.execute("UPDATE DatedSetting SET note = note WHERE 0");
       console.log("locked");
       setTimeout(async () => { await c.execute("ROLLBACK"); c.close(); console.log("released"); }, ${HOLD_MS});`,
    ],
    { cwd: ROOT, env: { ...process.env, TARGET_URL: server.databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("close", () => done()));
  return new Promise((resolve, reject) => {
    let said = "";
    let markReleased: (at: number) => void = () => undefined;
    const released = new Promise<number>((done, fail) => {
      markReleased = done;
      void exited.then(() => fail(new Error("the lock holder ended without releasing the lock")));
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("released")) markReleased(performance.now());
      else if (said.includes("locked")) resolve({ released, exited });
    });
    void exited.then(() => reject(new Error(`the lock holder exited (${child.exitCode}) before locking`)));
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe("a write lock held by another process", () => {
  test("503 while it is held, reads served at once, nothing half-written", async () => {
    const cookie = await signIn(server.baseURL);
    const [row] = await settingRows(database, 1);
    const warmUp = await editSettingNote(server, cookie, row!, "przed blokadą");
    expect(warmUp.status).toBe(302);
    row!.version++;

    const lock = await holdWriteLock();
    const lockedAt = performance.now();

    const publicPage = await timed(async () => (await fetch(`${server.baseURL}/rejestr?during=lock`)).status);
    expect(publicPage.value).toBe(200);
    expect(publicPage.ms).toBeLessThan(1_000);
    const staffPage = await timed(async () => (await fetch(`${server.baseURL}/admin/settings`, { headers: { Cookie: cookie } })).status);
    expect(staffPage.value).toBe(200);
    expect(staffPage.ms).toBeLessThan(1_000);

    const write = await timed(async () => {
      const res = await editSettingNote(server, cookie, row!, "w czasie blokady");
      return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text() };
    });
    expect(write.value.status).toBe(503);
    expect(write.value.retryAfter).toMatch(/^\d+$/);
    expect(write.value.body).toContain("Baza danych jest zajęta, spróbuj za chwilę");
    expect(write.ms).toBeLessThan(8_000);
    // A second write meanwhile: the same answer, not a 500 of a wedged connection.
    expect((await editSettingNote(server, cookie, row!, "znowu w czasie blokady")).status).toBe(503);
    expect(performance.now() - lockedAt).toBeLessThan(HOLD_MS);
    // Nothing half-written: the row and the audit log are as before the lock.
    const unchanged = await database.execute({ sql: "SELECT note FROM DatedSetting WHERE id = ?", args: [row!.id] });
    expect(unchanged.rows[0]).toMatchObject({ note: "przed blokadą" });
    const audited = await database.execute("SELECT count(*) AS n FROM AuditEvent WHERE \"after\" LIKE '%w czasie blokady%'");
    expect(Number(audited.rows[0]!.n)).toBe(0);

    await lock.released;
    await lock.exited;
  });

  test("writes are served again within 1 s of the release, and the server does not keep the lock", async () => {
    const cookie = await signIn(server.baseURL);
    const [row] = await settingRows(database, 1);
    const lock = await holdWriteLock();
    // A write refused while the lock is held: SQLite leaves the refused statement active on the
    // server's connection until it is finalised, which made every later COMMIT there fail and
    // keep the lock (seen in half the runs, as the garbage collector came or not).
    expect((await editSettingNote(server, cookie, row!, "w czasie blokady")).status).toBe(503);
    const releasedAt = await lock.released;
    const after = await editSettingNote(server, cookie, row!, "po blokadzie");
    const answeredAfterMs = performance.now() - releasedAt;
    expect(after.status, await after.text()).toBe(302);
    expect(answeredAfterMs).toBeLessThan(1_000);
    const stored = await database.execute({ sql: "SELECT note, version FROM DatedSetting WHERE id = ?", args: [row!.id] });
    expect(stored.rows[0]).toMatchObject({ note: "po blokadzie", version: row!.version + 1 });

    // Signing in (another write) works as well.
    await signIn(server.baseURL);
    await lock.exited;

    // The server does not keep the lock: another process can take it at once.
    const other = createClient({ url: server.databaseUrl });
    await other.execute("PRAGMA busy_timeout = 0");
    await other.execute("BEGIN IMMEDIATE");
    await other.execute("ROLLBACK");
    other.close();
  });
});

// Starts the production server (scripts/server.ts: security headers, CSRF check, page cache) on a
// free port over a fresh copy of a template database, for the browser tests, the fault tests and
// anything else that needs the real app on HTTP. The app must be built first (buildApp).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { sourceFingerprint } from "../../scripts/source-fingerprint";
import { ROOT, TMP } from "./template-db";

const START_TIMEOUT_MS = 60_000;
/** A fixed test secret (40 characters) for signing session cookies. */
const SESSION_SECRET = "e2e-session-secret-0123456789abcdefghijk";

/**
 * `remix vite:build`, unless build/ was made from these very sources: the browser tests and the
 * fault tests (each project's global setup calls it) share one build.
 */
export function buildApp(): void {
  const stamp = path.join(ROOT, "build/.test-source-fingerprint");
  const fingerprint = sourceFingerprint(ROOT);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  try {
    // NODE_ENV=production: vitest sets "test", with which Vite would bundle React's development build.
    execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`remix vite:build failed:\n${stdout?.toString() ?? ""}${stderr?.toString() ?? ""}`);
  }
  writeFileSync(stamp, fingerprint);
}

export type AppServer = {
  baseURL: string;
  /** The SQLite file the server uses (to check what a request wrote, or did not). */
  databaseFile: string;
  /** The server's process id (the fault tests read its open files and memory in /proc). */
  pid: number;
  /** Everything the server printed so far. */
  output: string[];
  stop(): Promise<void>;
};

export async function startAppServer({ templateDb, env = {} }: { templateDb: string; env?: Record<string, string> }): Promise<AppServer> {
  mkdirSync(TMP, { recursive: true });
  const databaseFile = path.join(TMP, `app-${randomUUID()}.db`);
  copyFileSync(templateDb, databaseFile);
  const removeDb = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
    rmSync(databaseFile.replace(/\.db$/, "-attachments"), { recursive: true, force: true });
  };
  let server: ChildProcess | undefined;
  try {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const output: string[] = [];
    server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `file:${databaseFile}`,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        SESSION_SECRET,
        // As behind a reverse proxy on this machine: tests/e2e/security.test.ts checks HSTS and
        // the CSRF check with X-Forwarded-* headers (browsers send none, so nothing else changes).
        TRUST_PROXY: "loopback",
        // A public (not local) address, or real diplomas and calendar links are refused (issue
        // 16); plain http, so the session cookie is not marked Secure on this http server.
        PUBLIC_BASE_URL: "http://merenti.e2e.test",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await waitForServer(baseURL, server, output);
    const running = server;
    return {
      baseURL,
      databaseFile,
      pid: running.pid!,
      output,
      async stop() {
        await stop(running);
        removeDb();
      },
    };
  } catch (error) {
    await stop(server);
    removeDb();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      if (address === null || typeof address === "string") return reject(new Error("No port assigned"));
      probe.close(() => resolve(address.port));
    });
  });
}

async function waitForServer(baseURL: string, server: ChildProcess, output: string[]) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The server exited (${server.exitCode ?? server.signalCode}) before answering.\nServer output:\n${output.join("")}`);
    }
    try {
      const res = await fetch(`${baseURL}/`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer 200 at ${baseURL}/ within ${START_TIMEOUT_MS / 1000} s (last: ${last}).\nServer output:\n${output.join("")}`);
}

async function stop(server: ChildProcess | undefined) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

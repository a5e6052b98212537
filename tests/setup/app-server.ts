// The built app in a server process of its own, for the tests that need real HTTP: the browser
// tests (tests/setup/e2e-global.ts) and the fault tests (tests/faults). The build is made once
// and reused while the sources are unchanged (both projects' setups call buildApp).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { sourceFingerprint } from "../../scripts/source-fingerprint";
import { ROOT } from "./template-db";

const START_TIMEOUT_MS = 30_000;
/** A fixed test secret (40 characters) for signing session cookies. */
export const TEST_SESSION_SECRET = "e2e-session-secret-0123456789abcdefghijk";

/** `remix vite:build`, unless build/ was made from these very sources. */
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
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: string[];
  stop: () => Promise<void>;
};

/** scripts/server.ts on a free port of 127.0.0.1 over the given database file; resolves once it answers. */
export async function startAppServer(databaseFile: string, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SESSION_SECRET: TEST_SESSION_SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const stop = () => stopProcess(server);
  try {
    await waitForServer(baseURL, server, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, process: server, output, stop };
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
  throw new Error(
    `The server did not answer 200 at ${baseURL}/ within ${START_TIMEOUT_MS / 1000} s (last: ${last}).\nServer output:\n${output.join("")}`,
  );
}

async function stopProcess(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

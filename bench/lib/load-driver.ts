// What the load suites share (registry, registry-load, sign-in-flood): the production server
// (scripts/server.ts) on a free port over the benchmark database, a signed-in staff session, a
// latency probe of one page in its own process, and autocannon runs summarised.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import autocannon, { type Options, type Result } from "autocannon";
import { ROOT } from "./dataset";
import { formatMs, percentile } from "./measure";

// Set before anything reads the environment: the sessions made here and the servers started
// here must sign cookies with the same secret.
process.env.SESSION_SECRET ??= "benchmark-session-secret-0123456789abcdef";

export type BenchServer = { base: string; /** The server's process id (its memory in /proc). */ pid: number; stop(): Promise<void> };

/** The built app's production server on 127.0.0.1, once `readyPath` answers 200. */
export async function startBenchServer({ readyPath, env = {} }: { readyPath: string; env?: Record<string, string> }): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", SEED_DEMO_DATA: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}${readyPath}`, server);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return { base, pid: server.pid!, stop: () => stop(server) };
}

/** A session cookie of a new user with `roleKey`, made in the benchmark database. */
export async function staffSessionCookie(roleKey: string, label: string): Promise<string> {
  const { createUser } = await import("../../app/models/user.server.ts");
  const { db } = await import("../../app/utils/db.server.ts");
  const { commitSessionId, SESSION_TTL_MS } = await import("../../app/utils/session.server.ts");
  const user = await createUser(
    { email: `bench-${label}-${Date.now()}@bench.example`, name: "Benchmark", password: "benchmark-password", roleKeys: [roleKey] },
    { userId: null },
  );
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return (await commitSessionId(session.id)).split(";")[0]!;
}

/**
 * Requests `url` in turn for about `seconds` from its own process (bench/lib/latency-probe.ts),
 * so the load generator's event loop does not delay it; `done` gives the sorted latencies.
 */
export function latencyProbe(url: string, seconds: number, cookie: string): { done: Promise<number[]> } {
  const probe = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/lib/latency-probe.ts"), url, String(Math.max(1, seconds - 2))], {
    cwd: ROOT,
    env: { ...process.env, PROBE_COOKIE: cookie },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  probe.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<number[]>((resolve, reject) =>
    probe.once("exit", (code) =>
      code === 0 ? resolve((JSON.parse(out) as number[]).sort((a, b) => a - b)) : reject(new Error(`latency probe exited ${code}`)),
    ),
  );
  return { done };
}

export type LoadResult = Result & { statuses: Record<string, number>; errorCount: number };

/** An autocannon run, its answers counted by status; one line of figures printed. */
export async function runLoad(label: string, options: Options): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const instance = autocannon(options);
  instance.on("response", (_client: unknown, status: number) => (statuses[status] = (statuses[status] ?? 0) + 1));
  const result = await instance;
  const errorCount = result.errors + result.timeouts + result.non2xx;
  console.log(
    `  ${label}: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}, statuses ${JSON.stringify(statuses)}`,
  );
  return { ...result, statuses, errorCount };
}

export function describeProbe(label: string, samples: readonly number[]): void {
  console.log(`  ${label}: ${samples.length} requests, p50 ${formatMs(percentile(samples, 50))} ms, p95 ${formatMs(percentile(samples, 95))} ms`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      if (address === null || typeof address === "string") return reject(new Error("no port"));
      probe.close(() => resolve(address.port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

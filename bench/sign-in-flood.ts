// A staff page (/nominations?q=nowak) while 20 connections post wrong passwords to /login on the
// production server (scripts/server.ts) over the benchmark register (bench/lib/dataset.ts):
// once from one address (the per-address limit answers 429 without hashing), once from 20
// addresses through a trusted proxy's X-Forwarded-For (every attempt needs a password hash, and
// at most cores-1 hashes run at once). Issue 15, item 5: the page's median was 6.5 s before.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import { benchDataset, ROOT } from "./lib/dataset";
import { figureOf, formatMs, percentile, printFigures, type Figure, type SuiteReport } from "./lib/measure";

const STAFF_P95_TARGET_MS = 200;
const FLOOD_CONNECTIONS = 20;
const FLOOD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS) > 0 ? Number(process.env.BENCH_LOAD_SECONDS) : 20;

async function staffSessionCookie(): Promise<string> {
  process.env.SESSION_SECRET ??= "benchmark-session-secret-0123456789abcdef";
  const { createUser } = await import("../app/models/user.server.ts");
  const { db } = await import("../app/utils/db.server.ts");
  const { commitSessionId, SESSION_TTL_MS } = await import("../app/utils/session.server.ts");
  const user = await createUser({ email: `bench-flood-${Date.now()}@bench.example`, name: "Benchmark", password: "benchmark-password", roleKeys: ["KP09_SPECIALIST"] }, { userId: null });
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return (await commitSessionId(session.id)).split(";")[0]!;
}

export async function signInFloodBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  console.log(`nominations: ${dataset.counts.Nomination}`);
  console.log("building the app (remix vite:build)…");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  const cookie = await staffSessionCookie();
  const figures: Figure[] = [];
  for (const spread of ["one address", `${FLOOD_CONNECTIONS} addresses`] as const) {
    figures.push(await floodRun(cookie, spread === "one address" ? 1 : FLOOD_CONNECTIONS, spread));
  }
  console.log("");
  printFigures(figures);
  return { suite: "sign-in-flood", figures };
}

async function floodRun(cookie: string, addresses: number, label: string): Promise<Figure> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Trusting the loopback proxy lets X-Forwarded-For name the flood's client addresses.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", SEED_DEMO_DATA: "false", TRUST_PROXY: "loopback" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/login`, server);
    const probe = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/lib/latency-probe.ts"), `${base}/nominations?q=nowak`, String(Math.max(1, FLOOD_SECONDS - 2))],
      { cwd: ROOT, env: { ...process.env, PROBE_COOKIE: cookie }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let probeOut = "";
    probe.stdout!.on("data", (chunk: Buffer) => (probeOut += chunk.toString()));
    const probeDone = new Promise<void>((resolve, reject) => probe.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`latency probe exited ${code}`)))));
    const requests = Array.from({ length: 200 }, (_, i) => ({
      method: "POST" as const,
      path: "/login",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: base,
        "x-forwarded-for": `198.51.100.${(i % addresses) + 1}`,
      },
      body: `email=zalew-${i}%40bench.example&password=zle-haslo`,
    }));
    console.log(`flood from ${label}: ${FLOOD_CONNECTIONS} connections posting wrong passwords to /login for ${FLOOD_SECONDS} s…`);
    const statuses: Record<string, number> = {};
    const instance = autocannon({ url: base, connections: FLOOD_CONNECTIONS, duration: FLOOD_SECONDS, timeout: 30, requests });
    instance.on("response", (_client: unknown, status: number) => (statuses[status] = (statuses[status] ?? 0) + 1));
    const result = await instance;
    await probeDone;
    const staff = (JSON.parse(probeOut) as number[]).sort((a, b) => a - b);
    console.log(`  flood: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, statuses ${JSON.stringify(statuses)}`);
    console.log(`  staff page /nominations?q=nowak: ${staff.length} requests, p50 ${formatMs(percentile(staff, 50))} ms, p95 ${formatMs(percentile(staff, 95))} ms`);
    return figureOf(`staff page during a ${FLOOD_CONNECTIONS}-connection sign-in flood from ${label}`, staff, STAFF_P95_TARGET_MS, `flood ${result.requests.average.toFixed(0)} req/s, statuses ${JSON.stringify(statuses)}`);
  } finally {
    await stop(server);
  }
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

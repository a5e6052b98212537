// A staff page (/nominations?q=nowak) while 20 connections post wrong passwords to /login on the
// production server (scripts/server.ts) over the benchmark register (bench/lib/dataset.ts):
// once from one address (the per-address limit answers 429 without hashing), once from 20
// addresses through a trusted proxy's X-Forwarded-For (every attempt needs a password hash, and
// at most cores-1 hashes run at once). Issue 15, item 5: the page's median was 6.5 s before.
// The same page without a flood, measured in the same run, is the reference: the machine may be
// shared, so each figure carries the load average at its end.
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { benchDataset, ROOT } from "./lib/dataset";
import { describeProbe, latencyProbe, runLoad, staffSessionCookie, startBenchServer } from "./lib/load-driver";
import { figureOf, printFigures, type Figure, type SuiteReport } from "./lib/measure";

const STAFF_P95_TARGET_MS = 200;
const FLOOD_CONNECTIONS = 20;
const FLOOD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS) > 0 ? Number(process.env.BENCH_LOAD_SECONDS) : 20;

export async function signInFloodBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  console.log(`nominations: ${dataset.counts.Nomination}`);
  console.log("building the app (remix vite:build)…");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  const cookie = await staffSessionCookie("KP09_SPECIALIST", "flood");
  const figures: Figure[] = [await referenceRun(cookie)];
  for (const spread of ["one address", `${FLOOD_CONNECTIONS} addresses`] as const) {
    figures.push(await floodRun(cookie, spread === "one address" ? 1 : FLOOD_CONNECTIONS, spread));
  }
  console.log("");
  printFigures(figures);
  return { suite: "sign-in-flood", figures };
}

/** The load average of the last minute: how busy the (shared) machine was. */
const load = () => `load average ${loadavg()[0]!.toFixed(2)}`;

async function referenceRun(cookie: string): Promise<Figure> {
  const server = await startBenchServer({ readyPath: "/login" });
  try {
    console.log(`no flood: the staff page alone for ${FLOOD_SECONDS} s…`);
    const staff = await latencyProbe(`${server.base}/nominations?q=nowak`, FLOOD_SECONDS, cookie).done;
    describeProbe("staff page /nominations?q=nowak", staff);
    return figureOf("staff page without a flood (reference)", staff, STAFF_P95_TARGET_MS, load());
  } finally {
    await server.stop();
  }
}

async function floodRun(cookie: string, addresses: number, label: string): Promise<Figure> {
  // Trusting the loopback proxy lets X-Forwarded-For name the flood's client addresses.
  const server = await startBenchServer({ readyPath: "/login", env: { TRUST_PROXY: "loopback" } });
  try {
    const { base } = server;
    const probe = latencyProbe(`${base}/nominations?q=nowak`, FLOOD_SECONDS, cookie);
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
    const result = await runLoad("flood", { url: base, connections: FLOOD_CONNECTIONS, duration: FLOOD_SECONDS, timeout: 30, requests });
    const staff = await probe.done;
    describeProbe("staff page /nominations?q=nowak", staff);
    return figureOf(
      `staff page during a ${FLOOD_CONNECTIONS}-connection sign-in flood from ${label}`,
      staff,
      STAFF_P95_TARGET_MS,
      `flood ${result.requests.average.toFixed(0)} req/s, statuses ${JSON.stringify(result.statuses)}, ${load()}`,
    );
  } finally {
    await server.stop();
  }
}

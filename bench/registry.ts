// The public registry (/rejestr) at 100 000 conferrals: the loader alone, the whole
// server-rendered response through the built app's request handler, and a load run against the
// production server (scripts/server.ts, with its cache of rendered public pages) with autocannon
// on 127.0.0.1 over a few hundred different registry addresses (bench/lib/registry-load.ts),
// while one staff page's latency is measured.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { foldText } from "#app/domain/search-text";
import { ROOT } from "./lib/dataset";
import { describeProbe, latencyProbe, runLoad, staffSessionCookie, startBenchServer } from "./lib/load-driver";
import { figureOf, formatMs, iterationsFromEnv, measure, printFigures, type Figure, type SuiteReport } from "./lib/measure";
import { SEARCHED_SURNAME } from "./lib/names";
import { FOREIGN_SURNAME, registryDataset } from "./lib/registry-dataset";
import { registryLoadPaths } from "./lib/registry-load";

const LOADER_TARGET_MS = 20;
const RESPONSE_TARGET_MS = 50;
const LOAD_P99_TARGET_MS = 200;
/** Our own bar for "the staff pages stay responsive" while the public hammers the registry. */
const STAFF_UNDER_LOAD_TARGET_MS = 500;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS) > 0 ? Number(process.env.BENCH_LOAD_SECONDS) : 20;
const LOAD_CONNECTIONS = 50;

type LoaderData = { total: number; rows: { publicId: string; name: string }[] };

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
}

export async function registryBench(): Promise<SuiteReport> {
  // The loader and response scenarios repeat one search: timed without the kept results
  // (app/utils/read-cache.server.ts). The load run's server keeps them, as in production.
  const keeping = process.env.MERENTI_READ_CACHE;
  process.env.MERENTI_READ_CACHE = "off";
  try {
    return await registryScenarios();
  } finally {
    if (keeping === undefined) delete process.env.MERENTI_READ_CACHE;
    else process.env.MERENTI_READ_CACHE = keeping;
  }
}

async function registryScenarios(): Promise<SuiteReport> {
  const dataset = await registryDataset();
  console.log(`conferrals: ${dataset.conferrals} (diplomas with a verification code: every 50th historical one)`);
  const searched = foldText(SEARCHED_SURNAME);
  const foreign = foldText(FOREIGN_SURNAME);
  const permalink = dataset.samplePublicIds[0]!;
  const code = dataset.sampleCodes[0]!;
  /** Page 2000 of 100 000 (four fifths of the way); the same share of a smaller run. */
  const deepPage = Math.max(1, Math.floor((dataset.conferrals * 0.5) / 25));

  const scenarios: { name: string; path: string; check: (d: LoaderData | Response) => void }[] = [
    {
      name: "first page",
      path: "/rejestr",
      check: (d) => check(!(d instanceof Response) && d.total > 0.9 * dataset.conferrals && d.rows.length === 25, "first page"),
    },
    {
      name: `search q=${foreign} (diacritics)`,
      path: `/rejestr?q=${foreign}`,
      check: (d) => check(!(d instanceof Response) && d.total > 0 && d.rows.every((r) => r.name.includes("Rajči")), "rajcic"),
    },
    { name: `search q=${searched}`, path: `/rejestr?q=${searched}`, check: (d) => check(!(d instanceof Response) && d.total > 0, searched) },
    { name: "search q=nowak (common)", path: "/rejestr?q=nowak", check: (d) => check(!(d instanceof Response) && d.total > dataset.conferrals / 200, "nowak") },
    { name: "search q=ko (two letters)", path: "/rejestr?q=ko", check: (d) => check(!(d instanceof Response) && d.total > 0, "ko") },
    { name: "search, no match", path: "/rejestr?q=kosciuszko", check: (d) => check(!(d instanceof Response) && d.total === 0, "no match") },
    {
      name: "filter honour + class + term",
      path: "/rejestr?honour=CRACOVIAE_MERENTI&medalClass=SILVER&term=5",
      check: (d) => check(!(d instanceof Response) && d.total > 0, "filter"),
    },
    { name: "year + name order", path: "/rejestr?year=2015&sort=name-asc", check: (d) => check(!(d instanceof Response) && d.total > 0, "year") },
    {
      name: `name order, deep page (page=${deepPage})`,
      path: `/rejestr?sort=name-asc&page=${deepPage}`,
      check: (d) => check(!(d instanceof Response) && d.rows.length === 25, "deep page"),
    },
    { name: "verification code → redirect", path: `/rejestr?q=${code}`, check: (d) => check(d instanceof Response && d.status === 302, "code") },
  ];

  const { loader: listLoader } = await import("../app/routes/rejestr._index.tsx");
  const { loader: entryLoader } = await import("../app/routes/rejestr.$publicId.tsx");
  const callList = async (p: string) => {
    try {
      return (await listLoader({ request: new Request(`http://localhost${p}`), params: {}, context: {} })) as LoaderData;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
  const iterations = iterationsFromEnv(200);
  const warmup = Math.min(20, iterations);
  const figures: Figure[] = [];
  for (const s of scenarios) {
    // The first call also shows what a cold start costs (a deep page in name order fills its order then).
    const started = performance.now();
    const first = await callList(s.path);
    const firstMs = performance.now() - started;
    s.check(first);
    const samples = await measure(() => callList(s.path), { warmup, iterations });
    const detail = `${first instanceof Response ? `→ ${first.status} ${first.headers.get("Location")}` : `→ ${first.total} matching`}; first call ${formatMs(firstMs)} ms`;
    figures.push(figureOf(`loader: ${s.name}`, samples, LOADER_TARGET_MS, `GET ${s.path} ${detail}`));
  }
  const entry = () => entryLoader({ request: new Request(`http://localhost/rejestr/${permalink}`), params: { publicId: permalink }, context: {} });
  await entry();
  figures.push(figureOf("loader: permalink", await measure(entry, { warmup, iterations }), LOADER_TARGET_MS, `GET /rejestr/${permalink}`));

  // The whole response: routing, root and route loaders, React server rendering, as Express gets it.
  console.log("building the app (remix vite:build)…");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  const build = (await import(pathToFileURL(path.join(ROOT, "build/server/index.js")).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const render = async (p: string) => {
    const res = await handler(new Request(`http://localhost${p}`), { cspNonce: "benchmark" });
    const html = await res.text();
    if (res.status !== 200 && res.status !== 302) throw new Error(`GET ${p}: ${res.status}`);
    return html;
  };
  for (const p of [
    "/rejestr",
    `/rejestr?q=${foreign}`,
    "/rejestr?q=nowak&sort=name-asc",
    "/rejestr?honour=HONORIS_GRATIA&year=2020&page=3",
    `/rejestr/${permalink}`,
  ]) {
    const html = await render(p);
    check(html.includes("<title>") && !html.includes("Wnioski</a>"), `${p} renders a public page`);
    figures.push(
      figureOf(
        `response: GET ${p}`,
        await measure(() => render(p), { warmup, iterations }),
        RESPONSE_TARGET_MS,
        `${(html.length / 1024).toFixed(0)} kB of HTML`,
      ),
    );
  }

  delete process.env.MERENTI_READ_CACHE;
  figures.push(...(await loadRun(dataset.samplePublicIds, [foreign, searched, "nowak", "kowalsk", "zaj", "wisniewska"])));
  console.log("");
  printFigures(figures);
  return { suite: "registry", figures };
}

// ---------------------------------------------------------------- load run

async function loadRun(publicIds: string[], terms: string[]): Promise<Figure[]> {
  const cookie = await staffSessionCookie("READER", "registry");
  const server = await startBenchServer({ readyPath: "/rejestr" });
  try {
    const requests = registryLoadPaths(publicIds, terms).map((p) => ({ path: p }));
    console.log(`load: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s over ${requests.length} registry URLs at ${server.base}…`);
    // One staff page, requested in turn while the load runs, from its own process.
    const probe = latencyProbe(`${server.base}/conferrals?q=nowak`, LOAD_SECONDS, cookie);
    const result = await runLoad("load", { url: server.base, connections: LOAD_CONNECTIONS, duration: LOAD_SECONDS, timeout: 10, requests });
    const staff = await probe.done;
    describeProbe("staff page /conferrals?q=nowak during the load", staff);
    return [
      {
        scenario: `load: ${LOAD_CONNECTIONS} clients × ${LOAD_SECONDS} s, p99 latency (p99 in the p95 column)`,
        iterations: result.requests.total,
        p50Ms: result.latency.p50,
        p95Ms: result.latency.p99,
        maxMs: result.latency.max,
        targetP95Ms: LOAD_P99_TARGET_MS,
        pass: result.latency.p99 <= LOAD_P99_TARGET_MS && result.errorCount === 0,
        detail: `${result.requests.average.toFixed(0)} req/s, ${result.errorCount} errors (target 0)`,
      },
      figureOf("staff page /conferrals?q=nowak during the load", staff, STAFF_UNDER_LOAD_TARGET_MS, `${staff.length} requests by a signed-in reader`),
    ];
  } finally {
    await server.stop();
  }
}

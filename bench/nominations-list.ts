// The register's list (/nominations) on 100 000 nominations: the real Remix loader, called the
// way Remix calls it, against the benchmark database (bench/lib/dataset.ts).
import { PAGE_SIZE } from "#app/domain/nomination-list";
import { foldText } from "#app/domain/search-text";
import { benchDataset, countSearchMatches, type Dataset } from "./lib/dataset";
import { SEARCHED_SURNAME } from "./lib/names";
import { figureOf, formatMs, iterationsFromEnv, measure, printFigures, printTable, type SuiteReport } from "./lib/measure";

const TARGET_P95_MS = 20;
/** "zolkiewski": the seeded surname Żółkiewski, typed without diacritics. */
const SEARCHED = foldText(SEARCHED_SURNAME);

type LoaderData = {
  total: number;
  rows: {
    id: string;
    honour: string;
    status: string;
    receivedDate: string;
    candidate: { displayName: string };
    nominators: { name: string }[];
  }[];
};

type Scenario = {
  name: string;
  search: string;
  /** Throws when the loader's answer is not what the scenario is about (a fast wrong answer is no answer). */
  check: (data: LoaderData, dataset: Dataset) => Promise<void> | void;
};

const SCENARIOS: Scenario[] = [
  {
    name: "first page (no filters)",
    search: "",
    check: (d, ds) => expect(d.total === ds.counts.Nomination && d.rows.length === pageLength(d.total, 1), `total ${d.total}, ${d.rows.length} rows`),
  },
  {
    name: "filtered: honour + status + year",
    search: "?honour=CRACOVIAE_MERENTI&status=HANDED_OVER&year=2015",
    check: (d) =>
      expect(
        d.total > 0 &&
          d.rows.length === pageLength(d.total, 1) &&
          d.rows.every((r) => r.honour === "CRACOVIAE_MERENTI" && r.status === "HANDED_OVER" && r.receivedDate.startsWith("2015")),
        `total ${d.total}`,
      ),
  },
  {
    name: `search q=${SEARCHED}`,
    search: `?q=${SEARCHED}`,
    check: async (d, ds) => {
      const expected = await countSearchMatches(ds.file, SEARCHED);
      const found = d.rows.every((r) => [r.candidate.displayName, ...r.nominators.map((n) => n.name)].some((s) => foldText(s).includes(SEARCHED)));
      expect(expected > 0 && d.total === expected && d.rows.length === pageLength(expected, 1) && found, `total ${d.total}, expected ${expected}`);
    },
  },
  {
    // The worst case of a LIKE '%term%' search: a term that matches nothing walks the whole table.
    name: "search, no match (q=kosciuszko)",
    search: "?q=kosciuszko",
    check: async (d, ds) => {
      const expected = await countSearchMatches(ds.file, "kosciuszko");
      expect(expected === 0 && d.total === 0 && d.rows.length === 0, `total ${d.total}, expected ${expected}`);
    },
  },
  {
    name: "deep page (page=2000)",
    search: "?page=2000",
    check: (d, ds) => expect(d.total === ds.counts.Nomination && d.rows.length === pageLength(d.total, 2000), `total ${d.total}, ${d.rows.length} rows`),
  },
];

/** Rows on a page of a list of `total` (with a small BENCH_NOMINATIONS, page 2000 is empty). */
function pageLength(total: number, page: number): number {
  return Math.max(0, Math.min(PAGE_SIZE, total - (page - 1) * PAGE_SIZE));
}

function expect(ok: boolean, what: string) {
  if (!ok) throw new Error(`unexpected loader answer: ${what}`);
}

async function readerSessionCookie(): Promise<string> {
  process.env.SESSION_SECRET ??= "benchmark-session-secret-0123456789abcdef";
  const { createUser } = await import("../app/models/user.server.ts");
  const { db } = await import("../app/utils/db.server.ts");
  const { commitSessionId, SESSION_TTL_MS } = await import("../app/utils/session.server.ts");
  const user = await createUser(
    { email: `bench-${Date.now()}@bench.example`, name: "Benchmark", password: "benchmark-password", roleKeys: ["READER"] },
    { userId: null },
  );
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return (await commitSessionId(session.id)).split(";")[0]!;
}

export async function nominationsListBench(): Promise<SuiteReport> {
  // Each scenario repeats one search: timed without the kept results (app/utils/read-cache.server.ts).
  const keeping = process.env.MERENTI_READ_CACHE;
  process.env.MERENTI_READ_CACHE = "off";
  try {
    return await listBench();
  } finally {
    if (keeping === undefined) delete process.env.MERENTI_READ_CACHE;
    else process.env.MERENTI_READ_CACHE = keeping;
  }
}

async function listBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  printDataset(dataset);

  // Imported only now: DATABASE_URL points at the benchmark database.
  const { loader } = await import("../app/routes/nominations._index.tsx");
  // As a signed-in reader: the session look-up and permission check are part of every request.
  const cookie = await readerSessionCookie();
  const call = (search: string) =>
    loader({ request: new Request(`http://localhost/nominations${search}`, { headers: { Cookie: cookie } }), params: {}, context: {} }) as Promise<LoaderData>;

  const iterations = iterationsFromEnv(200);
  const warmup = Math.min(20, iterations);
  const figures = [];
  for (const s of SCENARIOS) {
    const data = await call(s.search);
    await s.check(data, dataset);
    const samples = await measure(() => call(s.search), { warmup, iterations });
    figures.push(figureOf(s.name, samples, TARGET_P95_MS, `GET /nominations${s.search} → ${data.total} matching, ${data.rows.length} rows`));
  }
  console.log("");
  printFigures(figures);
  return { suite: "nominations-list", figures };
}

function printDataset(d: Dataset) {
  const t = d.timings;
  console.log(`database: ${d.file} (${d.sizeMb.toFixed(0)} MB)`);
  console.log(
    `fill: ${formatMs(t.fillMs)} ms for ${d.nominations} nominations ` +
      `(generate ${formatMs(t.generateMs)} ms, insert ${formatMs(t.insertMs)} ms); ` +
      `migrate ${formatMs(t.migrateMs)} ms, reference data ${formatMs(t.referenceMs)} ms`,
  );
  printTable(
    ["table", "rows"],
    Object.entries(d.counts).map(([k, v]) => [k, String(v)]),
  );
  console.log(
    `by honour: ${Object.entries(d.byHonour)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log(
    `by status: ${Object.entries(d.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
}

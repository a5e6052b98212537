// The Honoris Gratia desk: the deadline board (/hg, its real loader) with 20 000 open
// applications, and a bulk grant of 500 verified applications (the real bulk path: one
// applyTransition per row, each with its audit event and badge number).
import { todayIso } from "#app/domain/polish-dates";
import { benchDataset } from "./lib/dataset";
import { addHgApplications } from "./lib/hg-dataset";
import { figureOf, iterationsFromEnv, measure, printFigures, type SuiteReport } from "./lib/measure";

const BOARD_APPLICATIONS = 20_000;
const BULK_SIZE = 500;
const BULK_RUNS = 3;

async function clerkCookie(): Promise<{ cookie: string; userId: string }> {
  process.env.SESSION_SECRET ??= "benchmark-session-secret-0123456789abcdef";
  const { createUser } = await import("../app/models/user.server.ts");
  const { db } = await import("../app/utils/db.server.ts");
  const { commitSessionId, SESSION_TTL_MS } = await import("../app/utils/session.server.ts");
  const user = await createUser(
    { email: `bench-hg-${Date.now()}@bench.example`, name: "Benchmark KP-04", password: "benchmark-password", roleKeys: ["KP04_CLERK"] },
    { userId: null },
  );
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  return { cookie: (await commitSessionId(session.id)).split(";")[0]!, userId: user.id };
}

export async function honorisGratiaBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  const today = todayIso();
  // Received 0–59 days ago: about half overdue, the rest due within the month.
  await addHgApplications(dataset.url, {
    count: BOARD_APPLICATIONS,
    statuses: ["RECEIVED", "VERIFIED", "DECISION_PREPARED"],
    today,
    caseReference: "KP-04.BENCH",
    receivedDaysAgo: (i) => (i * 13) % 60,
  });
  const { loader } = await import("../app/routes/hg._index.tsx");
  const { runHgBulk } = await import("../app/models/hg-bulk.server.ts");
  const { db } = await import("../app/utils/db.server.ts");
  const { cookie, userId } = await clerkCookie();
  type Board = { total: number; counts: { open: number; overdue: number }; rows: { dueDate: string | null }[] };
  const call = (search: string) =>
    loader({ request: new Request(`http://localhost/hg${search}`, { headers: { Cookie: cookie } }), params: {}, context: {} }) as Promise<Board>;

  const iterations = iterationsFromEnv(200);
  const warmup = Math.min(20, iterations);
  const figures = [];
  for (const [name, search] of [
    ["deadline board (open, most urgent first)", ""],
    ["deadline board, overdue only", "?status=open&due=overdue"],
    ["list: all statuses, name search q=nowak", "?status=all&q=nowak"],
  ] as const) {
    const first = await call(search);
    const sorted = first.rows.every((r, i, all) => i === 0 || (all[i - 1]!.dueDate ?? "9999") <= (r.dueDate ?? "9999"));
    if (!first.rows.length || !sorted) throw new Error(`unexpected board answer for ${search}: ${first.total} rows`);
    const samples = await measure(() => call(search), { warmup, iterations });
    figures.push(figureOf(name, samples, 20, `GET /hg${search} → ${first.total} matching of ${first.counts.open} open (${first.counts.overdue} overdue)`));
  }

  const bulkSamples: number[] = [];
  let detail = "";
  for (let run = 0; run < BULK_RUNS; run++) {
    const ids = await addHgApplications(dataset.url, {
      count: BULK_SIZE,
      statuses: ["VERIFIED"],
      today,
      caseReference: `KP-04.BULK.${run}`,
      receivedDaysAgo: () => 20,
    });
    const started = performance.now();
    const summary = await runHgBulk(
      { bulkAction: "grant", ids, allMatching: false, verifyFirst: false, actNumber: `${9000 + run}/BENCH`, eventDate: today, reason: "" },
      ids,
      { userId },
      today,
    );
    bulkSamples.push(performance.now() - started);
    const audited = await db().auditEvent.count({ where: { entityId: { in: ids }, toStatus: "GRANTED" } });
    if (summary.done.length !== BULK_SIZE || audited !== BULK_SIZE)
      throw new Error(`bulk grant: ${summary.done.length} done, ${audited} audited of ${BULK_SIZE}`);
    detail = `${BULK_SIZE} granted, ${audited} audit events, badge numbers assigned; ${BULK_RUNS} runs`;
  }
  figures.push(
    figureOf(
      `bulk grant of ${BULK_SIZE} applications`,
      bulkSamples.sort((a, b) => a - b),
      2000,
      detail,
    ),
  );
  console.log("");
  printFigures(figures);
  return { suite: "honoris-gratia", figures };
}

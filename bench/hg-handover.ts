// The batch hand-over of Honoris Gratia badges at gala size: 300 freshly granted laureates
// assigned from the desk to a new gala (assignToHandover: the ceremony, 300 laureates, 300 audit
// events), all marked attending in one step, and the gala held (300 hand-overs through the
// workflow with their audit events, badges and blanks issued from stock). Three runs, each on
// its own 300 applications granted beforehand (not timed). Uses the shared benchmark database.
import { todayIso } from "#app/domain/polish-dates";
import { benchDataset } from "./lib/dataset";
import { addHgApplications } from "./lib/hg-dataset";
import { figureOf, printFigures, type SuiteReport } from "./lib/measure";

const GALA_LAUREATES = 300;
const RUNS = 3;

export async function hgHandoverBench(): Promise<SuiteReport> {
  const dataset = await benchDataset();
  const today = todayIso();
  const { db } = await import("#app/utils/db.server");
  const { runHgBulk } = await import("#app/models/hg-bulk.server");
  const { assignToHandover, markAllAttending } = await import("#app/models/ceremony-laureates.server");
  const { changeCeremonyStatus } = await import("#app/models/ceremony.server");
  const actor = { userId: null };
  const samples = { assign: [] as number[], attend: [] as number[], hold: [] as number[] };
  const timed = async <T>(into: number[], run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    into.push(performance.now() - started);
    return result;
  };
  for (let run = 0; run < RUNS; run++) {
    const ids = await addHgApplications(dataset.url, {
      count: GALA_LAUREATES,
      statuses: ["VERIFIED"],
      today,
      caseReference: `KP-04.HANDOVER.${run}`,
      receivedDaysAgo: () => 20,
    });
    const granted = await runHgBulk(
      { bulkAction: "grant", ids, allMatching: false, verifyFirst: false, actNumber: `${9500 + run}/BENCH`, eventDate: today, reason: "" },
      ids,
      actor,
      today,
    );
    if (granted.done.length !== GALA_LAUREATES) throw new Error(`grant: ${granted.done.length} of ${GALA_LAUREATES}`);
    const gala = {
      kind: "GALA" as const,
      title: `Gala „Honoris Gratia” nr ${run + 1} (benchmark)`,
      date: today,
      startTime: "18:00",
      endTime: "21:00",
      venueId: "",
      organiser: "",
      chancelleryContact: "",
      notes: "",
    };
    const assigned = await timed(samples.assign, () => assignToHandover({ nominationIds: ids, ceremonyId: null, create: gala }, actor));
    if (assigned.kind !== "saved" || assigned.added.length !== GALA_LAUREATES) throw new Error(`assign: ${JSON.stringify(assigned).slice(0, 300)}`);
    const version = async () => (await db().ceremony.findUniqueOrThrow({ where: { id: assigned.id } })).version;
    const attended = await timed(samples.attend, async () => markAllAttending(assigned.id, { version: await version() }, actor));
    if (attended.kind !== "saved") throw new Error(`attend: ${JSON.stringify(attended)}`);
    const held = await timed(samples.hold, async () => changeCeremonyStatus(assigned.id, "HOLD", { version: await version(), reason: "" }, actor));
    if (held.kind !== "saved" || held.handedOver !== GALA_LAUREATES) throw new Error(`hold: ${JSON.stringify(held).slice(0, 300)}`);
    const issued = await db().stockMovement.findMany({ where: { ceremonyId: assigned.id } });
    if (issued.length !== 2 || issued.some((m) => m.quantity !== -GALA_LAUREATES)) throw new Error("stock not issued once per item");
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const figures = [
    figureOf(
      `assign ${GALA_LAUREATES} granted laureates to a new gala`,
      sorted(samples.assign),
      2000,
      `${RUNS} runs; the ceremony, ${GALA_LAUREATES} laureates and audit events in one transaction`,
    ),
    figureOf(`mark all ${GALA_LAUREATES} attending`, sorted(samples.attend), 500, "one statement, one audit event"),
    figureOf(
      `hold the gala: ${GALA_LAUREATES} hand-overs and the stock issue`,
      sorted(samples.hold),
      3000,
      `${GALA_LAUREATES} conferrals and nominations with audit events, 2 stock movements`,
    ),
  ];
  console.log("");
  printFigures(figures);
  return { suite: "hg-handover", figures };
}

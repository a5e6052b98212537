// Ceremonies on the benchmark register: a Honoris Gratia gala with 300 laureates (the largest
// hand-overs), its page (laureates, conflict checks), the add-laureate search, the programme as
// PDF, and the calendar feed of 60 ceremonies. Uses the shared benchmark database.
import { renderPdf } from "#app/documents/pdf.server";
import { ceremoniesToIcs } from "#app/domain/ceremony-ics";
import { benchDataset } from "./lib/dataset";
import { figureOf, iterationsFromEnv, measure, printFigures, type SuiteReport } from "./lib/measure";
import { SEARCHED_SURNAME } from "./lib/names";

const GALA_LAUREATES = 300;
const FEED_CEREMONIES = 60;

export async function ceremoniesBench(): Promise<SuiteReport> {
  await benchDataset();
  const { db } = await import("#app/utils/db.server");
  const { ceremonyPage } = await import("#app/models/ceremony.server");
  const { feedCeremonies } = await import("#app/models/calendar-feed.server");
  const { laureateCandidates } = await import("#app/models/ceremony-laureates.server");
  const { programmeDocument, programmeOf } = await import("#app/models/ceremony-programme.server");

  const waiting = await db().conferral.findMany({
    where: { honour: "HONORIS_GRATIA", handedOverOn: null, nomination: { status: "GRANTED" } },
    select: { id: true },
    take: GALA_LAUREATES,
  });
  const venue = await db().venue.findFirstOrThrow();
  const gala = await db().ceremony.create({
    data: {
      kind: "GALA",
      title: "Gala wręczenia Odznak „Honoris Gratia” (benchmark)",
      date: "2026-12-10",
      startTime: "18:00",
      endTime: "21:00",
      venueId: venue.id,
      laureates: { create: waiting.map((c, i) => ({ conferralId: c.id, position: i + 1, attendance: "ATTENDS", guestsCount: 1 })) },
    },
  });
  for (let i = 0; i < FEED_CEREMONIES - 1; i++) {
    await db().ceremony.create({
      data: {
        kind: "COUNCIL_SESSION",
        title: `Uroczysta sesja nr ${i + 1}`,
        date: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        startTime: "12:00",
        endTime: "14:00",
        venueId: venue.id,
      },
    });
  }
  const token = "bench-feed-token";
  await db().calendarFeedToken.create({ data: { token, label: "benchmark" } });

  const page = (await ceremonyPage(gala.id, "2026-11-26"))!;
  if (page.laureates.length !== waiting.length) throw new Error(`unexpected output: ${page.laureates.length} laureates`);
  const programme = programmeDocument(page, await programmeOf(page));
  const pdf = await renderPdf(programme);
  const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

  // The page as the browser asks for it: the route's loader (auth, audit trail, shaping) for a
  // member of protocol staff, and saving the whole laureates' table with „Ustaw wszystkim”.
  const { loader: pageLoader } = await import("#app/routes/ceremonies.$id._index");
  const { saveLaureateTable } = await import("#app/models/ceremony-laureates.server");
  const { createUser } = await import("#app/models/user.server");
  const { commitSessionId, SESSION_TTL_MS } = await import("#app/utils/session.server");
  const staff = await createUser(
    { email: `bench-protocol-${Date.now()}@bench.example`, name: "Bench Protocol", password: "bench-password-123", roleKeys: ["PROTOCOL"] },
    { userId: null },
  );
  const session = await db().session.create({ data: { userId: staff.id, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  const cookie = (await commitSessionId(session.id)).split(";")[0]!;
  const loadPage = () =>
    pageLoader({ request: new Request(`http://localhost/ceremonies/${gala.id}`, { headers: { Cookie: cookie } }), params: { id: gala.id }, context: {} });
  const tableRows = page.laureates.map((l) => ({
    laureateId: l.id,
    attendance: l.attendance,
    representedBy: l.representedBy,
    guestsCount: l.guestsCount,
    handedOverBy: l.handedOverBy,
  }));
  let round = 0;
  // Alternating, so that every round really rewrites 300 rows.
  const saveAll = async () => {
    const attendance = round++ % 2 ? "ATTENDS" : "ABSENT";
    const version = (await db().ceremony.findUniqueOrThrow({ where: { id: gala.id } })).version;
    const out = await saveLaureateTable(gala.id, { version, rows: tableRows, selected: [] }, { kind: "bulk", scope: "all", attendance }, { userId: staff.id });
    if (out.kind !== "saved") throw new Error(`unexpected output: ${out.kind}`);
  };

  const iterations = Math.min(iterationsFromEnv(200), 50);
  const warmup = Math.min(5, iterations);
  const figures = [
    figureOf(
      `ceremony page, gala of ${waiting.length} laureates (with conflict checks)`,
      await measure(() => ceremonyPage(gala.id, "2026-11-26"), { warmup, iterations }),
      300,
    ),
    figureOf(`ceremony page loader (route: auth, audit trail), gala of ${waiting.length} laureates`, await measure(loadPage, { warmup, iterations }), 300),
    figureOf(
      `save the laureates' table, ${waiting.length} rows, „Ustaw wszystkim”`,
      await measure(saveAll, { warmup: 1, iterations: Math.min(iterations, 20) }),
      2000,
    ),
    figureOf(
      "add-laureate search by name (folded)",
      await measure(() => laureateCandidates(gala.id, { q: SEARCHED_SURNAME, honour: null }), { warmup, iterations }),
      100,
    ),
    figureOf(
      "add-laureate search, all waiting of one honour",
      await measure(() => laureateCandidates(gala.id, { q: "", honour: "HONORIS_GRATIA" }), { warmup, iterations }),
      100,
    ),
    figureOf(
      `programme PDF, ${waiting.length} hand-overs`,
      await measure(
        async () =>
          renderPdf(
            await (async () => {
              const p = (await ceremonyPage(gala.id, "2026-11-26"))!;
              return programmeDocument(p, await programmeOf(p));
            })(),
          ),
        { warmup, iterations: Math.min(iterations, 20) },
      ),
      2000,
      `${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB`,
    ),
    figureOf(
      `calendar feed, ${FEED_CEREMONIES} ceremonies (.ics)`,
      await measure(
        async () => {
          const rows = (await feedCeremonies(token, "2026-11-26"))!;
          return ceremoniesToIcs(
            rows.map((r) => ({ ...r, laureateCount: r._count.laureates })),
            { uidDomain: "bench" },
          );
        },
        { warmup, iterations },
      ),
      100,
    ),
  ];
  printFigures(figures);
  return { suite: "ceremonies", figures };
}

export default ceremoniesBench;

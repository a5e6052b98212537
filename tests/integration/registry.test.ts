// The public registry (/rejestr), the staff list of laureates (/conferrals), the reports and the
// CSV exports, on a real SQLite copy with hand-made records whose outcome is known.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { loader as exportConferrals } from "#app/routes/conferrals.export";
import { loader as staffList } from "#app/routes/conferrals._index";
import { loader as exportNominations } from "#app/routes/nominations.export";
import { loader as nominationList } from "#app/routes/nominations._index";
import { loader as registryList } from "#app/routes/rejestr._index";
import { loader as registryEntry, meta as registryEntryMeta } from "#app/routes/rejestr.$publicId";
import { loader as reportCsv } from "#app/routes/reports.$report.csv";
import { loader as reportPage } from "#app/routes/reports.$report";
import { db } from "#app/utils/db.server";
import { callLoader, signInAs, signOut } from "./helpers";
import * as clock from "#app/domain/clock";

/** Strings that must never reach a public page: personal data and non-public records. */
const SECRET = {
  nominator: "Wnioskodawca-Tajny-Znacznik",
  contact: "tajny.kontakt@example.test",
  merits: "Zasługi-Tajny-Znacznik",
  city: "Miasto-Tajny-Znacznik",
  birthYear: 1917,
  title: "Tytuł-Tajny-Znacznik",
  pending: "Oczekujący-Znacznik",
  refused: "Odmówiony-Znacznik",
  inconsistent: "Niespójny-Znacznik",
  anonymised: "Zanonimizowany-Znacznik",
  caseReference: "KP-SEKRET-1",
};

async function candidate(given: string, surname: string, extra: Record<string, unknown> = {}) {
  const { displayNameOf, foldedNameOf, sortNameOf } = await import("#app/domain/candidate");
  const names = { kind: "PERSON" as const, givenNames: given, surname, organizationName: "" };
  return db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: given,
      surname,
      nameNominative: `${given} ${surname}`,
      displayName: displayNameOf(names),
      sortName: sortNameOf(names),
      foldedName: foldedNameOf(names),
      birthYear: SECRET.birthYear,
      city: SECRET.city,
      title: SECRET.title,
      ...extra,
    },
  });
}

async function nomination(candidateId: string, honour: string, status: string, receivedDate = "2019-01-10") {
  const c = await db().candidate.findUniqueOrThrow({ where: { id: candidateId } });
  return db().nomination.create({
    data: {
      honour,
      requestedClass: honour === "CRACOVIAE_MERENTI" ? "SILVER" : null,
      status,
      candidateId,
      receivedDate,
      caseReference: SECRET.caseReference,
      merits: SECRET.merits,
      searchText: `${c.foldedName} | ${SECRET.nominator.toLowerCase()}`,
      sortName: c.sortName,
      nominators: { create: [{ kind: "PERSON", name: SECRET.nominator, contact: SECRET.contact }] },
    },
  });
}

async function resolution(termNumber: number, number: string, adoptedOn: string) {
  const term = await db().councilTerm.findUniqueOrThrow({ where: { number: termNumber } });
  const [session, running] = number.split("/");
  return db().resolution.create({
    data: { councilTermId: term.id, number, sessionNumber: session!.length, runningNumber: Number(running), adoptedOn },
  });
}

type Conf = { publicId: string; id: string };
const made: Record<string, Conf> = {};

beforeAll(async () => {
  const r19 = await resolution(8, "XX/300/19", "2019-06-05");
  const r16 = await resolution(7, "XL/700/16", "2016-03-02");
  const ord = await db().ordinance.create({ data: { number: "1500/2020", issuedOn: "2020-05-04", kind: "HG_DECISION" } });

  // A: a medal through the app, handed over, with a diploma and its verification code.
  const a = await candidate("Goran", "Rajčić");
  const na = await nomination(a.id, "CRACOVIAE_MERENTI", "HANDED_OVER");
  made.a = await db().conferral.create({
    data: {
      publicId: "pubRajcic1",
      nominationId: na.id,
      candidateId: a.id,
      honour: "CRACOVIAE_MERENTI",
      medalClass: "SILVER",
      numberSeries: "CM_SILVER",
      number: 1,
      resolutionId: r19.id,
      conferredOn: "2019-06-05",
      handedOverOn: "2019-06-20",
      handoverPlace: "Sala Obrad Rady Miasta Krakowa",
      citation: "Za wybitne zasługi dla kultury Krakowa.",
    },
  });
  await db().diploma.create({ data: { conferralId: made.a.id, templateKey: "diploma-medal", text: "[]", sourceHash: "x", verificationCode: "K7QX2MHD" } });

  // B: historical silver medal no. 3 (no. 2 is missing) without a nomination nor a resolution.
  const b = await candidate("Anna", "Historyczna");
  made.b = await db().conferral.create({
    data: {
      publicId: "pubHistor1",
      candidateId: b.id,
      honour: "CRACOVIAE_MERENTI",
      medalClass: "SILVER",
      numberSeries: "CM_SILVER",
      number: 3,
      conferredOn: "2020-02-01",
      isHistorical: true,
    },
  });

  // C: Honoris Gratia by the Mayor's decision.
  const c = await candidate("Celina", "Odznaczona");
  const nc = await nomination(c.id, "HONORIS_GRATIA", "GRANTED", "2020-04-01");
  made.c = await db().conferral.create({
    data: {
      publicId: "pubHonoris",
      nominationId: nc.id,
      candidateId: c.id,
      honour: "HONORIS_GRATIA",
      numberSeries: "HG",
      number: 1,
      ordinanceId: ord.id,
      conferredOn: "2020-05-04",
    },
  });

  // Term VII: two gold medals against a limit of one (raised by a Council resolution).
  for (const [i, name] of ["Pierwsza", "Druga"].entries()) {
    const g = await candidate("Fundacja", name);
    await db().conferral.create({
      data: {
        publicId: `pubGold${i}`,
        candidateId: g.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "GOLD",
        numberSeries: "CM_GOLD",
        number: i + 1,
        resolutionId: r16.id,
        conferredOn: "2016-03-02",
        limitOverrideText: i === 1 ? "uchwała nr XL/699/16" : "",
      },
    });
  }

  // Never public: a pending and a refused nomination, a conferral whose nomination is not
  // conferred (inconsistent data) and an anonymised conferral.
  await nomination((await candidate("Piotr", SECRET.pending)).id, "CRACOVIAE_MERENTI", "FORWARDED");
  await nomination((await candidate("Rafał", SECRET.refused)).id, "HONORIS_GRATIA", "REFUSED");
  const f = await candidate("Feliks", SECRET.inconsistent);
  const nf = await nomination(f.id, "HONORIS_GRATIA", "VERIFIED");
  made.f = await db().conferral.create({
    data: { publicId: "pubIncons1", nominationId: nf.id, candidateId: f.id, honour: "HONORIS_GRATIA", conferredOn: "2021-01-01" },
  });
  const g = await candidate("Gustaw", SECRET.anonymised);
  made.g = await db().conferral.create({
    data: { publicId: "pubAnonym1", candidateId: g.id, honour: "HONORIS_GRATIA", conferredOn: "2021-02-01", anonymizedAt: clock.now() },
  });
});

/** The CSV's text after checking the UTF-8 BOM and the line ends (Response.text() would drop the BOM). */
async function csvText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
  expect(text.split("\r\n").length).toBeGreaterThan(1);
  return text;
}

type ListData = { total: number; rows: { publicId: string; name: string; honour: string; act: string }[] };

async function publicList(search: string) {
  signOut();
  const res = await callLoader<ListData>(registryList, `/rejestr${search}`);
  return res;
}

describe("public registry", () => {
  test("shows every public conferral and never a pending, refused, inconsistent or anonymised one, nor personal data", async () => {
    const res = await publicList("");
    expect(res.status).toBe(200);
    expect(res.data!.rows.map((r) => r.publicId).sort()).toEqual(["pubGold0", "pubGold1", "pubHistor1", "pubHonoris", "pubRajcic1"]);
    const pages = [JSON.stringify(res.data)];
    for (const id of ["pubRajcic1", "pubHistor1", "pubHonoris"]) {
      const entry = await callLoader(registryEntry, `/rejestr/${id}`, { publicId: id });
      expect(entry.status).toBe(200);
      pages.push(JSON.stringify(entry.data));
    }
    for (const page of pages) {
      for (const secret of Object.values(SECRET)) expect(page).not.toContain(String(secret));
    }
    for (const id of ["pubIncons1", "pubAnonym1", "nie-ma-takiego"]) {
      expect((await callLoader(registryEntry, `/rejestr/${id}`, { publicId: id })).status).toBe(404);
    }
    // Searching for them finds nothing either.
    for (const name of [SECRET.pending, SECRET.refused, SECRET.inconsistent, SECRET.anonymised]) {
      const found = await publicList(`?q=${encodeURIComponent(name)}`);
      expect(found.data!.rows).toEqual([]);
      expect(found.data!.total).toBeLessThanOrEqual(1); // the inconsistent row may be counted, never shown
    }
  });

  test("the permalink shows the honour, class, number, resolution with its term, hand-over and citation", async () => {
    const res = await callLoader<Record<string, unknown>>(registryEntry, "/rejestr/pubRajcic1", { publicId: "pubRajcic1" });
    expect(res.data).toMatchObject({
      name: "Goran Rajčić",
      medalClass: "srebrny",
      number: 1,
      resolution: { number: "XX/300/19", adoptedOn: "2019-06-05", term: "VIII" },
      handedOverOn: "2019-06-20",
      handoverPlace: "Sala Obrad Rady Miasta Krakowa",
      citation: "Za wybitne zasługi dla kultury Krakowa.",
      canonical: `${process.env.PUBLIC_BASE_URL}/rejestr/pubRajcic1`,
    });
    const hg = await callLoader<Record<string, unknown>>(registryEntry, "/rejestr/pubHonoris", { publicId: "pubHonoris" });
    expect(hg.data).toMatchObject({ ordinance: { number: "1500/2020", issuedOn: "2020-05-04" }, resolution: null });
  });

  test("the permalink's meta description closes with the date's „r.”, not „r..”, with or without a citation (issue 15)", async () => {
    const res = await callLoader<Record<string, unknown>>(registryEntry, "/rejestr/pubRajcic1", { publicId: "pubRajcic1" });
    const description = (data: Record<string, unknown>) =>
      (registryEntryMeta({ data } as unknown as Parameters<typeof registryEntryMeta>[0]) as { name?: string; content?: string }[]).find(
        (m) => m.name === "description",
      )!.content!;
    expect(description(res.data!)).toMatch(/nadane 5 czerwca 2019\u00a0r\. Za wybitne zasługi dla kultury Krakowa\.$/);
    expect(description({ ...res.data!, citation: "" })).toMatch(/nadane 5 czerwca 2019\u00a0r\.$/);
    expect(description({ ...res.data!, citation: "" })).not.toContain("r..");
  });

  test("search ignores case and diacritics, also for short terms", async () => {
    for (const q of ["rajcic", "RAJČIĆ", "Goran Rajc", "ra"]) {
      const ids = (await publicList(`?q=${encodeURIComponent(q)}`)).data!.rows.map((r) => r.publicId);
      expect(ids, q).toContain("pubRajcic1");
    }
    expect((await publicList("?q=rajcicz")).data!.total).toBe(0);
    // Every word typed begins a word of the name; a lone letter searches nothing and says so.
    expect((await publicList("?q=goran%20raj")).data!.rows.map((r) => r.publicId)).toEqual(["pubRajcic1"]);
    expect((await publicList("?q=ajcic")).data!.total).toBe(0);
    const lone = await publicList("?q=r");
    expect(lone.data).toMatchObject({ searchIgnored: true });
    expect(lone.data!.rows).toHaveLength(5);
  });

  test("a diploma's verification code leads to its entry, however it is typed", async () => {
    for (const q of ["K7QX2MHD", "k7qx-2mhd", " K7QX 2MHD "]) {
      const res = await publicList(`?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(302);
      expect(res.location).toBe("/rejestr/pubRajcic1");
    }
    // An unknown code is a name search with no result, not an error.
    expect((await publicList("?q=ABCDEFGH")).status).toBe(200);
  });

  test("filters by honour, class, term and year, and sorts by name", async () => {
    const ids = async (s: string) => (await publicList(s)).data!.rows.map((r) => r.publicId);
    expect(await ids("?honour=HONORIS_GRATIA")).toEqual(["pubHonoris"]);
    expect((await ids("?medalClass=GOLD")).sort()).toEqual(["pubGold0", "pubGold1"]);
    expect((await ids("?term=8")).sort()).toEqual(["pubHistor1", "pubHonoris", "pubRajcic1"]);
    expect(await ids("?year=2019")).toEqual(["pubRajcic1"]);
    expect(await ids("?term=8&year=2016")).toEqual([]);
    expect(await ids("?sort=conferred-asc")).toEqual(["pubGold0", "pubGold1", "pubRajcic1", "pubHistor1", "pubHonoris"]);
    // By surname (or name), not by the first word shown.
    expect(await ids("?sort=name-asc")).toEqual(["pubGold1", "pubHistor1", "pubHonoris", "pubGold0", "pubRajcic1"]);
    expect(await ids("?sort=name-desc")).toEqual(["pubRajcic1", "pubGold0", "pubHonoris", "pubHistor1", "pubGold1"]);
  });

  test("any search input or parameter gives a page, never a 500 (fast-check)", async () => {
    signOut();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          q: fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom('"', "%_\\", "*", "NEAR(", "a OR b")),
          page: fc.string({ maxLength: 8 }),
          term: fc.string({ maxLength: 4 }),
          sort: fc.string({ maxLength: 6 }),
        }),
        async (params) => {
          const res = await callLoader(registryList, `/rejestr?${new URLSearchParams(params).toString()}`);
          expect([200, 302]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
    const long = await publicList(`?q=${"ż".repeat(5000)}`);
    expect(long.status).toBe(200);
  });
});

describe("staff list and exports", () => {
  test("the staff list needs laureate:read and shows non-public conferrals too", async () => {
    signOut();
    expect((await callLoader(staffList, "/conferrals")).status).toBe(302);
    await signInAs("PRINTING");
    const res = await callLoader<ListData>(staffList, "/conferrals?source=historical");
    expect(res.data!.rows.map((r) => r.publicId).sort()).toEqual(["pubAnonym1", "pubGold0", "pubGold1", "pubHistor1"]);
    const all = await callLoader<ListData>(staffList, "/conferrals");
    expect(all.data!.total).toBe(7);
  });

  test("the laureates' CSV holds exactly the rows of the current filter", async () => {
    await signInAs("READER");
    for (const search of ["", "?honour=CRACOVIAE_MERENTI", "?q=rajcic", "?medalClass=GOLD&sort=name-desc", "?handedOver=no"]) {
      const list = await callLoader<ListData>(staffList, `/conferrals${search}`);
      const csv = await exportConferrals({
        request: new Request(`http://localhost/conferrals/export${search}`, { headers: { Cookie: (await signInAs("READER")).cookie } }),
        params: {},
        context: {},
      });
      expect(csv.headers.get("Content-Type")).toContain("text/csv");
      const rows = parse(await csvText(csv), { delimiter: ";", columns: true }) as Record<string, string>[];
      expect(
        rows.map((r) => r.Laureat),
        search,
      ).toEqual(list.data!.rows.map((r) => r.name));
    }
  });

  test("the nominations' CSV holds every row of the filter, not just one page", async () => {
    const target = await candidate("Zenon", "Eksportowy");
    for (let i = 0; i < 30; i++) await nomination(target.id, "HONORIS_GRATIA", "RECEIVED", `2022-01-${String((i % 28) + 1).padStart(2, "0")}`);
    const { cookie } = await signInAs("READER");
    const search = "?q=eksportowy&honour=HONORIS_GRATIA&page=2";
    const list = await callLoader<{ total: number; exportSearch: string }>(nominationList, `/nominations${search}`);
    expect(list.data!.total).toBe(30);
    expect(list.data!.exportSearch).toBe("q=eksportowy&honour=HONORIS_GRATIA");
    const csv = await exportNominations({
      request: new Request(`http://localhost/nominations/export?${list.data!.exportSearch}`, { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    const rows = parse(await csvText(csv), { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.Kandydat))).toEqual(new Set(["Zenon Eksportowy"]));
    expect(rows.every((r) => r.Status === "wpłynął" && r["Data wpływu"]!.startsWith("2022-01"))).toBe(true);
  });
});

describe("reports", () => {
  type Report = { table: { header: string[]; rows: (string | number)[][] } };
  const table = async (key: string) => (await callLoader<Report>(reportPage, `/reports/${key}`, { report: key })).data!.table;
  const report = async (key: string) => (await table(key)).rows;

  test("the quota report counts conferrals per term and class against the limits", async () => {
    await signInAs("READER");
    const rows = await report("quota");
    const row = (term: string, honour: string) => rows.find((r) => r[0] === term && r[1] === honour);
    // Term VIII: the adopted silver medal and the historical one conferred in the term.
    expect(row("VIII", "Cracoviae Merenti (srebrny)")).toEqual(["VIII", "Cracoviae Merenti (srebrny)", 2, 3, "w limicie", expect.any(String)]);
    expect(row("VII", "Cracoviae Merenti (złoty)")?.slice(2, 5)).toEqual([2, 1, "limit przekroczony"]);
    expect(row("VII", "Cracoviae Merenti (srebrny)")?.slice(2, 5)).toEqual([0, 3, "w limicie"]);
    expect(row("VIII", "Honorowe Obywatelstwo")?.slice(2, 5)).toEqual([0, 5, "w limicie"]);
  });

  test("medal numbers per series show the gaps", async () => {
    await signInAs("READER");
    const rows = await report("numbers");
    expect(rows.find((r) => r[0] === "Cracoviae Merenti, srebrny")).toEqual(["Cracoviae Merenti, srebrny", 2, 3, "2", 1]);
    expect(rows.find((r) => r[0] === "Cracoviae Merenti, złoty")).toEqual(["Cracoviae Merenti, złoty", 2, 2, "brak", 0]);
    expect(rows.find((r) => r[0] === "Cracoviae Merenti, brązowy")).toEqual(["Cracoviae Merenti, brązowy", 0, "—", "brak", 0]);
  });

  test("per year and per status, and each report as CSV equal to its page", async () => {
    const { cookie } = await signInAs("READER");
    const years = await report("years");
    expect(years.find((r) => r[0] === 2016)).toEqual([2016, 2, 0, 0, 0, 0, 2]);
    expect(years.find((r) => r[0] === 2018)).toEqual([2018, 0, 0, 0, 0, 0, 0]);
    expect(years.find((r) => r[0] === 2021)?.at(-1)).toBe(2);
    const statuses = await report("statuses");
    expect(statuses.find((r) => r[0] === "Honoris Gratia" && r[1] === "odmówiono")?.[2]).toBeGreaterThanOrEqual(1);
    for (const key of ["quota", "years", "statuses", "numbers"]) {
      const page = await table(key);
      const res = await reportCsv({
        request: new Request(`http://localhost/reports/${key}/csv`, { headers: { Cookie: cookie } }),
        params: { report: key },
        context: {},
      });
      const parsed = parse(await csvText(res), { delimiter: ";" }) as string[][];
      expect(parsed[0]).toEqual(page.header);
      expect(parsed.slice(1)).toEqual(page.rows.map((r) => r.map(String)));
    }
  });

  test("reports need laureate:read; the status report also nomination:read; unknown names are 404", async () => {
    signOut();
    expect((await callLoader(reportPage, "/reports/quota", { report: "quota" })).status).toBe(302);
    await signInAs("PRINTING");
    expect((await callLoader(reportPage, "/reports/quota", { report: "quota" })).status).toBe(200);
    expect((await callLoader(reportPage, "/reports/statuses", { report: "statuses" })).status).toBe(403);
    expect((await callLoader(reportPage, "/reports/nope", { report: "nope" })).status).toBe(404);
  });
});

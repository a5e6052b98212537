// Import of the historical record on a real SQLite file: the dry run's report (rows, columns),
// all-or-nothing apply, skipping rows with errors on purpose, matching on re-import, the export
// round trip, encodings and separators, 10 000 rows with one wrong, and medal numbers that the
// app continues after the imported ones.
import { readFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { readHistoricalCsv, REQUIRED_COLUMNS, validateRow } from "#app/domain/historical-csv";
import { applyImport, exportHistoricalRecord, planImport } from "#app/models/historical-import.server";
import { assignNextNumber } from "#app/models/conferral.server";
import { db } from "#app/utils/db.server";
import { DEMO_HISTORY_CSV } from "../../prisma/seed/demo";
import { historicalCsv, historicalRecords } from "../../bench/lib/historical-csv";
import { callAction, callLoader, signInAs } from "./helpers";

const HEADER = REQUIRED_COLUMNS.join(";");
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join("\r\n"), "utf-8");

async function counts() {
  const [candidates, conferrals, resolutions, ordinances, audit] = await Promise.all([
    db().candidate.count(),
    db().conferral.count(),
    db().resolution.count(),
    db().ordinance.count(),
    db().auditEvent.count(),
  ]);
  return { candidates, conferrals, resolutions, ordinances, audit };
}

/** The file's records, normalised and sorted, to compare two files' content. */
async function recordsOf(bytes: Uint8Array) {
  const terms = await db().councilTerm.findMany();
  const read = await readHistoricalCsv(bytes);
  expect(read.issues).toEqual([]);
  return read.rows
    .map((r) => validateRow(r, { terms }).record!)
    .map((r) => JSON.stringify(r))
    .sort();
}

describe("historical import", () => {
  test("a fixture with good and bad rows: the dry run names every error by row and column, and applying writes nothing", async () => {
    // A register that already has silver medal no. 301 and resolution LXV/1640/01.
    const first = await applyImport(file("CM;srebrny;301;instytucja;;;Chór Testowy „Hejnał”;;LXV/1640/01;2001-01-24;III;;;;"), { userId: null });
    expect(first.kind).toBe("applied");
    const before = await counts();

    const fixture = file(
      "CM;brazowy;11;osoba;Ewa;Testowa-Żak;;K;XX/200/99;09.06.1999;III;;1999-07-01;Sala Obrad;Za zasługi.", // 2 ok
      "CM;srebrny;301;osoba;Adam;Testowy;;M;XX/200/99;1999-06-09;;;;;", // 3 number 301 in use in the register
      "CM;brazowy;11;osoba;Ola;Testowa;;K;XX/200/99;1999-06-09;;;;;", // 4 number 11 twice in the file
      "CM;brazowy;12;osoba;Iza;Testowa;;K;XX/200/99;1999-06-10;;;;;", // 5 same resolution, another date
      "CM;srebrny;13;osoba;Piotr;Testowy;;M;LXVI/1640/01;2001-02-14;;;;;", // 6 running number 1640 taken by LXV/1640/01
      "CM;srebrny;14;osoba;Jan;Testowy;;M;LXV/1640/01;2001-01-25;;;;;", // 7 LXV/1640/01 is recorded with another date
      "Złoty Krzyż;;;osoba;Jan;Testowy;;M;;;;;;;", // 8 unknown honour (its act columns are then not checked)
      "HG;;15;osoba;Jan;Testowy;;M;;;;30.02.2010;;;", // 9 a date that does not exist
    );
    const plan = await planImport(fixture);
    expect(plan.counts).toEqual({ rows: 8, create: 1, match: 0, error: 7 });
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "numer"],
      [4, "numer"],
      [5, "uchwala_data"],
      [6, "uchwala_nr"],
      [7, "uchwala_data"],
      [8, "wyroznienie"],
      [9, "decyzja_data"],
    ]);
    expect(plan.issues[0]!.message).toMatch(/^Numer 301 \(srebrne medale\) jest już nadany/);
    expect(plan.issues[1]!.message).toBe("Numer 11 (brązowe medale) powtarza się: jest już w wierszu 2.");
    expect(plan.issues[2]!.message).toBe("Uchwała nr XX/200/99 ma w wierszu 2 datę 1999-06-09.");
    expect(plan.issues[3]!.message).toBe("Numer kolejny 1640 jest już użyty w tej kadencji (uchwała nr LXV/1640/01).");
    expect(plan.issues[4]!.message).toBe("Uchwała nr LXV/1640/01 jest zapisana z datą 2001-01-24.");
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "error", "error", "error", "error", "error", "error", "error"]);
    expect(await counts()).toEqual(before);

    const refused = await applyImport(fixture, { userId: null });
    expect(refused.kind).toBe("refused");
    if (refused.kind === "refused")
      expect(refused.message).toBe("Nic nie zaimportowano: 7\u00a0wierszy z błędami. Popraw plik albo świadomie pomiń te wiersze.");
    expect(await counts()).toEqual(before);

    // Skipping the rows with errors on purpose imports the one good row, audited once.
    const skipped = await applyImport(fixture, { userId: null, skipErrors: true, fileName: "fixture.csv" });
    expect(skipped).toMatchObject({ kind: "applied", created: 1, skipped: 7 });
    const after = await counts();
    expect(after).toEqual({
      ...before,
      candidates: before.candidates + 1,
      conferrals: before.conferrals + 1,
      resolutions: before.resolutions + 1,
      audit: before.audit + 1,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "HistoricalImport" }, orderBy: { at: "desc" } });
    expect(JSON.parse(event.after!)).toMatchObject({ file: "fixture.csv", created: 1, skipped: 7, skippedRows: [3, 4, 5, 6, 7, 8, 9] });
    const imported = await db().conferral.findFirstOrThrow({
      where: { numberSeries: "CM_BRONZE", number: 11 },
      include: { candidate: true, resolution: true },
    });
    expect(imported).toMatchObject({
      isHistorical: true,
      conferredOn: "1999-06-09",
      handedOverOn: "1999-07-01",
      handoverPlace: "Sala Obrad",
      citation: "Za zasługi.",
    });
    expect(imported.candidate).toMatchObject({ displayName: "Ewa Testowa-Żak", grammaticalGender: "FEMININE", foldedName: "ewa testowa-zak" });
    expect(imported.resolution).toMatchObject({ number: "XX/200/99", sessionNumber: 20, runningNumber: 200 });
    expect(imported.publicId).toMatch(/^[A-Za-z0-9]{10}$/);

    // The same file again: the good row now matches and nothing is created twice.
    const again = await planImport(fixture);
    expect(again.rows[0]).toMatchObject({ action: "match", matchedPublicId: imported.publicId });
  });

  test("a failure while writing rolls the whole import back", async () => {
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_import_failure BEFORE INSERT ON "Conferral" WHEN NEW."citation" = 'AWARIA' BEGIN SELECT RAISE(ABORT, 'awaria testowa'); END`,
    );
    try {
      const before = await counts();
      const bytes = file("HG;;501;osoba;Anna;Awaryjna;;K;;;;2011-03-02;;;Dobrze.", "CM;srebrny;501;osoba;Adam;Awaryjny;;M;XV/3001/12;2012-04-04;;;;;AWARIA");
      expect((await planImport(bytes)).counts.error).toBe(0);
      await expect(applyImport(bytes, { userId: null })).rejects.toThrow(/awaria testowa/);
      expect(await counts()).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_import_failure`);
    }
  });

  test("export → import round trip: the same records, and re-importing matches every row", async () => {
    const demo = readFileSync(DEMO_HISTORY_CSV);
    const applied = await applyImport(demo, { userId: null });
    expect(applied).toMatchObject({ kind: "applied", created: 25, matched: 0 });

    const { csv, count } = await exportHistoricalRecord({ historicalOnly: true });
    const exported = Buffer.from(csv, "utf-8");
    const demoRecords = await recordsOf(demo);
    const exportedRecords = await recordsOf(exported);
    expect(demoRecords.every((r) => exportedRecords.includes(r))).toBe(true);
    expect(count).toBe(exportedRecords.length);

    const before = await counts();
    const again = await applyImport(exported, { userId: null });
    expect(again).toMatchObject({ kind: "applied", created: 0, matched: count });
    expect((await counts()).conferrals).toBe(before.conferrals);
    expect((await exportHistoricalRecord({ historicalOnly: true })).csv).toBe(csv);

    // The export of one honour holds only that honour.
    const hg = parse((await exportHistoricalRecord({ honour: "HONORIS_GRATIA" })).csv, { bom: true, delimiter: ";", columns: true }) as Record<
      string,
      string
    >[];
    expect(hg.length).toBeGreaterThanOrEqual(7);
    expect(new Set(hg.map((r) => r.wyroznienie))).toEqual(new Set(["HG"]));
    expect(hg.find((r) => r.nazwisko === "Ćwierć-Fikcyjna")).toMatchObject({ numer: "1", decyzja_data: "2010-05-12", decyzja_nr: "1201/2010" });
  });

  test("one ordinance number has one date: in the register and within the file", async () => {
    // The demo record (imported above) has ordinance 1201/2010 of 2010-05-12.
    const lines = [
      `${HEADER};decyzja_nr`,
      "HG;;1101;osoba;Jan;Zarządzony;;M;;;;2010-05-13;;;;1201/2010",
      "HG;;1102;osoba;Ewa;Zarządzona;;K;;;;2019-01-02;;;;77/2019",
      "HG;;1103;osoba;Ola;Zarządzona;;K;;;;2019-01-03;;;;77/2019",
    ];
    const plan = await planImport(Buffer.from(lines.join("\r\n"), "utf-8"));
    expect(plan.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, "decyzja_data", "Zarządzenie nr 1201/2010 jest zapisane z datą 2010-05-12."],
      [4, "decyzja_data", "Zarządzenie nr 77/2019 ma w wierszu 3 datę 2019-01-02."],
    ]);
  });

  test("a Windows-1250 file with ',' is detected, decoded and imported with its diacritics", async () => {
    const rows = [
      [...REQUIRED_COLUMNS],
      ["HG", "", "601", "osoba", "Ździsława", "Gęślą-Jaźń", "", "K", "", "", "", "2013-06-05", "", "", "Za pomoc, wsparcie i opiekę"],
    ];
    const bytes = iconv.encode(stringify(rows, { delimiter: "," }), "win1250");
    const plan = await planImport(bytes);
    expect(plan).toMatchObject({ encoding: "Windows-1250", delimiter: ",", counts: { create: 1, error: 0 } });
    await applyImport(bytes, { userId: null });
    const c = await db().conferral.findFirstOrThrow({ where: { numberSeries: "HG", number: 601 }, include: { candidate: true } });
    expect(c.candidate.displayName).toBe("Ździsława Gęślą-Jaźń");
    expect(c.citation).toBe("Za pomoc, wsparcie i opiekę");
  });

  test("a row with the wrong number of fields is a row with an error: it may be skipped on purpose, and the audit names it", async () => {
    const bytes = file("HG;;611;osoba;Ewa;Polowa;;K;;;;2013-06-05;;;", "HG;;612;osoba;Jan");
    const plan = await planImport(bytes);
    expect(plan.fileIssues).toEqual([]);
    expect(plan.counts).toEqual({ rows: 2, create: 1, match: 0, error: 1 });
    expect(plan.issues).toEqual([{ row: 3, column: null, message: expect.stringMatching(/^Wiersz ma 5\u00a0pól/) }]);
    // It is listed among the rows, in its place, with its cells.
    expect(plan.rows.map((r) => [r.row, r.action, r.label])).toEqual([
      [2, "create", "Ewa Polowa: Honoris Gratia nr 611, decyzja z 2013-06-05"],
      [3, "error", "HG · 612 · osoba · Jan"],
    ]);
    const result = await applyImport(bytes, { userId: null, fileName: "polowa.csv", skipErrors: true });
    expect(result).toMatchObject({ kind: "applied", created: 1, skipped: 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "HistoricalImport" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ file: "polowa.csv", skippedRows: [3] });
  });

  test("a file that breaks off in an open quote imports nothing, not the rows before the break", async () => {
    const before = await counts();
    const bytes = file("HG;;621;osoba;Ewa;Przedprzerwą;;K;;;;2013-06-05;;;", 'HG;;622;osoba;Jan;Poprzerwie;;M;;;;2013-06-05;;;"Za zasługi');
    const plan = await planImport(bytes);
    expect(plan.fileIssues).toHaveLength(1);
    expect(plan.counts).toEqual({ rows: 0, create: 0, match: 0, error: 0 });
    const result = await applyImport(bytes, { userId: null, skipErrors: true });
    expect(result).toMatchObject({ kind: "refused", message: "Pliku nie można zaimportować: popraw błędy pliku." });
    expect(await counts()).toEqual(before);
  });

  test("10 000 rows with one wrong: the report names it, and nothing is imported", async () => {
    const before = await counts();
    const highest = { CM_GOLD: 5000, CM_SILVER: 5000, CM_BRONZE: 5000, HG: 5000 };
    const bytes = historicalCsv(historicalRecords(10_000, { highestNumber: highest, runningAfter: 20_000 }), { badRow: 7777 });
    const result = await applyImport(bytes, { userId: null });
    expect(result.kind).toBe("refused");
    expect(result.plan.counts).toEqual({ rows: 10_000, create: 9_999, match: 0, error: 1 });
    expect(result.plan.issues).toEqual([{ row: 7777, column: expect.stringMatching(/^(uchwala|decyzja)_data$/), message: "Data „2001-02-30” nie istnieje." }]);
    expect(await counts()).toEqual(before);
  });

  test("medal numbers given in the app continue after the highest imported one", async () => {
    await applyImport(file("CM;brazowy;900;osoba;Numer;Najwyższy;;M;XC/1150/10;2010-01-27;;;;;"), { userId: null });
    const candidate = await db().candidate.findFirstOrThrow({ where: { surname: "Najwyższy" } });
    const fresh = await db().conferral.create({
      data: { publicId: "test-next-number", candidateId: candidate.id, honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE", conferredOn: "2025-01-01" },
    });
    const number = await db().$transaction((tx) => assignNextNumber(tx, fresh.id, "CM_BRONZE"));
    expect(number).toBe(901);
  });

  test("the import screen: dry run of an uploaded file, apply, and the export download; staff without settings:manage get 403", async () => {
    const { action, loader } = await import("#app/routes/import._index");
    const exportRoute = await import("#app/routes/import.export");
    await signInAs("READER");
    expect((await callLoader(loader, "/import")).status).toBe(403);

    const { cookie } = await signInAs("ADMIN");
    const upload = (bytes: Uint8Array, name: string) => {
      const fd = new FormData();
      fd.append("intent", "preview");
      fd.append("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
      return action({ request: new Request("http://localhost/import", { method: "POST", body: fd, headers: { Cookie: cookie } }), params: {}, context: {} });
    };
    const bytes = file("HG;;701;osoba;Ekran;Testowy;;M;;;;2014-02-03;;;", "HG;;701;osoba;Drugi;Testowy;;M;;;;2014-02-03;;;");
    const preview = (await upload(bytes, "ekran.csv")) as {
      report: { counts: { create: number; error: number }; issues: { row: number; column: string }[]; importId: string };
    };
    expect(preview.report.counts).toEqual({ rows: 2, create: 1, match: 0, error: 1 });
    expect(preview.report.issues.map((i) => [i.row, i.column])).toEqual([[3, "numer"]]);

    const refused = await callAction<{ message: string }>(action, "/import", { intent: "apply", importId: preview.report.importId });
    expect(refused.status).toBe(400);
    expect(refused.data!.message).toMatch(/^Nic nie zaimportowano: 1\u00a0wiersz z błędami/);
    expect(await db().conferral.count({ where: { numberSeries: "HG", number: 701 } })).toBe(0);

    const applied = await callAction(action, "/import", { intent: "apply", importId: preview.report.importId, skipErrors: "on" });
    expect(applied.location).toBe("/import");
    expect(applied.toast).toMatchObject({ title: "Zaimportowano 1\u00a0nadanie; już w rejestrze: 0; pominięto 1\u00a0wiersz z błędami." });
    expect(await db().conferral.count({ where: { numberSeries: "HG", number: 701 } })).toBe(1);

    const notCsv = (await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "arkusz.xlsx")) as { report: { fileIssues: { message: string }[] } };
    expect(notCsv.report.fileIssues[0]!.message).toMatch(/nie jest plikiem CSV/);

    const download = await exportRoute.loader({
      request: new Request("http://localhost/import/export?honour=HG", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(download.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const body = Buffer.from(await download.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString("utf-8");
    expect(text.startsWith(`\uFEFF${HEADER};decyzja_nr\r\n`)).toBe(true);
    expect(text).toContain("HG;;701;osoba;Ekran;Testowy;;M;;;;2014-02-03;;;;");
  });
});

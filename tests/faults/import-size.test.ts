// Issue 15, item 14: the „Importuj” step took 25 MB, past the 20 MB limit, and a 19 MB dry run
// answered a 26.6 MB page (the whole file went back to the browser in base64 to be applied) and
// took the server to 1.46 GB. Now the dry run keeps the file on the server under an id, the
// page shows the first errors and links the full list as CSV, and applying takes only the id.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { REQUIRED_COLUMNS } from "#app/domain/historical-csv";
import { MAX_IMPORT_BYTES } from "#app/domain/import-form";
import { action } from "#app/routes/import._index";
import { db } from "#app/utils/db.server";
import { callAction, settle, signInAs } from "#tests/integration/helpers";

const HEADER = REQUIRED_COLUMNS.join(";");
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join("\r\n"), "utf-8");

let cookie = "";
let userId = "";
beforeAll(async () => {
  ({ cookie, userId } = await signInAs("ADMIN"));
});

function upload(bytes: Uint8Array, name = "historia.csv") {
  const fd = new FormData();
  fd.append("intent", "preview");
  fd.append("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  return settle<Preview>(() =>
    action({ request: new Request("http://localhost/import", { method: "POST", body: fd, headers: { Cookie: cookie } }), params: {}, context: {} }),
  );
}

type Preview = {
  result: { error?: Record<string, string[]> } | null;
  report: {
    importId: string;
    errorsUrl: string | null;
    counts: { rows: number; create: number; match: number; error: number };
    issues: { row: number | null; column: string | null; message: string }[];
    issueCount: number;
    rows: unknown[];
  } | null;
  message: string | null;
};

/** `count` rows that are all wrong (an unknown honour), each about 100 bytes. */
function wrongRows(count: number, from = 1): string[] {
  return Array.from(
    { length: count },
    (_, i) => `Order Testowy ${from + i};;;osoba;Jan;Błędny-${from + i};;M;;;;2009-03-12;;;Wiersz z błędem do sprawdzenia rozmiaru strony.`,
  );
}

describe("the size of an import", () => {
  test("a file over 20 MB is refused in the dry run, with the Polish message by the field", async () => {
    const tooBig = Buffer.alloc(MAX_IMPORT_BYTES + 1024 * 1024, "a");
    const answer = await upload(tooBig);
    expect(answer.status).toBe(413);
    expect(answer.data!.result!.error!.file).toEqual(["Plik jest większy niż 20 MB: zaimportuj go poleceniem npm run import."]);
    expect(answer.data!.report).toBeNull();
  });

  test("the „Importuj” step refuses a 25 MB request and takes no file content, only the dry run's id", async () => {
    const before = await db().conferral.count();
    const big = await callAction<Preview>(action, "/import", { intent: "apply", content: "A".repeat(25 * 1024 * 1024), fileName: "duzy.csv" });
    expect(big.status).toBe(413);
    const noId = await callAction<Preview>(action, "/import", {
      intent: "apply",
      content: csv("HG;;951;osoba;Ala;Bezid;;K;;;;2014-02-03;;;").toString("base64"),
    });
    expect(noId.status).toBe(400);
    expect(await db().conferral.count()).toBe(before);
  });

  test("the dry run is kept on the server and applied by its id; the page carries no copy of the file", async () => {
    const bytes = csv("HG;;952;osoba;Ewa;Poidentyfikatorze;;K;;;;2014-02-03;;;", "HG;;952;osoba;Drugi;Poidentyfikatorze;;M;;;;2014-02-03;;;");
    const preview = await upload(bytes, "po-id.csv");
    expect(preview.status).toBe(200);
    const report = preview.data!.report!;
    expect(report.counts).toEqual({ rows: 2, create: 1, match: 0, error: 1 });
    expect(report.importId).toMatch(/^[0-9a-f-]{36}$/);
    const page = JSON.stringify(preview.data);
    expect(page).not.toContain(bytes.toString("base64").slice(0, 40));
    expect(page).not.toContain('"content"');

    const refused = await callAction<{ message: string }>(action, "/import", { intent: "apply", importId: report.importId });
    expect(refused.status).toBe(400);
    expect(refused.data!.message).toMatch(/^Nic nie zaimportowano: 1\u00a0wiersz z błędami/);
    const applied = await callAction(action, "/import", { intent: "apply", importId: report.importId, skipErrors: "on" });
    expect(applied.location).toBe("/import");
    expect(await db().conferral.count({ where: { numberSeries: "HG", number: 952 } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "HistoricalImport", userId }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ file: "po-id.csv", created: 1 });

    // Applied once: the id is gone, a second try is told to load the file again.
    const again = await callAction<{ result: { error: Record<string, string[]> } }>(action, "/import", {
      intent: "apply",
      importId: report.importId,
      skipErrors: "on",
    });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.data)).toContain("Wczytaj plik ponownie");
    expect(await db().conferral.count({ where: { numberSeries: "HG", number: 952 } })).toBe(1);
  });

  test("a file that breaks off part way: the page and the error download both name only the file's problem", async () => {
    const preview = await upload(csv(...wrongRows(3), 'HG;;954;osoba;Jan;Urwany;;M;;;;2014-02-03;;;"Za zasługi'), "urwany.csv");
    expect(preview.status).toBe(200);
    const report = preview.data!.report!;
    expect(report.issueCount).toBe(1);
    expect(report.issues).toEqual([
      { row: null, column: null, message: expect.stringMatching(/Cudzysłów otwarty w wierszu 5 nie jest zamknięty do końca pliku\.$/) },
    ]);
    const { loader } = await import("#app/routes/import.$id.errors[.csv]");
    const download = await loader({
      request: new Request(`http://localhost${report.errorsUrl}`, { headers: { Cookie: cookie } }),
      params: { id: report.importId },
      context: {},
    });
    const records = parse(await download.text(), { bom: true, delimiter: ";", columns: true }) as { wiersz: string; błąd: string }[];
    expect(records).toEqual([{ wiersz: "plik", kolumna: "", błąd: report.issues[0]!.message }]);
  });

  test("another user cannot apply someone's dry run", async () => {
    const preview = await upload(csv("HG;;953;osoba;Ola;Cudza;;K;;;;2014-02-03;;;"), "cudzy.csv");
    const { importId } = preview.data!.report!;
    await signInAs("ADMIN");
    const foreign = await callAction(action, "/import", { intent: "apply", importId });
    expect(foreign.status).toBe(400);
    expect(await db().conferral.count({ where: { numberSeries: "HG", number: 953 } })).toBe(0);
    ({ cookie } = await signInAs("ADMIN"));
  });

  test("a big file's dry run answers a bounded page: the first errors, the full list as a CSV download", async () => {
    const rows = wrongRows(20_000);
    const bytes = csv(...rows);
    expect(bytes.length).toBeGreaterThan(2_000_000);
    const preview = await upload(bytes, "wielki.csv");
    expect(preview.status).toBe(200);
    const report = preview.data!.report!;
    expect(report.counts.error).toBe(20_000);
    expect(report.issueCount).toBe(20_000);
    expect(report.issues.length).toBeLessThanOrEqual(200);
    expect(report.rows.length).toBeLessThanOrEqual(200);
    // What the page carries (its data; the HTML repeats it once) stays small whatever the file.
    expect(JSON.stringify(preview.data).length).toBeLessThan(150_000);

    const { loader } = await import("#app/routes/import.$id.errors[.csv]");
    expect(report.errorsUrl).toBe(`/import/${report.importId}/errors.csv`);
    const download = await loader({
      request: new Request(`http://localhost${report.errorsUrl}`, { headers: { Cookie: cookie } }),
      params: { id: report.importId },
      context: {},
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    const text = Buffer.from(await download.arrayBuffer()).toString("utf-8");
    expect(text.startsWith("\uFEFFwiersz;kolumna;błąd\r\n")).toBe(true);
    const records = parse(text.slice(1), { delimiter: ";", columns: true }) as { wiersz: string; kolumna: string; błąd: string }[];
    expect(records).toHaveLength(20_000);
    expect(records[0]).toEqual({ wiersz: "2", kolumna: "wyroznienie", błąd: "Nieznane wyróżnienie „Order Testowy 1”: wpisz CM, HO lub HG." });
    expect(records.at(-1)!.wiersz).toBe("20001");

    // Someone else's dry run, or one that does not exist: 404.
    const other = await signInAs("ADMIN");
    const foreign = await settle(() =>
      loader({
        request: new Request(`http://localhost${report.errorsUrl}`, { headers: { Cookie: other.cookie } }),
        params: { id: report.importId },
        context: {},
      }),
    );
    expect(foreign.status).toBe(404);
    ({ cookie } = await signInAs("ADMIN"));
  });
});

// Letters to the applicants of refused Honoris Gratia applications, through the real intake,
// the real bulk refusal and the real download on a real database: one letter a page per
// application (pdftotext, pdfinfo, DOCX text), the reason recorded with the refusal, a refusal
// recorded without a reason, the list and its period, and the form's errors next to its fields.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, todayIso } from "#app/domain/polish-dates";
import { action as bulkAction } from "#app/routes/hg.bulk";
import { action as intakeAction } from "#app/routes/hg.new";
import { loader as refusalsLoader } from "#app/routes/hg.refusals";
import { loader as lettersLoader } from "#app/routes/hg.refusals_.letters";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, signInAs, signOut, type Fields } from "./helpers";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-hg-refusal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (text: string) =>
  text
    .replace(/Strona \d+ z \d+/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();

type Page = Awaited<ReturnType<typeof refusalsLoader>>;
type BulkReply = { summary: { done: unknown[]; failed: unknown[] } | null };

const today = todayIso();
const decided = addDays(today, -2);
const REASON = "Zasługi kandydata nie zostały udokumentowane w sposób wymagany regulaminem.";
let cookie = "";
let token = 0;

async function apply(fields: Fields): Promise<string[]> {
  token++;
  const answer = await callAction(intakeAction, "/hg/new", {
    creationToken: `hg-refusal-${Date.now()}-${token}`,
    channel: "PAPER",
    applicantKind: "ORGANIZATION",
    proposedEventName: "",
    merits: "Działalność społeczna.",
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
  const id = new URL(answer.location!, "http://localhost").searchParams.get("after")!;
  return (await db().nomination.findMany({ where: { hgApplicationId: id }, orderBy: { createdAt: "asc" } })).map((n) => n.id);
}

function laureate(i: number, givenNames: string, surname: string, gender: "MASCULINE" | "FEMININE"): Fields {
  return {
    [`laureates[${i}].kind`]: "PERSON",
    [`laureates[${i}].givenNames`]: givenNames,
    [`laureates[${i}].surname`]: surname,
    [`laureates[${i}].grammaticalGender`]: gender,
    [`laureates[${i}].city`]: "Kraków",
  };
}

async function letters(query: string): Promise<Response> {
  return (await lettersLoader({
    request: new Request(`http://localhost/hg/refusals/letters?${query}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  }).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  })) as Response;
}

async function pdfText(res: Response, name: string): Promise<{ text: string; pages: number }> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = flat((await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout);
  const pages = Number(/Pages:\s+(\d+)/.exec((await run("pdfinfo", [file])).stdout)![1]);
  return { text, pages };
}

const ids = (list: string[]) => list.map((id) => `ids=${id}`).join("&");

let twoOfOne: string[] = [];
let oneOfOther: string[] = [];

beforeAll(async () => {
  ({ cookie } = await signInAs("KP04_CLERK"));
  // The letters are signed by the Mayor in office on the letter's date.
  await db().signatory.deleteMany({ where: { office: "MAYOR" } });
  await db().signatory.create({ data: { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" } });
  twoOfOne = await apply({
    receivedDate: "2018-04-24",
    caseReference: "KP-04.0012.41.2018",
    applicantName: "Towarzystwo Miłośników Zwierzyńca",
    applicantContact: "ul. Królowej Jadwigi 1, Kraków",
    ...laureate(0, "Żaneta", "Świątkowska-Odmowna", "FEMININE"),
    ...laureate(1, "Łukasz", "Ćwikła-Odmowny", "MASCULINE"),
  });
  oneOfOther = await apply({
    receivedDate: "2019-03-05",
    caseReference: "",
    applicantName: "Fundacja Źródło",
    applicantContact: "",
    ...laureate(0, "Jerzy", "Gęślarz-Odmowny", "MASCULINE"),
  });
  const all = [...twoOfOne, ...oneOfOther];
  expect((await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids: all })).data!.summary!.done).toHaveLength(3);
  const refused = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "refuse", ids: all, eventDate: decided, reason: REASON });
  expect(refused.data!.summary!.done).toHaveLength(3);
});

describe("letters to the applicants of refused applications", () => {
  test("one PDF: a letter a page per application, each refused candidate by name, the reason, the received date in Polish", async () => {
    const res = await letters(`${ids([...twoOfOne, ...oneOfOther])}&letterDate=${today}&format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toContain(`pisma-odmowa-honoris-gratia-${today}.pdf`);
    const { text, pages } = await pdfText(res, "letters");
    expect(pages).toBe(2);
    expect(text.match(/Szanowni Państwo/g)).toHaveLength(2);
    for (const name of [
      "Żaneta Świątkowska-Odmowna",
      "Łukasz Ćwikła-Odmowny",
      "Jerzy Gęślarz-Odmowny",
      "Towarzystwo Miłośników Zwierzyńca",
      "Fundacja Źródło",
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain("który wpłynął 24 kwietnia 2018 r.");
    expect(text).toContain("który wpłynął 5 marca 2019 r.");
    expect(text).toContain("znak sprawy: KP-04.0012.41.2018");
    expect(text.match(new RegExp(`Uzasadnienie odmowy: ${REASON}`, "g"))).toHaveLength(2);
    expect(text).toContain("Prezydent Miasta Krakowa decyzją z dnia");
    // Applicants in alphabetical order: the foundation's letter comes first.
    expect(text.indexOf("Fundacja Źródło")).toBeLessThan(text.indexOf("Towarzystwo Miłośników Zwierzyńca"));
    expect(text).toContain("Kancelaria Prezydenta Miasta Krakowa");
    expect(text).toContain("Z wyrazami szacunku Prezydent Miasta Krakowa Jan Testowy");
  });

  test("the same letters as DOCX", async () => {
    const res = await letters(`${ids([...twoOfOne, ...oneOfOther])}&letterDate=${today}&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["word/document.xml"]!);
    const text = flat([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" "));
    for (const name of [
      "Żaneta Świątkowska-Odmowna",
      "Łukasz Ćwikła-Odmowny",
      "Jerzy Gęślarz-Odmowny",
      "Towarzystwo Miłośników Zwierzyńca",
      "Fundacja Źródło",
      REASON,
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain("24 kwietnia 2018 r.");
  });

  test("all refusals of a period: the decision date bounds the period", async () => {
    const within = await letters(`allInPeriod=on&from=${decided}&to=${decided}&letterDate=${today}&format=pdf`);
    expect(within.status).toBe(200);
    const { text } = await pdfText(within, "period");
    expect(text).toContain("Żaneta Świątkowska-Odmowna");
    expect(text).toContain("Jerzy Gęślarz-Odmowny");

    const page = await callLoader<Page>(refusalsLoader, `/hg/refusals?from=${decided}&to=${decided}`);
    expect(page.data!.rows.map((r) => r.id)).toEqual(expect.arrayContaining([...twoOfOne, ...oneOfOther]));
    const row = page.data!.rows.find((r) => r.id === twoOfOne[0])!;
    expect(row).toMatchObject({ refusedOn: decided, reason: REASON, application: { applicantName: "Towarzystwo Miłośników Zwierzyńca" } });

    const later = await callLoader<Page>(refusalsLoader, `/hg/refusals?from=${addDays(today, -1)}`);
    expect(later.data!.rows.map((r) => r.id)).not.toContain(twoOfOne[0]);
    const none = await callLoader<Page>(refusalsLoader, "/hg/refusals?from=2000-01-01&to=2000-12-31");
    expect(none.data).toMatchObject({ rows: [], total: 0, pages: 1 });
  });

  test("a refusal recorded without a reason: the letter says so neutrally", async () => {
    const [id] = await apply({
      receivedDate: "2017-11-02",
      caseReference: "KP-04.0012.7.2017",
      applicantName: "Koło Gospodyń Wiejskich z Nowej Huty",
      applicantContact: "",
      ...laureate(0, "Halina", "Bez-Powodu", "FEMININE"),
    });
    // A refusal from before the reason was required (kept in old files): no reason, no audit event.
    await db().nomination.update({ where: { id: id! }, data: { status: "REFUSED", closingReason: "" } });
    const page = await callLoader<Page>(refusalsLoader, "/hg/refusals");
    expect(page.data!.rows.find((r) => r.id === id)).toMatchObject({ reason: "", refusedOn: null });

    const { text, pages } = await pdfText(await letters(`ids=${id}&letterDate=${today}&format=pdf`), "no-reason");
    expect(pages).toBe(1);
    expect(text).toContain("Halina Bez-Powodu");
    expect(text).toContain("który wpłynął 2 listopada 2017 r.");
    expect(text).toContain("W aktach sprawy nie zapisano uzasadnienia tej decyzji.");
    expect(text).not.toContain("Uzasadnienie odmowy:");
    expect(text).not.toContain("decyzją z dnia");
  });

  test("the bulk refusal still requires a reason", async () => {
    const [id] = await apply({
      receivedDate: today,
      caseReference: "",
      applicantName: "Fundacja Źródło",
      applicantContact: "",
      ...laureate(0, "Adam", "Bez-Odmowy", "MASCULINE"),
    });
    await callAction(bulkAction, "/hg/bulk", { bulkAction: "verify", ids: [id!] });
    const refused = await callAction<{ result: { error?: Record<string, string[]> } }>(bulkAction, "/hg/bulk", {
      bulkAction: "refuse",
      ids: [id!],
      eventDate: today,
    });
    expect(refused.status).toBe(400);
    expect(refused.data!.result.error!.reason).toEqual(["Podaj powód odmowy."]);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: id! } })).status).toBe("VERIFIED");
  });

  test("a form that does not validate goes back to the list with the errors in Polish next to the fields, the input kept", async () => {
    const res = await letters(`from=${decided}&letterDate=2026-02-30&format=pdf`);
    expect(res.status).toBe(303);
    const back = res.headers.get("Location")!;
    expect(back).toMatch(/^\/hg\/refusals\?/);
    const page = await callLoader<Page>(refusalsLoader, back);
    expect(page.data!.lettersResult!.error).toMatchObject({
      ids: ["Zaznacz co najmniej jedną odmowę albo wszystkie z wybranego okresu."],
      letterDate: ["Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."],
    });
    expect(page.data!.lettersResult!.initialValue).toMatchObject({ letterDate: "2026-02-30", from: decided });
    expect(page.data!.period.from).toBe(decided);

    const period = await callLoader<Page>(refusalsLoader, `/hg/refusals?from=${today}&to=${decided}`);
    expect(period.data!.periodErrors.to).toEqual(["Koniec okresu nie może być przed jego początkiem."]);
    expect(period.data!.rows).toEqual([]);
  });

  test("the list and the letters need the permission the grant letters need", async () => {
    await signInAs("PRINTING");
    expect((await callLoader(refusalsLoader, "/hg/refusals")).status).toBe(403);
    signOut();
    const anonymous = (await lettersLoader({
      request: new Request(`http://localhost/hg/refusals/letters?${ids(twoOfOne)}&letterDate=${today}&format=pdf`),
      params: {},
      context: {},
    }).catch((r: unknown) => r)) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

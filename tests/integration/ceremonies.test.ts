// Ceremonies on a real SQLite copy: scheduling, laureates and their order, bad input, holding
// (present laureates handed over through the workflow, absentees waiting), the programme PDF's
// text, the invitations CSV, the .ics file and the calendar feed with its revocable token.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as detailAction, loader as detailLoader } from "#app/routes/ceremonies.$id._index";
import { action as editAction } from "#app/routes/ceremonies.$id.edit";
import { action as newAction } from "#app/routes/ceremonies.new";
import { action as programmeAction, loader as programmeLoader } from "#app/routes/ceremonies.$id.programme";
import { loader as programmePdf } from "#app/routes/ceremonies.$id.programme[.pdf]";
import { loader as handoverPdf } from "#app/routes/ceremonies.$id.handover-list[.pdf]";
import { loader as invitationsCsv } from "#app/routes/ceremonies.$id.invitations[.csv]";
import { loader as ceremonyIcs } from "#app/routes/ceremonies.$id.calendar[.ics]";
import { loader as feedLoader } from "#app/routes/calendar.$token";
import { action as feedsAction, loader as feedsLoader } from "#app/routes/admin.calendar-feeds";
import { loader as venuesLoader } from "#app/routes/admin.venues._index";
import { loader as listLoader } from "#app/routes/ceremonies._index";
import { loader as nominationLoader } from "#app/routes/nominations.$id._index";
import { DEFAULT_ROLES } from "#app/domain/permissions";
import { newPublicId } from "#app/models/conferral.server";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, resumeSession, signInAs, signOut } from "./helpers";
import { expectArchivalPdf } from "./pdf-checks";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-ceremonies-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(res: Response): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  return stdout.replace(/[\s\u00a0]+/g, " ").trim();
}

let seq = 0;
/** A laureate: candidate, nomination in `status` and its conferral (conferred on `conferredOn`). */
async function laureate(options: { honour?: string; status?: string; given?: string; surname?: string; conferredOn?: string; gender?: string } = {}) {
  seq++;
  const given = options.given ?? "Bolesław";
  const surname = options.surname ?? `Testowy${seq}`;
  const honour = options.honour ?? "CRACOVIAE_MERENTI";
  const status = options.status ?? { CRACOVIAE_MERENTI: "DIPLOMA_PRINTED", HONORARY_CITIZENSHIP: "ADOPTED", HONORIS_GRATIA: "GRANTED" }[honour]!;
  const candidate = await db().candidate.create({
    data: {
      kind: "PERSON",
      givenNames: given,
      surname,
      grammaticalGender: options.gender ?? "MASCULINE",
      nameNominative: `${given} ${surname}`,
      nameDative: `Bolesławowi ${surname}owi`,
      displayName: `${surname} ${given}`,
      sortName: `${surname} ${given}`.toLowerCase(),
      foldedName: `${given} ${surname}`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/ł/g, "l"),
    },
  });
  const nomination = await db().nomination.create({
    data: { honour, status, candidateId: candidate.id, receivedDate: "2025-10-01", searchText: surname.toLowerCase(), sortName: surname.toLowerCase() },
  });
  const conferral = await db().conferral.create({
    data: {
      publicId: newPublicId(),
      nominationId: nomination.id,
      candidateId: candidate.id,
      honour,
      medalClass: honour === "CRACOVIAE_MERENTI" ? "SILVER" : null,
      conferredOn: options.conferredOn ?? "2026-03-11",
    },
  });
  return { name: `${given} ${surname}`, nominationId: nomination.id, conferralId: conferral.id };
}

const VALID = { kind: "COUNCIL_SESSION", title: "Uroczysta sesja Rady Miasta Krakowa", date: "2026-06-05", startTime: "12:00", endTime: "14:00" };

async function schedule(fields: Record<string, string> = {}) {
  const venue = await db().venue.findFirstOrThrow({ where: { name: "Sala Obrad Rady Miasta Krakowa" } });
  const res = await callAction<unknown>(newAction, "/ceremonies/new", { ...VALID, venueId: venue.id, ...fields });
  expect(res.status).toBe(302);
  return res.location!.split("/").pop()!;
}

type Page = {
  ceremony: { version: number; status: string };
  laureates: { id: string; name: string; attendance: string; representedBy?: string }[];
  findings: { code: string; severity: string; message: string }[];
  candidates: { id: string; name: string }[];
};
const page = async (id: string, query = "") => (await callLoader<Page>(detailLoader, `/ceremonies/${id}${query}`, { id })).data!;
const post = (id: string, fields: Record<string, string>) =>
  callAction<{ message?: string; problems?: string[] }>(detailAction, `/ceremonies/${id}`, fields, { id });
const add = async (id: string, conferralId: string) => post(id, { intent: "add", conferralId, version: String((await page(id)).ceremony.version) });
const setAttendance = async (id: string, laureateId: string, attendance: string, extra: Record<string, string> = {}) =>
  post(id, { intent: "laureate", laureateId, attendance, guestsCount: "2", version: String((await page(id)).ceremony.version), ...extra });

let cookie = "";
beforeAll(async () => {
  cookie = (await signInAs("PROTOCOL")).cookie;
});

describe("scheduling", () => {
  test("a ceremony is created and audited; an end before the start is refused in Polish and creates nothing", async () => {
    const before = await db().ceremony.count();
    const bad = await callAction<{ result: { error: Record<string, string[]> } }>(newAction, "/ceremonies/new", { ...VALID, endTime: "11:00" });
    expect(bad.status).toBe(400);
    expect(bad.data!.result.error.endTime).toEqual(["Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia."]);
    expect(await db().ceremony.count()).toBe(before);
    const id = await schedule();
    expect(await db().auditEvent.count({ where: { entityType: "Ceremony", entityId: id, action: "CREATE" } })).toBe(1);
  });

  test("the list shows coming ceremonies earliest first, and earlier ones latest first on request", async () => {
    const soon = await schedule({ title: "Wkrótce", date: "2098-01-02" });
    const later = await schedule({ title: "Później", date: "2098-03-04" });
    const before = await schedule({ title: "Dawno", date: "2001-05-06" });
    type List = { upcoming: { id: string }[] };
    const coming = (await callLoader<List>(listLoader, "/ceremonies")).data!.upcoming.map((c) => c.id);
    expect(coming.indexOf(soon)).toBeLessThan(coming.indexOf(later));
    expect(coming).not.toContain(before);
    const earlier = (await callLoader<List>(listLoader, "/ceremonies?okres=wczesniejsze")).data!.upcoming.map((c) => c.id);
    expect(earlier).toContain(before);
    expect(earlier).not.toContain(soon);
    const month = (await callLoader<{ inMonth: { id: string }[] }>(listLoader, "/ceremonies?month=2098-03")).data!.inMonth.map((c) => c.id);
    expect(month).toEqual([later]);
  });

  test("a stale edit is refused and changes nothing", async () => {
    const id = await schedule();
    const ok = await callAction(editAction, `/ceremonies/${id}/edit`, { ...VALID, title: "Nowa nazwa", version: "1" }, { id });
    expect(ok.status).toBe(302);
    const stale = await callAction<{ result: { error: Record<string, string[]> } }>(
      editAction,
      `/ceremonies/${id}/edit`,
      { ...VALID, title: "Inna", version: "1" },
      { id },
    );
    expect(stale.status).toBe(409);
    expect((await db().ceremony.findUniqueOrThrow({ where: { id } })).title).toBe("Nowa nazwa");
  });

  test("a reader may not see or plan ceremonies", async () => {
    await signInAs("READER");
    expect((await callLoader(detailLoader, "/ceremonies/x", { id: "x" })).status).toBe(403);
    expect((await callAction(newAction, "/ceremonies/new", VALID)).status).toBe(403);
    resumeSession(cookie);
  });
});

describe("laureates", () => {
  test("the search finds conferred laureates of any honour not yet handed over, ignoring diacritics", async () => {
    const hg = await laureate({ honour: "HONORIS_GRATIA", given: "Łucja", surname: "Żółtowska" });
    const done = await laureate({ honour: "HONORIS_GRATIA", given: "Łucja", surname: "Żółtowska-Wręczona", status: "HANDED_OVER" });
    const id = await schedule({ kind: "GALA" });
    const found = await page(id, "?q=zoltowska");
    expect(found.candidates.map((c) => c.id)).toContain(hg.conferralId);
    expect(found.candidates.map((c) => c.id)).not.toContain(done.conferralId);
  });

  test("a woman is named „laureatka” in the refusal and in the double-planning warning", async () => {
    const early = await laureate({ given: "Anna", surname: "Wcześniejsza", gender: "FEMININE", status: "VERIFIED" });
    const id = await schedule();
    const refused = await add(id, early.conferralId);
    expect(refused.status).toBe(400);
    expect(refused.data!.message).toBe("Anna Wcześniejsza: dodać można tylko laureatkę z podjętą uchwałą lub przyznaną odznaką, jeszcze nie wręczoną.");

    const twice = await laureate({ given: "Anna", surname: "Podwójna", gender: "FEMININE" });
    const other = await schedule({ title: "Inna uroczystość", date: "2026-06-12" });
    expect((await add(id, twice.conferralId)).status).toBe(302);
    expect((await add(other, twice.conferralId)).status).toBe(302);
    const warning = (await page(id)).findings.find((f) => f.code === "DOUBLE_PLANNED")!;
    expect(warning.message).toMatch(
      /^Anna Podwójna: laureatka jest zaplanowana także na inną uroczystość \(„Inna uroczystość”.*\)\. Usuń ją z jednej z nich\.$/,
    );
  });

  test("a laureate cannot be added twice; the order moves up and down; positions stay 1..n", async () => {
    const [a, b, c] = [await laureate(), await laureate(), await laureate()];
    const id = await schedule();
    for (const l of [a, b, c]) expect((await add(id, l.conferralId)).status).toBe(302);
    const twice = await add(id, a.conferralId);
    expect(twice.status).toBe(400);
    expect(twice.data!.message).toBe(`${a.name} jest już na liście laureatów tej uroczystości.`);
    expect(await db().ceremonyLaureate.count({ where: { ceremonyId: id } })).toBe(3);

    const laureates = (await page(id)).laureates;
    const moved = await post(id, { intent: "move", laureateId: laureates[2]!.id, direction: "up", version: String((await page(id)).ceremony.version) });
    expect(moved.status).toBe(200);
    expect((await page(id)).laureates.map((l) => l.name)).toEqual([a.name, c.name, b.name]);
    const stale = await post(id, { intent: "move", laureateId: laureates[0]!.id, direction: "down", version: "1" });
    expect(stale.status).toBe(409);
    expect((await page(id)).laureates.map((l) => l.name)).toEqual([a.name, c.name, b.name]);
    const rows = await db().ceremonyLaureate.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3]);
  });

  test("the conflict checks show on the page: planned twice, before the resolution, venue booked twice", async () => {
    const early = await laureate({ conferredOn: "2026-07-01" });
    const first = await schedule();
    const second = await schedule({ startTime: "13:00", endTime: "15:00" });
    await add(first, early.conferralId);
    await add(second, early.conferralId);
    const codes = (await page(second)).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["DOUBLE_PLANNED", "BEFORE_CONFERRAL", "VENUE_DOUBLE_BOOKED", "DIPLOMA_NOT_CONFIRMED"]));
  });
});

describe("holding a ceremony", () => {
  test("present conferrals are handed over (date, place, status, audit); absent ones stay waiting", async () => {
    const cm = await laureate();
    const hc = await laureate({ honour: "HONORARY_CITIZENSHIP" });
    const hg = await laureate({ honour: "HONORIS_GRATIA" });
    const absent = await laureate({ honour: "HONORIS_GRATIA" });
    const id = await schedule({ kind: "GALA" });
    for (const l of [cm, hc, hg, absent]) await add(id, l.conferralId);
    const rows = (await page(id)).laureates;

    // Without the confirmation nothing happens.
    const unconfirmed = await post(id, { intent: "step", step: "HOLD", version: String((await page(id)).ceremony.version) });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data!.message).toBe("Zaznacz potwierdzenie, że uroczystość się odbyła.");

    // Attendance not settled: refused with the names, nothing changes.
    const version = String((await page(id)).ceremony.version);
    const refused = await post(id, { intent: "step", step: "HOLD", confirm: "on", version });
    expect(refused.status).toBe(400);
    expect(refused.data!.problems).toHaveLength(4);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: cm.nominationId } })).status).toBe("DIPLOMA_PRINTED");

    expect((await setAttendance(id, rows[0]!.id, "ATTENDS")).status).toBe(200);
    expect((await setAttendance(id, rows[1]!.id, "REPRESENTED")).status).toBe(400); // who represents?
    expect((await setAttendance(id, rows[1]!.id, "REPRESENTED", { representedBy: "Anna Nowak" })).status).toBe(200);
    await setAttendance(id, rows[2]!.id, "ATTENDS");
    await setAttendance(id, rows[3]!.id, "ABSENT");

    const held = await post(id, { intent: "step", step: "HOLD", confirm: "on", version: String((await page(id)).ceremony.version) });
    expect(held.status).toBe(302);
    expect(held.location).toBe(`/ceremonies/${id}`);
    expect(held.toast).toMatchObject({
      type: "success",
      title: "Zapisano uroczystość jako odbytą.",
      description: expect.stringContaining("Wręczenia zapisane przy laureatach: 3."),
    });
    for (const l of [cm, hc, hg]) {
      const n = await db().nomination.findUniqueOrThrow({ where: { id: l.nominationId }, include: { conferral: true } });
      expect(n.status).toBe("HANDED_OVER");
      expect(n.conferral!.handedOverOn).toBe("2026-06-05");
      expect(n.conferral!.handoverPlace).toBe("Sala Obrad Rady Miasta Krakowa, Plac Wszystkich Świętych 3-4, 31-004 Kraków");
      const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Nomination", entityId: l.nominationId, toStatus: "HANDED_OVER" } });
      expect(JSON.parse(audit.after!)).toMatchObject({ handedOverOn: "2026-06-05", ceremonyId: id });
    }
    const waiting = await db().nomination.findUniqueOrThrow({ where: { id: absent.nominationId }, include: { conferral: true } });
    expect(waiting.status).toBe("GRANTED");
    expect(waiting.conferral!.handedOverOn).toBeNull();
    expect((await db().ceremony.findUniqueOrThrow({ where: { id } })).status).toBe("HELD");

    // A held ceremony is not edited except by reopening it with a reason.
    const heldVersion = String((await page(id)).ceremony.version);
    const edit = await callAction(editAction, `/ceremonies/${id}/edit`, { ...VALID, version: heldVersion }, { id });
    expect(edit.status).toBe(400);
    const addLate = await add(id, (await laureate()).conferralId);
    expect(addLate.data!.message).toMatch(/otwórz ją ponownie i podaj powód/);
    const noReason = await post(id, { intent: "step", step: "REOPEN", version: heldVersion });
    expect(noReason.data!.message).toBe("Podaj powód.");
    expect((await post(id, { intent: "step", step: "REOPEN", reason: "Poprawka godziny", version: heldVersion })).status).toBe(302);
    const reopened = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Ceremony", entityId: id, toStatus: "CONFIRMED" } });
    expect(reopened.reason).toBe("Poprawka godziny");
  });

  test("a ceremony still to come cannot be held", async () => {
    const l = await laureate({ honour: "HONORIS_GRATIA" });
    const id = await schedule({ date: "2099-06-05" });
    await add(id, l.conferralId);
    await setAttendance(id, (await page(id)).laureates[0]!.id, "ATTENDS");
    const refused = await post(id, { intent: "step", step: "HOLD", confirm: "on", version: String((await page(id)).ceremony.version) });
    expect(refused.status).toBe(400);
    expect(refused.data!.message).toMatch(/^Uroczystość jest zaplanowana na 5 czerwca 2099/);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: l.nominationId } })).status).toBe("GRANTED");
  });

  test("a medal whose diploma is not marked printed is refused with a clear reason; nothing is handed over", async () => {
    const cm = await laureate({ status: "NUMBER_ASSIGNED" });
    const hg = await laureate({ honour: "HONORIS_GRATIA" });
    const id = await schedule();
    await add(id, cm.conferralId);
    await add(id, hg.conferralId);
    for (const l of (await page(id)).laureates) await setAttendance(id, l.id, "ATTENDS");
    const refused = await post(id, { intent: "step", step: "HOLD", confirm: "on", version: String((await page(id)).ceremony.version) });
    expect(refused.status).toBe(400);
    expect(refused.data!.problems).toEqual([expect.stringContaining(`${cm.name}: wniosek ma status „nadano numer medalu”`)]);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: hg.nominationId } })).status).toBe("GRANTED");
    expect((await db().ceremony.findUniqueOrThrow({ where: { id } })).status).toBe("PLANNED");
  });
});

// Issue 16, item 11: the programme as a list of points, edited as a form, printed by the template.
describe("the programme", () => {
  const programmePdfText = async (id: string) =>
    pdfText(
      (await programmePdf({
        request: new Request(`http://localhost/ceremonies/${id}/programme.pdf`, { headers: { Cookie: cookie } }),
        params: { id },
        context: {},
      })) as Response,
    );
  type ProgrammePage = { source: string; version: number; rows: { time: string; text: string; speaker: string }[] };
  const programme = async (id: string) => (await callLoader<ProgrammePage>(programmeLoader, `/ceremonies/${id}/programme`, { id })).data!;
  type Reply = { result: { error?: Record<string, string[] | null>; initialValue?: { items?: unknown[] } } | null; message: string | null };
  const save = (id: string, version: number, rows: { time: string; text: string; speaker: string }[], extra: Record<string, string> = {}) =>
    callAction<Reply>(
      programmeAction,
      `/ceremonies/${id}/programme`,
      {
        version: String(version),
        ...Object.fromEntries(
          rows.flatMap((r, i) => [
            [`items[${i}].time`, r.time],
            [`items[${i}].text`, r.text],
            [`items[${i}].speaker`, r.speaker],
          ]),
        ),
        ...extra,
      },
      { id },
    );

  beforeAll(async () => {
    // A Chair who is a man until the end of June 2026, then one who is a woman; one Mayor.
    await db().signatory.deleteMany({ where: { office: { in: ["COUNCIL_CHAIR", "MAYOR"] } } });
    await db().signatory.createMany({
      data: [
        {
          office: "COUNCIL_CHAIR",
          fullName: "Bogdan Programowy",
          titleLine: "Przewodniczący Rady Miasta Krakowa",
          validFrom: "2024-05-07",
          validTo: "2026-06-30",
        },
        { office: "COUNCIL_CHAIR", fullName: "Anna Programowa", titleLine: "Przewodnicząca Rady Miasta Krakowa", validFrom: "2026-07-01" },
        { office: "MAYOR", fullName: "Jan Programowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" },
      ],
    });
  });

  test("suggested from the usual order, worded for the Chair in office on the day: „Przewodnicząca” for a woman", async () => {
    const a = await laureate({ given: "Zdzisław", surname: "Jędrzejczyk" });
    const b = await laureate({ given: "Łucja", surname: "Ćwiklińska" });
    const june = await schedule();
    await add(june, a.conferralId);
    await add(june, b.conferralId);
    const text = await programmePdfText(june);
    expect(text).toContain("PROGRAM");
    expect(text).toContain("5 czerwca 2026 r., godz. 12:00");
    expect(text).toMatch(
      /godz. 12:00 Hejnał mariacki.*wystąpienie Przewodniczącego Rady Miasta Krakowa – Bogdan Programowy, Przewodniczący Rady Miasta Krakowa.*Laudacja Prezydenta Miasta Krakowa – Jan Programowy/,
    );
    expect(text).toMatch(/Zdzisław Jędrzejczyk \(Srebrny Medal „Cracoviae Merenti”\); Łucja Ćwiklińska/);
    expect((await programme(june)).source).toBe("suggested");

    const september = await schedule({ date: "2026-09-10" });
    const woman = await programmePdfText(september);
    expect(woman).toContain("wystąpienie Przewodniczącej Rady Miasta Krakowa – Anna Programowa, Przewodnicząca Rady Miasta Krakowa");
    expect(woman).not.toContain("Przewodniczącego");
    await expectArchivalPdf(
      Buffer.from(
        await (
          (await programmePdf({
            request: new Request(`http://localhost/x`, { headers: { Cookie: cookie } }),
            params: { id: september },
            context: {},
          })) as Response
        ).arrayBuffer(),
      ),
      "programme",
    );
  });

  test("saved from the form: the points in the order sent, with times and speakers, printed; audited", async () => {
    const id = await schedule({ date: "2026-09-11" });
    const rows = [
      { time: "12:00", text: "Hejnał mariacki", speaker: "" },
      { time: "12:05", text: "Powitanie gości", speaker: "Kierownik Kancelarii Rady" },
      { time: "", text: "Koncert „Krakowskie Nuty”", speaker: "Orkiestra Akademii Muzycznej" },
    ];
    const saved = await save(id, (await programme(id)).version, rows);
    expect(saved.status).toBe(302);
    expect(saved.toast?.title).toBe("Zapisano program uroczystości.");
    const after = await programme(id);
    expect(after).toMatchObject({ source: "saved", rows });
    const text = await programmePdfText(id);
    expect(text).toMatch(
      /1\) godz. 12:00 Hejnał mariacki 2\) godz. 12:05 Powitanie gości – Kierownik Kancelarii Rady 3\) Koncert „Krakowskie Nuty” – Orkiestra Akademii Muzycznej/,
    );
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Ceremony", entityId: id, action: "UPDATE" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.after!).programme).toBe(
      "12:00 Hejnał mariacki\n12:05 Powitanie gości – Kierownik Kancelarii Rady\nKoncert „Krakowskie Nuty” – Orkiestra Akademii Muzycznej",
    );
  });

  test("bad rows are refused next to their fields, a stale version is refused, and neither changes the saved points", async () => {
    const id = await schedule({ date: "2026-09-12" });
    const good = [{ time: "12:00", text: "Hejnał mariacki", speaker: "" }];
    expect((await save(id, (await programme(id)).version, good)).status).toBe(302);
    const { version } = await programme(id);
    const bad = await save(id, version, [
      { time: "12:00", text: "Hejnał", speaker: "" },
      { time: "25:00", text: "", speaker: "" },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.data!.result!.error!["items[1].time"]).toEqual(["Godzina w postaci GG:MM, np. 12:05 (albo pusta)."]);
    expect(bad.data!.result!.error!["items[1].text"]).toEqual(["Wpisz, co się dzieje w tym punkcie programu."]);
    const backwards = await save(id, version, [
      { time: "12:00", text: "Hejnał", speaker: "" },
      { time: "", text: "Powitanie", speaker: "" },
      { time: "11:30", text: "Za wcześnie", speaker: "" },
    ]);
    expect(backwards.status).toBe(400);
    expect(backwards.data!.result!.error!["items[2].time"]).toEqual(["Godzina 11:30 jest wcześniejsza niż w poprzednim punkcie (12:00)."]);
    const stale = await save(id, version - 1, [{ time: "", text: "Inny program", speaker: "" }]);
    expect(stale.status).toBe(409);
    expect(await programme(id)).toMatchObject({ version, rows: good });
  });

  test("adding, removing and moving rows only changes the form", async () => {
    const id = await schedule({ date: "2026-09-13" });
    const { version, rows } = await programme(id);
    const removed = await save(id, version, rows, { __intent__: JSON.stringify({ type: "remove", payload: { name: "items", index: 0 } }) });
    expect(removed.status).toBe(200);
    expect(removed.data!.result!.initialValue!.items).toHaveLength(rows.length - 1);
    expect(await programme(id)).toMatchObject({ version, source: "suggested" });
  });

  test("a programme kept from before as markup prints as it was; the form starts from its points; saving replaces it", async () => {
    const id = await schedule({ date: "2026-09-14" });
    await db().ceremony.update({
      where: { id },
      data: {
        programme:
          '<document title="Program"><title>PROGRAM</title><p>Dawny wstęp.</p><ol><li>Powitanie.</li><li>Wręczenie:<ol><li>Anna</li><li>Jan</li></ol></li></ol></document>',
      },
    });
    const kept = await programme(id);
    expect(kept.source).toBe("legacy");
    expect(kept.rows.map((r) => r.text)).toEqual(["Powitanie.", "Wręczenie: Anna; Jan"]);
    expect(await programmePdfText(id)).toContain("Dawny wstęp.");
    expect((await save(id, kept.version, kept.rows)).status).toBe(302);
    expect((await db().ceremony.findUniqueOrThrow({ where: { id } })).programme).toBe("");
    expect(await programmePdfText(id)).not.toContain("Dawny wstęp.");
  });
});

describe("documents and files", () => {
  test("the hand-over list names the laureates in order with their attendance, time and seats (saved with the table)", async () => {
    const a = await laureate({ given: "Zdzisław", surname: "Jędrzejczyk" });
    const b = await laureate({ given: "Łucja", surname: "Ćwiklińska" });
    const id = await schedule();
    await add(id, a.conferralId);
    await add(id, b.conferralId);
    const handoverList = async () =>
      (await handoverPdf({ request: new Request(`http://localhost/x`, { headers: { Cookie: cookie } }), params: { id }, context: {} })) as Response;
    const list = await pdfText(await handoverList());
    expect(list).toMatch(/LISTA WRĘCZEŃ.*Zdzisław Jędrzejczyk.*obecność: nie ustalono.*miejsce: do ustalenia.*Łucja Ćwiklińska/);

    // Issue 16, item 12: times and seats typed in the gala table, saved together, printed.
    const [first, second] = (await page(id)).laureates;
    const row = (i: number, laureateId: string, more: Record<string, string>) =>
      Object.fromEntries(
        Object.entries({ laureateId, attendance: "ATTENDS", guestsCount: "2", representedBy: "", handedOverBy: "", ...more }).map(([k, v]) => [
          `rows[${i}].${k}`,
          v,
        ]),
      );
    const bad = await post(id, {
      intent: "save",
      version: String((await page(id)).ceremony.version),
      ...row(0, first!.id, { handoverTime: "12:75" }),
      ...row(1, second!.id, {}),
    });
    expect(bad.status).toBe(400);
    expect((bad.data as { table: { error: Record<string, string[]> } }).table.error["rows[0].handoverTime"]).toEqual([
      "Godzina w postaci GG:MM, np. 12:40 (albo pusta).",
    ]);
    const saved = await post(id, {
      intent: "save",
      version: String((await page(id)).ceremony.version),
      ...row(0, first!.id, { handoverTime: "12:40", seatRow: "1", seat: "4", guestSeats: "rząd 5, miejsca 1–2" }),
      ...row(1, second!.id, { handoverTime: "12:50", seatRow: "1", seat: "5" }),
    });
    expect(saved.status).toBe(302);
    const seated = await pdfText(await handoverList());
    expect(seated).toContain(
      "1) godz. 12:40 Zdzisław Jędrzejczyk: Srebrny Medal „Cracoviae Merenti” a) obecność: będzie osobiście b) miejsce: rząd 1, miejsce 4 c) gości: 2 (miejsca: rząd 5, miejsca 1–2)",
    );
    expect(seated).toContain("2) godz. 12:50 Łucja Ćwiklińska");
    expect(seated).toContain("b) miejsce: rząd 1, miejsce 5 c) gości: 2 d) wręcza: do ustalenia");
    await expectArchivalPdf(Buffer.from(await (await handoverList()).arrayBuffer()), "hand-over list");
    // A single laureate's form that does not send the seats keeps them.
    await setAttendance(id, first!.id, "ATTENDS");
    expect(await db().ceremonyLaureate.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ handoverTime: "12:40", seatRow: "1", seat: "4" });
  });

  test("invitations CSV: BOM, semicolons, one row per laureate in order with the dative form", async () => {
    const a = await laureate({ surname: "Kowalczyk" });
    const id = await schedule();
    await add(id, a.conferralId);
    const res = (await invitationsCsv({
      request: new Request("http://localhost/x", { headers: { Cookie: cookie } }),
      params: { id },
      context: {},
    })) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    const text = bytes.subarray(3).toString("utf8");
    expect(text).toContain("\r\n");
    const rows = parse(text, { delimiter: ";" }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["Lp.", "Laureat", "Zwrot (celownik)", "Laureat (celownik)"]);
    expect(rows[1]!.slice(0, 4)).toEqual(["1", a.name, "Panu", "Bolesławowi Kowalczykowi"]);
    expect(rows[1]).toContain("5 czerwca 2026 r.");
  });

  test("the .ics file parses back; the feed answers only to a valid, unrevoked token", async () => {
    const id = await schedule({ title: "Sesja, z przecinkiem; i średnikiem" });
    const res = (await ceremonyIcs({ request: new Request("http://localhost/x", { headers: { Cookie: cookie } }), params: { id }, context: {} })) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Sesja, z przecinkiem; i średnikiem");

    await signInAs("ADMIN");
    const created = await callAction<{ url: string }>(feedsAction, "/admin/calendar-feeds", { intent: "create", label: "Kancelaria Rady" });
    const token = created.data!.url.split("/calendar/")[1]!;
    expect(token).toMatch(/^[\w-]{43}\.ics$/);
    signOut();
    const feed = await callLoader<string>(feedLoader, `/calendar/${token}`, { token });
    expect(feed.status).toBe(200);
    expect(feed.data).toContain(`UID:${id}@merenti.test.krakow.pl`);
    expect((await callLoader(feedLoader, "/calendar/nonsense.ics", { token: "nonsense.ics" })).status).toBe(404);

    await signInAs("ADMIN");
    const row = await db().calendarFeedToken.findFirstOrThrow({ where: { token: token.replace(/\.ics$/, "") } });
    expect((await callAction(feedsAction, "/admin/calendar-feeds", { intent: "revoke", id: row.id })).status).toBe(200);
    signOut();
    expect((await callLoader(feedLoader, `/calendar/${token}`, { token })).status).toBe(404);
    resumeSession(cookie);
  });
});

describe("elsewhere in the app", () => {
  test("the nomination page names the ceremony its conferral is planned for", async () => {
    const l = await laureate();
    const id = await schedule({ title: "Sesja dla strony wniosku" });
    await add(id, l.conferralId);
    const res = await callLoader<{ ceremonies: { ceremony: { id: string; title: string } }[] }>(nominationLoader, `/nominations/${l.nominationId}`, {
      id: l.nominationId,
    });
    expect(res.data!.ceremonies.map((c) => c.ceremony)).toEqual([expect.objectContaining({ id, title: "Sesja dla strony wniosku" })]);
  });

  test("every role: ceremonies need ceremony:schedule, venues and calendar feeds need settings:manage", async () => {
    for (const role of DEFAULT_ROLES) {
      await signInAs(role.key);
      const schedule = role.permissions.includes("ceremony:schedule");
      const settings = role.permissions.includes("settings:manage");
      expect((await callLoader(listLoader, "/ceremonies")).status, role.key).toBe(schedule ? 200 : 403);
      const before = await db().ceremony.count();
      const created = await callAction(newAction, "/ceremonies/new", { ...VALID, title: `Macierz ${role.key}` });
      expect(created.status, role.key).toBe(schedule ? 302 : 403);
      expect(await db().ceremony.count()).toBe(before + (schedule ? 1 : 0));
      expect((await callLoader(venuesLoader, "/admin/venues")).status, role.key).toBe(settings ? 200 : 403);
      expect((await callLoader(feedsLoader, "/admin/calendar-feeds")).status, role.key).toBe(settings ? 200 : 403);
    }
    signOut();
    expect((await callLoader(listLoader, "/ceremonies")).status).toBe(302);
    resumeSession(cookie);
  });
});

describe("the laureates' table (one form)", () => {
  const rowsOf = (laureates: Page["laureates"], overrides: Record<number, Record<string, string>> = {}) => {
    const fields: Record<string, string> = {};
    laureates.forEach((l, i) => {
      Object.assign(fields, {
        [`rows[${i}].laureateId`]: l.id,
        [`rows[${i}].attendance`]: l.attendance,
        [`rows[${i}].guestsCount`]: "0",
        [`rows[${i}].representedBy`]: l.representedBy ?? "",
        [`rows[${i}].handedOverBy`]: "",
      });
      for (const [k, v] of Object.entries(overrides[i] ?? {})) fields[`rows[${i}].${k}`] = v;
    });
    return fields;
  };

  test("rows are saved together; bulk attendance for all in one submission; a move; each confirmed with a toast; a stale form changes nothing", async () => {
    const id = await schedule({ title: "Gala tabeli" });
    for (let i = 0; i < 4; i++) await add(id, (await laureate()).conferralId);
    let p = await page(id);
    const [a, b, c, d] = p.laureates;

    // Two rows edited, one save: both stored, one version step.
    const saved = await post(id, {
      intent: "save",
      version: String(p.ceremony.version),
      ...rowsOf(p.laureates, { 0: { guestsCount: "3" }, 1: { attendance: "REPRESENTED", representedBy: "Anna Nowak" } }),
    });
    expect(saved.status).toBe(302);
    expect(saved.toast).toMatchObject({ title: "Zapisano listę laureatów.", description: "Zmienione wiersze: 2.", link: { href: "/ceremonies" } });
    const stored = await db().ceremonyLaureate.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } });
    expect(stored.map((l) => [l.guestsCount, l.attendance, l.representedBy])).toEqual([
      [3, "UNKNOWN", ""],
      [0, "REPRESENTED", "Anna Nowak"],
      [0, "UNKNOWN", ""],
      [0, "UNKNOWN", ""],
    ]);
    expect((await page(id)).ceremony.version).toBe(p.ceremony.version + 1);

    // „reprezentowany” without a name: refused next to the row's field, nothing stored.
    p = await page(id);
    const missing = await callAction<{ table: { error: Record<string, string[]> } }>(
      detailAction,
      `/ceremonies/${id}`,
      { intent: "save", version: String(p.ceremony.version), ...rowsOf(p.laureates, { 2: { attendance: "REPRESENTED" } }) },
      { id },
    );
    expect(missing.status).toBe(400);
    expect(missing.data!.table.error["rows[2].representedBy"]).toEqual(["Podaj imię i nazwisko osoby reprezentującej."]);
    expect((await page(id)).ceremony.version).toBe(p.ceremony.version);

    // All attendance in one submission: „będzie osobiście” for all, one audit event naming them.
    const all = await post(id, { intent: "bulk:all", bulkAttendance: "ATTENDS", version: String(p.ceremony.version), ...rowsOf(p.laureates) });
    expect(all.toast!.title).toBe("Ustawiono obecność „będzie osobiście”: 4\u00a0laureaci.");
    expect((await page(id)).laureates.map((l) => l.attendance)).toEqual(["ATTENDS", "ATTENDS", "ATTENDS", "ATTENDS"]);
    const bulkEvent = await db().auditEvent.findFirstOrThrow({ where: { entityType: "Ceremony", entityId: id, after: { contains: "attendanceSet" } } });
    expect(JSON.parse(bulkEvent.after!).attendanceOf).toHaveLength(4);

    // Ticked rows only; none ticked is refused with a message.
    p = await page(id);
    const none = await callAction<{ table: { error: Record<string, string[]> } }>(
      detailAction,
      `/ceremonies/${id}`,
      { intent: "bulk:selected", bulkAttendance: "ABSENT", version: String(p.ceremony.version), ...rowsOf(p.laureates) },
      { id },
    );
    expect(none.status).toBe(400);
    expect(none.data!.table.error.selected![0]).toMatch(/^Zaznacz laureatów/);
    await post(id, {
      intent: "bulk:selected",
      bulkAttendance: "ABSENT",
      selected: [c!.id, d!.id] as unknown as string,
      version: String(p.ceremony.version),
      ...rowsOf(p.laureates),
    });
    expect((await page(id)).laureates.map((l) => l.attendance)).toEqual(["ATTENDS", "ATTENDS", "ABSENT", "ABSENT"]);

    // The rows' order is the new order (drag and drop); a move button moves one more place.
    p = await page(id);
    const reordered = [p.laureates[3]!, p.laureates[0]!, p.laureates[1]!, p.laureates[2]!];
    await post(id, { intent: "save", version: String(p.ceremony.version), ...rowsOf(reordered) });
    expect((await page(id)).laureates.map((l) => l.id)).toEqual([d!.id, a!.id, b!.id, c!.id]);
    p = await page(id);
    const moved = await post(id, { intent: `move:${a!.id}:up`, version: String(p.ceremony.version), ...rowsOf(p.laureates) });
    expect(moved.status).toBe(200);
    expect((await page(id)).laureates.map((l) => l.id)).toEqual([a!.id, d!.id, b!.id, c!.id]);

    // A form from before the last save (old version), or with a row missing: refused, nothing changes.
    const before = await db().ceremonyLaureate.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } });
    const stale = await post(id, { intent: "bulk:all", bulkAttendance: "UNKNOWN", version: String(p.ceremony.version), ...rowsOf(p.laureates) });
    expect(stale.status).toBe(409);
    p = await page(id);
    const short = await post(id, { intent: "save", version: String(p.ceremony.version), ...rowsOf(p.laureates.slice(0, 3)) });
    expect(short.status).toBe(409);
    expect(await db().ceremonyLaureate.findMany({ where: { ceremonyId: id }, orderBy: { position: "asc" } })).toEqual(before);
  });
});

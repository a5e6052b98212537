// The Honoris Gratia desk through its real loaders and actions on a real database: intake with
// the duplicate warning and the ePUAP identifier caught twice, the deadline board and its CSV,
// bulk grant (audit per row, badge numbers continuing the HG series), bulk refusals that change
// nothing, the decision and letters as PDF (pdftotext) and DOCX, stock and statistics.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addMonths } from "#app/domain/deadlines";
import { addDays, todayIso } from "#app/domain/polish-dates";
import { checkPlannedBatch } from "#app/models/hg-stock.server";
import { hgStatisticsData } from "#app/models/hg-statistics.server";
import { action as bulkAction, loader as bulkLoader } from "#app/routes/hg.bulk";
import { loader as decisionLoader } from "#app/routes/hg.decisions.$id";
import { loader as download } from "#app/routes/hg.decisions.$id_.download";
import { loader as exportLoader } from "#app/routes/hg.export";
import { action as intakeAction, loader as intakeLoader } from "#app/routes/hg.new";
import { loader as deskLoader } from "#app/routes/hg._index";
import { action as stockAction } from "#app/routes/hg.stock";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, resumeSession, signInAs, type Fields } from "./helpers";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "merenti-hg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const flat = (text: string) =>
  text
    .replace(/Strona \d+ z \d+/g, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();

type Reply = { result: { error?: Record<string, string[] | null> }; matches?: unknown[][] | null };
type Desk = Awaited<ReturnType<typeof deskLoader>>;
type BulkPage = Awaited<ReturnType<typeof bulkLoader>>;
type BulkReply = {
  summary: {
    done: { row: { id: string; steps: string[] }; detail?: string }[];
    failed: { row: { id: string }; message: string }[];
    skipped: { row: { id: string }; reason: string }[];
    text: { title: string; description?: string };
  } | null;
  ordinanceId: string | null;
  result: { error?: Record<string, string[] | null> };
};

let clerkCookie = "";
let clerkId = "";
const today = todayIso();
/** An ordinance number carries the year of its date. */
const year = today.slice(0, 4);
let token = 0;

function intake(overrides: Fields = {}): Fields {
  token++;
  return {
    creationToken: `hg-test-${Date.now()}-${token}`,
    channel: "PAPER",
    receivedDate: today,
    caseReference: `KP-04.0012.${token}.2026`,
    applicantKind: "ORGANIZATION",
    applicantName: "Stowarzyszenie Przyjaciół Kazimierza",
    applicantContact: "ul. Szeroka 1, Kraków",
    "laureates[0].kind": "PERSON",
    "laureates[0].givenNames": "Zofia",
    "laureates[0].surname": `Łącka-${Math.random()
      .toString(36)
      .slice(2, 7)
      .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`,
    "laureates[0].grammaticalGender": "FEMININE",
    "laureates[0].birthYear": "1960",
    "laureates[0].city": "Kraków",
    proposedEventName: "Gala 30-lecia",
    merits: "Wieloletnia praca społeczna.",
    ...overrides,
  };
}

async function saveApplication(overrides: Fields = {}) {
  const answer = await callAction<Reply>(intakeAction, "/hg/new", intake(overrides));
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
  const id = new URL(answer.location!, "http://localhost").searchParams.get("after")!;
  const nominations = await db().nomination.findMany({ where: { hgApplicationId: id }, orderBy: { createdAt: "asc" } });
  return { id, nominations };
}

beforeAll(async () => {
  ({ cookie: clerkCookie, userId: clerkId } = await signInAs("KP04_CLERK"));
  await db().signatory.deleteMany({ where: { office: "MAYOR" } });
  await db().signatory.create({ data: { office: "MAYOR", fullName: "Jan Testowy", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" } });
});

describe("intake", () => {
  test("one letter with two laureates: an application, two nominations with the due date, audited; the next entry keeps the applicant", async () => {
    const { id, nominations } = await saveApplication({
      proposedHandoverDate: addDays(today, 90),
      "laureates[1].kind": "ORGANIZATION",
      "laureates[1].organizationName": "Chór Akademicki Testowy",
    });
    expect(nominations).toHaveLength(2);
    // The hand-over is three months away: decide 14 days before it, not within the month.
    for (const n of nominations)
      expect(n).toMatchObject({ honour: "HONORIS_GRATIA", status: "RECEIVED", dueDate: addDays(addDays(today, 90), -14), hgApplicationId: id });
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: [id, ...nominations.map((n) => n.id)] }, action: "CREATE" } });
    expect(audit.map((a) => a.entityType).sort()).toEqual(["HonorisGratiaApplication", "Nomination", "Nomination"]);
    expect(audit.every((a) => a.userId === clerkId)).toBe(true);

    const next = await callLoader<Awaited<ReturnType<typeof intakeLoader>>>(intakeLoader, `/hg/new?after=${id}`);
    expect(next.data!.remembered).toMatchObject({
      applicantName: "Stowarzyszenie Przyjaciół Kazimierza",
      channel: "PAPER",
      receivedDate: today,
      proposedEventName: "Gala 30-lecia",
    });
    expect(next.data!.saved!.laureates).toHaveLength(2);
  });

  test("dates are typed into one field, „12.03.2026” or „2026-03-12”; a date that does not exist or is not a date is refused in Polish, nothing saved", async () => {
    const received = addDays(today, -5);
    const polish = received.split("-").reverse().join(".");
    const { nominations } = await saveApplication({ receivedDate: polish, proposedHandoverDate: addDays(today, 30) });
    expect(nominations[0]!.receivedDate).toBe(received);
    const application = await db().honorisGratiaApplication.findFirstOrThrow({ where: { nominations: { some: { id: nominations[0]!.id } } } });
    expect(application).toMatchObject({ receivedDate: received, proposedHandoverDate: addDays(today, 30) });

    const before = await db().nomination.count();
    const nonexistent = await callAction<Reply>(intakeAction, "/hg/new", intake({ receivedDate: "31.04.2025" }));
    expect(nonexistent.status).toBe(400);
    expect(nonexistent.data!.result.error!.receivedDate).toEqual(["Taka data nie istnieje: 31.04.2025."]);
    const garbage = await callAction<Reply>(intakeAction, "/hg/new", intake({ receivedDate: "12 marca", proposedHandoverDate: "2026/03/12" }));
    expect(garbage.data!.result.error).toMatchObject({
      receivedDate: ["Wpisz datę jako DD.MM.RRRR (np. 12.03.2026) albo RRRR-MM-DD."],
      proposedHandoverDate: ["Wpisz datę jako DD.MM.RRRR (np. 12.03.2026) albo RRRR-MM-DD."],
    });
    expect(await db().nomination.count()).toBe(before);
  });

  test("a laureate who already holds the badge is shown before saving (case and diacritics ignored); the answer links the existing candidate", async () => {
    const { nominations } = await saveApplication({ "laureates[0].surname": "Żółkiewska-Testowa" });
    const candidateId = nominations[0]!.candidateId;
    await db().conferral.create({
      data: { publicId: "hg-dup-1", candidateId, honour: "HONORIS_GRATIA", numberSeries: "HG", number: 9001, conferredOn: "2019-05-05", isHistorical: true },
    });

    const fields = intake({ "laureates[0].surname": "zolkiewska-testowa", "laureates[0].givenNames": "ZOFIA" });
    const warned = await callAction<Reply>(intakeAction, "/hg/new", fields);
    expect(warned.status).toBe(409);
    expect(warned.data!.result.error![""]![0]).toMatch(/Możliwe powtórzenie/);
    expect(warned.data!.matches![0]).toEqual([expect.objectContaining({ id: candidateId, honours: ["Odznaka „Honoris Gratia” nr 9001 (2019)"] })]);
    expect(await db().honorisGratiaApplication.count({ where: { caseReference: fields.caseReference as string } })).toBe(0);

    const confirmed = await callAction<Reply>(intakeAction, "/hg/new", { ...fields, duplicatesReviewed: "on", "laureates[0].candidateId": candidateId });
    expect(confirmed.status).toBe(302);
    const created = await db().nomination.findFirstOrThrow({ where: { caseReference: fields.caseReference as string } });
    expect(created.candidateId).toBe(candidateId);
  });

  test("an ePUAP identifier entered twice is refused next to its field; ePUAP needs the identifier and the date", async () => {
    const epuap = { channel: "EPUAP", epuapSubmissionId: "UPP-2026-000123", epuapSubmittedOn: today };
    await saveApplication(epuap);
    const again = await callAction<Reply>(intakeAction, "/hg/new", intake(epuap));
    expect(again.status).toBe(409);
    expect(again.data!.result.error!.epuapSubmissionId![0]).toMatch(/^Wniosek o tym identyfikatorze ePUAP jest już w rejestrze/);
    const missing = await callAction<Reply>(intakeAction, "/hg/new", intake({ channel: "EPUAP" }));
    expect(missing.status).toBe(400);
    expect(missing.data!.result.error!.epuapSubmissionId).toEqual(["Podaj identyfikator przesyłki ePUAP."]);
    expect(missing.data!.result.error!.epuapSubmittedOn).toEqual(["Podaj datę przesłania przez ePUAP."]);
  });

  test("a reader may not register an application", async () => {
    await signInAs("READER");
    const answer = await callAction(intakeAction, "/hg/new", intake());
    expect(answer.status).toBe(403);
    resumeSession(clerkCookie);
  });
});

describe("deadline board, bulk work, documents", () => {
  test("overdue first on the board; the CSV holds exactly the filtered rows", async () => {
    const late = await saveApplication({ receivedDate: addDays(today, -60), "laureates[0].surname": "Spóźniona-Bordowa" });
    const desk = await callLoader<Desk>(deskLoader, "/hg");
    expect(desk.data!.rows[0]!.id).toBe(late.nominations[0]!.id);
    expect(desk.data!.counts.overdue).toBeGreaterThanOrEqual(1);

    const csv = await callLoader<string>(exportLoader, "/hg/export?status=open&q=spozniona-bordowa");
    expect(csv.status).toBe(200);
    const lines = (csv.data as string)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Spóźniona-Bordowa");
    // One calendar month after receipt, not 30 days: from 7 October the due date is 7 November.
    const received = addDays(today, -60);
    expect(lines[1]).toContain(`;${received};${addMonths(received, 1)};`);
  });

  test("a name search counts its matches with the page; a page past the end still says how many there are", async () => {
    const found = [
      await saveApplication({ "laureates[0].givenNames": "Anna", "laureates[0].surname": "Szukana-Listowa" }),
      await saveApplication({ "laureates[0].givenNames": "Ewa", "laureates[0].surname": "Szukana-Listowa" }),
    ];
    await saveApplication({ "laureates[0].surname": "Inna-Listowa" });
    const first = await callLoader<Desk>(deskLoader, "/hg?status=all&q=szukana-list");
    expect(first.data!.total).toBe(2);
    expect(first.data!.rows.map((r) => r.id).sort()).toEqual(found.map((a) => a.nominations[0]!.id).sort());
    const past = await callLoader<Desk>(deskLoader, "/hg?status=all&q=szukana-list&page=2");
    expect(past.data!.total).toBe(2);
    expect(past.data!.rows).toEqual([]);
    expect((await callLoader<Desk>(deskLoader, "/hg?status=all&q=nikt-taki-nie-istnieje")).data!.total).toBe(0);
  });

  test("bulk grant: rows granted, each audited, badge numbers continue the series; a row the rules refuse fails alone, unchanged", async () => {
    const earlier = { receivedDate: addDays(today, -10) };
    // The third letter arrived today: a decision dated yesterday cannot cover it.
    const apps = [await saveApplication(earlier), await saveApplication(earlier), await saveApplication()];
    const ids = apps.map((a) => a.nominations[0]!.id);
    const verify = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids });
    expect(verify.data!.summary!.done).toHaveLength(3);

    // The confirmation lists what will change; a received row (wrong state) is skipped with a reason.
    const received = (await saveApplication()).nominations[0]!.id;
    const preview = await callLoader<BulkPage>(bulkLoader, `/hg/bulk?bulkAction=grant&${[...ids, received].map((i) => `ids=${i}`).join("&")}`);
    expect(preview.data!.plan.eligible.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(preview.data!.plan.skipped.map((s) => s.row.id)).toEqual([received]);

    // A historical badge sits at the top of the series: the new numbers follow it.
    const top = ((await db().conferral.aggregate({ where: { numberSeries: "HG" }, _max: { number: true } }))._max.number ?? 0) + 100;
    await db().conferral.create({
      data: {
        publicId: "hg-series-top",
        candidateId: apps[0]!.nominations[0]!.candidateId,
        honour: "HONORIS_GRATIA",
        numberSeries: "HG",
        number: top,
        conferredOn: "2021-12-20",
        isHistorical: true,
      },
    });
    const decided = addDays(today, -1);
    const granted = await callAction<BulkReply>(bulkAction, "/hg/bulk", {
      bulkAction: "grant",
      ids,
      actNumber: `777/${decided.slice(0, 4)}`,
      eventDate: decided,
    });
    expect(granted.status).toBe(200);
    const summary = granted.data!.summary!;
    expect(summary.done.map((d) => d.row.id)).toEqual(ids.slice(0, 2));
    expect(summary.failed.map((f) => f.row.id)).toEqual([ids[2]]);
    expect(summary.failed[0]!.message).toMatch(/^Decyzja Prezydenta z .+ nie może być wcześniejsza niż wpływ wniosku \(.+\)\.$/);
    expect(summary.text).toEqual({ title: "Przyznano odznakę: 2\u00a0wnioski.", description: "Nie powiodło się: 1\u00a0wniosek (bez zmian)." });
    // The summary shows each badge number given.
    expect(summary.done.map((d) => d.detail)).toEqual([`odznaka nr ${top + 1}`, `odznaka nr ${top + 2}`]);
    expect(granted.toast).toMatchObject({ type: "success", title: "Przyznano odznakę: 2\u00a0wnioski.", link: { href: "/hg", label: "Wróć do wniosków" } });
    expect(await db().nomination.findUniqueOrThrow({ where: { id: ids[2]! } })).toMatchObject({ status: "VERIFIED", version: 2 });
    expect(await db().conferral.count({ where: { nominationId: ids[2]! } })).toBe(0);

    const conferrals = await db().conferral.findMany({ where: { nominationId: { in: ids } }, orderBy: { number: "asc" } });
    expect(conferrals.map((c) => c.number)).toEqual([top + 1, top + 2]);
    expect(conferrals.every((c) => c.numberSeries === "HG" && c.ordinanceId === granted.data!.ordinanceId)).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: ids }, action: "TRANSITION", toStatus: "GRANTED" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.userId === clerkId && JSON.parse(a.after!).decision === `777/${decided.slice(0, 4)} z ${decided}`)).toBe(true);

    // The decision and the letters, as PDF and DOCX.
    const ordinanceId = granted.data!.ordinanceId!;
    const page = await callLoader<Awaited<ReturnType<typeof decisionLoader>>>(decisionLoader, `/hg/decisions/${ordinanceId}`, { id: ordinanceId });
    expect(page.data!.documents.map((d) => d.made.kind)).toEqual(["ok", "ok"]);
    const names = await db().candidate.findMany({ where: { id: { in: conferrals.map((c) => c.candidateId) } } });
    for (const format of ["pdf", "docx"]) {
      for (const document of ["decision", "letters"]) {
        const res = (await download({
          request: new Request(`http://localhost/hg/decisions/${ordinanceId}/download?document=${document}&format=${format}`, {
            headers: { Cookie: clerkCookie },
          }),
          params: { id: ordinanceId },
          context: {},
        })) as Response;
        expect(res.status).toBe(200);
        const body = Buffer.from(await res.arrayBuffer());
        let text: string;
        if (format === "pdf") {
          const file = path.join(dir, `${document}.pdf`);
          writeFileSync(file, body);
          text = flat((await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout);
        } else {
          const xml = strFromU8(unzipSync(new Uint8Array(body))["word/document.xml"]!);
          text = flat([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" "));
        }
        for (const n of names) expect(text).toContain(n.displayName);
        if (document === "decision") {
          expect(text).toContain(`ZARZĄDZENIE NR 777/${decided.slice(0, 4)}`);
          expect(text).toContain(`odznaka nr ${top + 1}`);
          expect(text).toContain("Jan Testowy");
        } else {
          expect(text).toContain("Stowarzyszenie Przyjaciół Kazimierza");
          expect(text).toContain(`zarządzeniem nr 777/${decided.slice(0, 4)}`);
          // Both applications came from the same applicant: one letter names both laureates.
          expect(text.match(/Szanowni Państwo/g)).toHaveLength(1);
        }
      }
    }
  });

  test("bulk grant: a row that fails after its writes began leaves no trace; the decision and the next numbers go to the rows that complete", async () => {
    // The most urgent row (received first) fails at its conferral: a badge is already recorded for it.
    const [bad, ...good] = [
      await saveApplication({ receivedDate: addDays(today, -20) }),
      await saveApplication({ receivedDate: addDays(today, -10) }),
      await saveApplication({ receivedDate: addDays(today, -10) }),
    ];
    const ids = [bad!, ...good].map((a) => a.nominations[0]!.id);
    expect((await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids })).data!.summary!.done).toHaveLength(3);
    await db().conferral.create({
      data: {
        publicId: "hg-bulk-clash",
        nominationId: ids[0]!,
        candidateId: bad!.nominations[0]!.candidateId,
        honour: "HONORIS_GRATIA",
        conferredOn: "2020-01-01",
      },
    });
    const top = (await db().conferral.aggregate({ where: { numberSeries: "HG" }, _max: { number: true } }))._max.number ?? 0;

    const granted = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "grant", ids, actNumber: `779/${year}`, eventDate: today });
    const summary = granted.data!.summary!;
    expect(summary.failed.map((f) => f.row.id)).toEqual([ids[0]]);
    expect(summary.failed[0]!.message).toMatch(/^błąd: /);
    expect(summary.done.map((d) => d.row.id).sort()).toEqual(ids.slice(1).sort());
    expect(await db().nomination.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({ status: "VERIFIED", version: 2 });
    expect(await db().auditEvent.count({ where: { entityId: ids[0]!, toStatus: "GRANTED" } })).toBe(0);

    // The ordinance the failed row had recorded was rolled back with it and recorded again, once.
    const ordinances = await db().ordinance.findMany({ where: { number: `779/${year}` }, include: { conferrals: { orderBy: { number: "asc" } } } });
    expect(ordinances).toHaveLength(1);
    expect(ordinances[0]!.id).toBe(granted.data!.ordinanceId);
    expect(ordinances[0]!.conferrals.map((c) => c.number)).toEqual([top + 1, top + 2]);
    expect(ordinances[0]!.conferrals.map((c) => c.nominationId).sort()).toEqual(ids.slice(1).sort());
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: ids.slice(1) }, toStatus: "GRANTED" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => JSON.parse(a.after!).number)).toEqual([top + 1, top + 2]);
  });

  test("granting applications that only arrived: the preview says they must be verified first and offers both steps in one run, which gives badge numbers", async () => {
    const [arrived, verified] = [await saveApplication({ receivedDate: addDays(today, -3) }), await saveApplication({ receivedDate: addDays(today, -3) })];
    const ids = [arrived, verified].map((a) => a.nominations[0]!.id);
    expect((await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids: [ids[1]!] })).data!.summary!.done).toHaveLength(1);
    const query = `bulkAction=grant&status=all&${ids.map((i) => `ids=${i}`).join("&")}`;
    const preview = (await callLoader<BulkPage>(bulkLoader, `/hg/bulk?${query}`)).data!;
    expect(preview.plan.verifiable).toBe(1);
    expect(preview.plan.skipped.map((s) => s.row.id)).toEqual([ids[0]]);
    expect(preview.verifyFirstHref).toBe(`/hg/bulk?${query}&verifyFirst=on`);
    const both = (await callLoader<BulkPage>(bulkLoader, preview.verifyFirstHref!)).data!;
    expect(both.plan.eligible.map((r) => [r.id, r.steps])).toEqual(
      expect.arrayContaining([
        [ids[0], ["VERIFIED", "GRANTED"]],
        [ids[1], ["GRANTED"]],
      ]),
    );
    expect(both.plan.skipped).toEqual([]);

    const top = (await db().conferral.aggregate({ where: { numberSeries: "HG" }, _max: { number: true } }))._max.number ?? 0;
    const granted = await callAction<BulkReply>(bulkAction, `/hg/bulk?${query}&verifyFirst=on`, {
      bulkAction: "grant",
      verifyFirst: "on",
      ids,
      actNumber: `781/${year}`,
      eventDate: today.split("-").reverse().join("."),
    });
    expect(granted.status).toBe(200);
    expect(granted.data!.summary!.done.map((d) => d.detail).sort()).toEqual([`odznaka nr ${top + 1}`, `odznaka nr ${top + 2}`]);
    expect(granted.toast).toMatchObject({ title: "Przyznano odznakę: 2\u00a0wnioski.", link: { href: "/hg?status=all", label: "Wróć do wniosków" } });
    // Both steps through the one workflow path: two audit events for the row that only arrived.
    const steps = await db().auditEvent.findMany({ where: { entityId: ids[0]!, action: "TRANSITION" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(steps.map((a) => a.toStatus)).toEqual(["VERIFIED", "GRANTED"]);
    expect(await db().nomination.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({ status: "GRANTED", version: 3 });
  });

  test("verify and grant: a row whose grant is refused keeps neither step", async () => {
    // Received today: a decision dated yesterday cannot cover it, so its verification is undone too.
    const id = (await saveApplication()).nominations[0]!.id;
    const decided = addDays(today, -1);
    const answer = await callAction<BulkReply>(bulkAction, "/hg/bulk", {
      bulkAction: "grant",
      verifyFirst: "on",
      ids: [id],
      actNumber: `782/${decided.slice(0, 4)}`,
      eventDate: decided,
    });
    expect(answer.status).toBe(422);
    expect(answer.data!.summary!.failed.map((f) => f.row.id)).toEqual([id]);
    expect(await db().nomination.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RECEIVED", version: 1 });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "TRANSITION" } })).toBe(0);
  });

  test("preparing the Mayor's decision: the draft decision lists the prepared laureates, without number or date yet", async () => {
    const apps = [
      await saveApplication({ "laureates[0].surname": "Przygotowana-Pierwsza" }),
      await saveApplication({ "laureates[0].surname": "Przygotowana-Druga" }),
    ];
    const ids = apps.map((a) => a.nominations[0]!.id);
    expect((await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify", ids })).data!.summary!.done).toHaveLength(2);
    const prepared = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "prepare", ids });
    expect(prepared.data!.summary!.text).toEqual({ title: "Przygotowano decyzję Prezydenta: 2\u00a0wnioski." });
    expect(prepared.toast).toMatchObject({ title: "Przygotowano decyzję Prezydenta: 2\u00a0wnioski." });
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: ids }, toStatus: "DECISION_PREPARED" } });
    expect(audit).toHaveLength(2);

    const page = await callLoader<Awaited<ReturnType<typeof decisionLoader>>>(decisionLoader, "/hg/decisions/draft", { id: "draft" });
    expect(page.data!.draft).toBe(true);
    expect(page.data!.documents.map((d) => d.made.kind)).toEqual(["ok", "missing"]);
    const res = (await download({
      request: new Request("http://localhost/hg/decisions/draft/download?document=decision&format=pdf", { headers: { Cookie: clerkCookie } }),
      params: { id: "draft" },
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("zarzadzenie-honoris-gratia-projekt.pdf");
    const file = path.join(dir, "draft.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = flat((await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout);
    expect(text).toContain("ZARZĄDZENIE NR ……");
    expect(text).toContain("z dnia ……");
    expect(text).toContain("Przygotowana-Pierwsza");
    expect(text).toContain("Przygotowana-Druga");
  });

  test("bulk action on an empty selection, on the wrong state or without permission changes nothing and says why", async () => {
    const empty = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "verify" });
    expect(empty.status).toBe(400);
    expect(empty.data!.result.error![""]).toEqual(["Nie zaznaczono żadnego wniosku: nic nie zmieniono."]);

    const id = (await saveApplication()).nominations[0]!.id;
    const wrong = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "grant", ids: [id], actNumber: `778/${year}`, eventDate: today });
    expect(wrong.status).toBe(422);
    expect(wrong.data!.summary!.skipped).toHaveLength(1);
    expect(wrong.data!.summary!.text).toEqual({
      title: "Przyznaj odznakę (decyzja Prezydenta): nic nie zmieniono.",
      description: "Pominięto: 1\u00a0wniosek.",
    });
    expect(wrong.data!.summary!.skipped[0]!.reason).toBe("trzeba go najpierw zweryfikować");
    expect(wrong.toast).toMatchObject({ type: "error", title: "Przyznaj odznakę (decyzja Prezydenta): nic nie zmieniono." });
    const refuse = await callAction<BulkReply>(bulkAction, "/hg/bulk", { bulkAction: "refuse", ids: [id], eventDate: today });
    expect(refuse.status).toBe(400);
    expect(refuse.data!.result.error!.reason).toEqual(["Podaj powód odmowy."]);

    await signInAs("READER");
    expect((await callAction(bulkAction, "/hg/bulk", { bulkAction: "verify", ids: [id] })).status).toBe(403);
    expect((await callLoader(bulkLoader, `/hg/bulk?bulkAction=verify&ids=${id}`)).status).toBe(403);
    resumeSession(clerkCookie);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).status).toBe("RECEIVED");
    expect(await db().ordinance.count({ where: { number: `778/${year}` } })).toBe(0);
  });
});

describe("stock and statistics", () => {
  test("received and issued badges give what is left; a planned batch beyond it is reported; issuing more than left is refused", async () => {
    expect((await callAction(stockAction, "/hg/stock", { item: "BADGE", direction: "RECEIVED", quantity: "10", date: today })).status).toBe(302);
    expect((await callAction(stockAction, "/hg/stock", { item: "DIPLOMA_BLANK", direction: "RECEIVED", quantity: "20", date: today })).status).toBe(302);
    expect((await callAction(stockAction, "/hg/stock", { item: "BADGE", direction: "ISSUED", quantity: "4", date: today })).status).toBe(302);
    expect(await checkPlannedBatch(6)).toEqual([]);
    expect(await checkPlannedBatch(7)).toEqual([{ item: "BADGE", needed: 7, left: 6, missing: 1 }]);
    const tooMany = await callAction<Reply>(stockAction, "/hg/stock", { item: "BADGE", direction: "ISSUED", quantity: "7", date: today });
    expect(tooMany.status).toBe(422);
    expect(tooMany.data!.result.error!.quantity).toEqual(["W magazynie zostało 6 szt.: nie można wydać 7."]);
  });

  test("statistics count the badges per year and channel and the decisions within a month", async () => {
    const stats = await hgStatisticsData();
    const thisYear = stats.perYear.find((y) => y.year === Number(today.slice(0, 4)));
    expect(thisYear?.badges).toBeGreaterThanOrEqual(2);
    expect(stats.perChannel.find((c) => c.channel === "PAPER")?.badges).toBeGreaterThanOrEqual(2);
    expect(stats.decisions).toBeGreaterThanOrEqual(2);
    expect(stats.shareWithinMonth).not.toBeNull();
  });
});

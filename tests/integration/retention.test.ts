// Retention and the right of access on a real SQLite copy: anonymisation through the same code as
// `npm run retention -- --apply`, its all-or-nothing transaction, the screen, the export, and who may use them.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { ANONYMIZED_MARK } from "#app/domain/retention";
import { nominationCountsByHonourAndStatus } from "#app/models/nomination.server";
import { anonymise, listDueForAnonymisation, runRetention } from "#app/models/retention.server";
import { action as policiesAction, loader as retentionScreen } from "#app/routes/admin.retention._index";
import { action as anonymiseAction, loader as confirmScreen } from "#app/routes/admin.retention.anonymise";
import { loader as exportLoader } from "#app/routes/candidates.$id.export";
import { loader as listLoader } from "#app/routes/nominations._index";
import { action as createAction } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, settle, signInAs, signOut, resumeSession, type Fields } from "./helpers";
import * as clock from "#app/domain/clock";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const yearsAgo = (n: number) => new Date(clock.now().getTime() - n * YEAR_MS);

let clerk: { userId: string; cookie: string };
beforeAll(async () => {
  clerk = await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});
afterEach(() => signOut());

/** A nomination made through the create form, by the clerk. */
async function nominate(overrides: Fields): Promise<{ id: string; candidateId: string }> {
  resumeSession(clerk.cookie);
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.birthYear": undefined, ...overrides }));
  expect(answer.status).toBe(302);
  const id = answer.location!.split("/").pop()!;
  const n = await db().nomination.findUniqueOrThrow({ where: { id } });
  return { id, candidateId: n.candidateId };
}

/** Moves a nomination to a final status at a past moment, as the workflow would record it. */
async function endAt(id: string, status: string, at: Date, reason = "") {
  const before = await db().nomination.findUniqueOrThrow({ where: { id } });
  await db().nomination.update({ where: { id }, data: { status, closingReason: reason } });
  await db().auditEvent.create({
    data: { userId: clerk.userId, action: "TRANSITION", entityType: "Nomination", entityId: id, fromStatus: before.status, toStatus: status, reason, at },
  });
  // The CREATE event goes back too: the nomination was filed before it ended.
  await db().auditEvent.updateMany({
    where: { entityType: "Nomination", entityId: id, action: "CREATE" },
    data: { at: new Date(at.getTime() - YEAR_MS / 12) },
  });
}

async function searchTotal(q: string): Promise<number> {
  await signInAs("READER");
  const found = await callLoader<{ total: number }>(listLoader, `/nominations?q=${encodeURIComponent(q)}`);
  return found.data!.total;
}

/** Every audit row's text that mentions `needle` (JSON before/after and reason). */
async function auditMentions(needle: string): Promise<number> {
  const rows = await db().auditEvent.findMany({ select: { before: true, after: true, reason: true } });
  return rows.filter((r) => [r.before, r.after, r.reason].some((t) => t?.includes(needle))).length;
}

async function snapshot(nominationId: string) {
  const n = await db().nomination.findUniqueOrThrow({
    where: { id: nominationId },
    include: { nominators: { orderBy: { id: "asc" } }, attachments: { orderBy: { id: "asc" } }, candidate: true, hgApplication: true },
  });
  const audit = await db().auditEvent.findMany({ where: { entityId: { in: [nominationId, n.candidateId] } }, orderBy: { id: "asc" } });
  const anonymizeEvents = await db().auditEvent.count({ where: { action: "ANONYMIZE" } });
  const search = await db().$queryRaw<{ searchText: string }[]>`SELECT "searchText" FROM "NominationSearch" WHERE "nominationId" = ${nominationId}`;
  return { n, audit, anonymizeEvents, search };
}

describe("anonymisation (npm run retention -- --apply)", () => {
  test("a refused Honoris Gratia nomination past its period loses every name; statistics stay; a young one is untouched", async () => {
    const application = await db().honorisGratiaApplication.create({
      data: {
        channel: "PAPER",
        receivedDate: "2022-01-10",
        applicantKind: "PERSON",
        applicantName: "Zofia Aplikantowa",
        applicantContact: "ul. Wnioskowa 1, Kraków",
        caseReference: "KP-04.0012.77.2022",
      },
    });
    const old = await nominate({
      honour: "HONORIS_GRATIA",
      requestedClass: undefined,
      "candidate.givenNames": "Żaneta",
      "candidate.surname": "Kwiatkowska-Retencyjna",
      "candidate.birthYear": "1961",
      "candidate.city": "Wieliczka",
      "candidate.title": "dr",
      "nominators[0].kind": "PERSON",
      "nominators[0].name": "Przemysław Zgłaszający-Unikat",
      "nominators[0].contact": "przemek.unikat@example.com",
      caseReference: "KP-04.0012.77.2022",
      receivedDate: "2022-01-10",
      merits: "Pani Żaneta Kwiatkowska-Retencyjna prowadzi świetlicę.",
      attachments: "życiorys Kwiatkowskiej-Retencyjnej.pdf",
    });
    await db().nomination.update({ where: { id: old.id }, data: { hgApplicationId: application.id } });
    await endAt(old.id, "REFUSED", yearsAgo(3), "Odmowa: pismo Przemysława Zgłaszającego-Unikat");

    const young = await nominate({
      honour: "HONORIS_GRATIA",
      requestedClass: undefined,
      "candidate.surname": "Świeżo-Odmówiona",
      "nominators[0].name": "Świeży Wnioskodawca",
    });
    await endAt(young.id, "REFUSED", yearsAgo(0.1));

    expect(await searchTotal("kwiatkowska-retencyjna")).toBe(1);
    expect(await searchTotal("zglaszajacy-unikat")).toBe(1);
    expect(await auditMentions("Kwiatkowska-Retencyjna")).toBeGreaterThan(0);
    expect(await auditMentions("Zgłaszający-Unikat")).toBeGreaterThan(0);
    const statsBefore = await nominationCountsByHonourAndStatus();

    // The dry run lists it and changes nothing.
    const dry = await runRetention({ apply: false });
    expect(dry.result).toBeNull();
    const listed = dry.due.find((d) => d.id === old.id)!;
    expect(listed).toMatchObject({ recordKind: "HG_REFUSED", months: 24, candidate: { willBeAnonymized: true } });
    expect(dry.due.some((d) => d.id === young.id)).toBe(false);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: old.id } })).anonymizedAt).toBeNull();

    const { result } = await runRetention({ apply: true });
    expect(result!.nominationIds).toContain(old.id);
    expect(result!.nominationIds).not.toContain(young.id);

    // Gone from the register's search and from every audit row.
    expect(await searchTotal("kwiatkowska-retencyjna")).toBe(0);
    expect(await searchTotal("zglaszajacy-unikat")).toBe(0);
    expect(await searchTotal("zaneta")).toBe(0);
    for (const needle of ["Kwiatkowska-Retencyjna", "Zgłaszający-Unikat", "przemek.unikat", "Zofia Aplikantowa", "świetlicę", "Wieliczka"]) {
      expect(await auditMentions(needle), needle).toBe(0);
    }

    const after = await db().nomination.findUniqueOrThrow({
      where: { id: old.id },
      include: { nominators: true, attachments: true, candidate: true, hgApplication: true },
    });
    expect(after).toMatchObject({
      honour: "HONORIS_GRATIA",
      status: "REFUSED",
      receivedDate: "2022-01-10",
      caseReference: "KP-04.0012.77.2022",
      merits: "",
      closingReason: ANONYMIZED_MARK,
      searchText: "",
    });
    expect(after.anonymizedAt).not.toBeNull();
    expect(after.nominators.map((n) => [n.kind, n.name, n.contact])).toEqual([["PERSON", ANONYMIZED_MARK, ANONYMIZED_MARK]]);
    expect(after.attachments.map((a) => a.name)).toEqual([ANONYMIZED_MARK]);
    expect(after.candidate).toMatchObject({
      kind: "PERSON",
      givenNames: "",
      surname: ANONYMIZED_MARK,
      displayName: ANONYMIZED_MARK,
      foldedName: "[dane usuniete]",
      birthYear: null,
      birthDate: null,
      city: "",
      title: "",
      nameNominative: "",
      grammaticalGender: null,
    });
    expect(after.candidate.anonymizedAt).not.toBeNull();
    expect(after.hgApplication).toMatchObject({ applicantName: ANONYMIZED_MARK, applicantContact: ANONYMIZED_MARK, caseReference: "KP-04.0012.77.2022" });

    // The young refusal is untouched.
    const youngAfter = await db().nomination.findUniqueOrThrow({ where: { id: young.id }, include: { nominators: true, candidate: true } });
    expect(youngAfter.anonymizedAt).toBeNull();
    expect(youngAfter.nominators[0]!.name).toBe("Świeży Wnioskodawca");
    expect(youngAfter.candidate.surname).toBe("Świeżo-Odmówiona");

    // Statistics per honour and status are the same; the run is recorded without personal data.
    expect(await nominationCountsByHonourAndStatus()).toEqual(statsBefore);
    const run = await db().auditEvent.findFirstOrThrow({ where: { action: "ANONYMIZE", entityId: result!.runId! } });
    expect(run.entityType).toBe("RetentionRun");
    const summary = JSON.parse(run.after!);
    expect(summary.nominationIds).toContain(old.id);
    expect(summary.candidateIds).toContain(old.candidateId);
    expect(summary.hgApplicationIds).toEqual([application.id]);
    expect(summary.counts).toMatchObject({ nominations: result!.nominations, candidates: result!.candidates, hgApplications: 1 });
    expect(summary.counts.auditEventsRedacted).toBeGreaterThanOrEqual(3);

    // A second run finds nothing more to do for it.
    expect((await listDueForAnonymisation()).some((d) => d.id === old.id)).toBe(false);
  });

  test("a candidate who also holds a conferral keeps the name; the refused nomination's nominators go", async () => {
    const laureate = await nominate({ "candidate.givenNames": "Wawrzyniec", "candidate.surname": "Laureat-Zachowany" });
    await db().nomination.update({ where: { id: laureate.id }, data: { status: "HANDED_OVER" } });
    await db().conferral.create({
      data: {
        publicId: `test-${laureate.id}`,
        nominationId: laureate.id,
        candidateId: laureate.candidateId,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "SILVER",
        conferredOn: "2021-05-01",
      },
    });
    const refused = await nominate({
      honour: "HONORIS_GRATIA",
      requestedClass: undefined,
      candidateId: laureate.candidateId,
      "nominators[0].name": "Nominator Doznikniecia",
    });
    await endAt(refused.id, "REFUSED", yearsAgo(4));
    const withdrawnWithOpen = await nominate({ "candidate.surname": "Otwarty-Drugi", "nominators[0].name": "Wycofujący Wnioskodawca" });
    await endAt(withdrawnWithOpen.id, "WITHDRAWN", yearsAgo(3));
    await nominate({ candidateId: withdrawnWithOpen.candidateId, honour: "HONORIS_GRATIA", requestedClass: undefined }); // still open

    const due = await listDueForAnonymisation();
    expect(due.find((d) => d.id === refused.id)!.candidate.willBeAnonymized).toBe(false);
    expect(due.find((d) => d.id === withdrawnWithOpen.id)).toMatchObject({ recordKind: "NOMINATION_WITHDRAWN", candidate: { willBeAnonymized: false } });

    const result = await anonymise([refused.id, withdrawnWithOpen.id], { userId: clerk.userId });
    expect(result.nominations).toBe(2);
    expect(result.candidates).toBe(0);
    expect(result.candidatesKept).toBe(2);

    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: laureate.candidateId } });
    expect(candidate.displayName).toBe("Wawrzyniec Laureat-Zachowany");
    expect(candidate.anonymizedAt).toBeNull();
    expect((await db().candidate.findUniqueOrThrow({ where: { id: withdrawnWithOpen.candidateId } })).surname).toBe("Otwarty-Drugi");
    // The laureate is still found by name (both nominations), the removed nominator is not.
    expect(await searchTotal("laureat-zachowany")).toBe(2);
    expect(await searchTotal("doznikniecia")).toBe(0);
    expect(await auditMentions("Nominator Doznikniecia")).toBe(0);
    // The laureate's own nomination is untouched.
    const kept = await db().nomination.findUniqueOrThrow({ where: { id: laureate.id }, include: { nominators: true } });
    expect(kept.anonymizedAt).toBeNull();
    expect(kept.nominators[0]!.name).toBe("Towarzystwo Przyjaciół Sztuk Pięknych");
  });

  test.each([
    [
      "the candidate's update",
      `CREATE TRIGGER "retention_test_fail" BEFORE UPDATE ON "Candidate" WHEN old."id" = $CANDIDATE BEGIN SELECT RAISE(ABORT, 'test: failure mid-way'); END`,
    ],
    [
      "an audit row's redaction (the last step)",
      `CREATE TRIGGER "retention_test_fail" BEFORE UPDATE ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'test: failure mid-way'); END`,
    ],
  ])("a failure in %s leaves everything as it was", async (_where, trigger) => {
    const n = await nominate({
      honour: "HONORIS_GRATIA",
      requestedClass: undefined,
      "candidate.surname": `Niezmieniona-${Math.random().toString(36).slice(2, 8)}`,
      "nominators[0].name": "Wnioskodawca Przed Awarią",
    });
    await endAt(n.id, "REFUSED", yearsAgo(3), "powód z nazwiskiem");
    const before = await snapshot(n.id);
    await db().$executeRawUnsafe(trigger.replace("$CANDIDATE", `'${n.candidateId}'`));
    try {
      // (The driver reports a trigger's RAISE as a constraint violation.)
      await expect(anonymise([n.id], { userId: clerk.userId })).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS "retention_test_fail"`);
    }
    expect(await snapshot(n.id)).toEqual(before);
    expect(before.n.nominators[0]!.name).toBe("Wnioskodawca Przed Awarią");

    // Without the fault the same call goes through.
    const result = await anonymise([n.id], { userId: clerk.userId });
    expect(result.nominations).toBe(1);
    expect((await snapshot(n.id)).n.nominators[0]!.name).toBe(ANONYMIZED_MARK);
  });

  test("ids that are not due (open, a laureate's, unknown) are skipped and changed in no way", async () => {
    const open = await nominate({ "candidate.surname": "Otwarty-Nietknięty" });
    const laureate = await nominate({ honour: "HONORIS_GRATIA", requestedClass: undefined, "candidate.surname": "Zamknięty-Z-Odznaką" });
    await db().conferral.create({
      data: {
        publicId: `closed-${laureate.id}`,
        nominationId: laureate.id,
        candidateId: laureate.candidateId,
        honour: "HONORIS_GRATIA",
        conferredOn: "2019-05-01",
      },
    });
    await endAt(laureate.id, "CLOSED", yearsAgo(6));
    const anonymizeEvents = await db().auditEvent.count({ where: { action: "ANONYMIZE" } });

    const result = await anonymise([open.id, laureate.id, "no-such-id"], { userId: clerk.userId });
    expect(result).toMatchObject({ nominations: 0, skippedIds: [open.id, laureate.id, "no-such-id"], runId: null });
    for (const [id, surname] of [
      [open.id, "Otwarty-Nietknięty"],
      [laureate.id, "Zamknięty-Z-Odznaką"],
    ] as const) {
      const n = await db().nomination.findUniqueOrThrow({ where: { id }, include: { candidate: true, nominators: true } });
      expect(n.anonymizedAt).toBeNull();
      expect(n.candidate.surname).toBe(surname);
      expect(n.nominators[0]!.name).toBe("Towarzystwo Przyjaciół Sztuk Pięknych");
    }
    expect(await db().auditEvent.count({ where: { action: "ANONYMIZE" } })).toBe(anonymizeEvents);
  });
});

describe("the /admin/retention screen", () => {
  test("policies: Polish errors, a stale version is refused, a saved change makes more records due", async () => {
    const n = await nominate({ honour: "HONORIS_GRATIA", requestedClass: undefined, "candidate.surname": "Zmiana-Okresu" });
    await endAt(n.id, "REFUSED", yearsAgo(0.5));
    const admin = await signInAs("ADMIN");
    const screen = await callLoader<{ policies: { recordKind: string; months: number; version: number }[]; due: { id: string }[] }>(
      retentionScreen,
      "/admin/retention",
    );
    expect(screen.status).toBe(200);
    expect(screen.data!.due.some((d) => d.id === n.id)).toBe(false);
    const policies = screen.data!.policies;
    expect(policies.map((p) => p.recordKind)).toEqual(["HG_REFUSED", "NOMINATION_WITHDRAWN", "NOMINATION_UNSUCCESSFUL"]);
    const fields = (months: Record<string, string>, version = (p: (typeof policies)[number]) => String(p.version)) =>
      Object.fromEntries(
        policies.flatMap((p, i) => [
          [`policies[${i}].recordKind`, p.recordKind],
          [`policies[${i}].months`, months[p.recordKind] ?? String(p.months)],
          [`policies[${i}].version`, version(p)],
        ]),
      );

    const invalid = await callAction<{ result: { error: Record<string, string[]> } }>(
      policiesAction,
      "/admin/retention",
      fields({ HG_REFUSED: "0", NOMINATION_WITHDRAWN: "dwa" }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data!.result.error["policies[0].months"]).toEqual(["Okres przechowywania musi wynosić co najmniej 1 miesiąc."]);
    expect(invalid.data!.result.error["policies[1].months"]).toEqual(["Podaj liczbę miesięcy."]);

    const stale = await callAction<{ conflict: unknown[] }>(
      policiesAction,
      "/admin/retention",
      fields({ HG_REFUSED: "3" }, (p) => String(p.version + 1)),
    );
    expect(stale.status).toBe(409);
    expect((await db().retentionPolicy.findUniqueOrThrow({ where: { recordKind: "HG_REFUSED" } })).months).toBe(24);

    const saved = await callAction<{ saved: boolean }>(policiesAction, "/admin/retention", fields({ HG_REFUSED: "3" }));
    expect(saved.status).toBe(200);
    expect(saved.data!.saved).toBe(true);
    const policy = await db().retentionPolicy.findUniqueOrThrow({ where: { recordKind: "HG_REFUSED" } });
    expect(policy).toMatchObject({ months: 3, version: 2 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "RetentionPolicy", entityId: policy.id } });
    expect(JSON.parse(event.after!)).toEqual({ recordKind: "HG_REFUSED", months: 3 });
    // The same form again (version 1) is now stale.
    expect((await callAction(policiesAction, "/admin/retention", fields({ HG_REFUSED: "4" }))).status).toBe(409);

    const now = await callLoader<{ due: { id: string; recordKind: string }[] }>(retentionScreen, "/admin/retention");
    expect(now.data!.due.find((d) => d.id === n.id)).toMatchObject({ recordKind: "HG_REFUSED" });

    // The confirmation step: nothing happens without the box ticked; then only the chosen records.
    const confirm = await callLoader<{ due: { id: string }[] }>(confirmScreen, "/admin/retention/anonymise");
    expect(confirm.data!.due.some((d) => d.id === n.id)).toBe(true);
    const unconfirmed = await callAction<{ result: { error: Record<string, string[]> } }>(anonymiseAction, "/admin/retention/anonymise", { ids: [n.id] });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data!.result.error.confirm).toEqual(["Potwierdź, że rozumiesz, że anonimizacji nie można cofnąć."]);
    const none = await callAction<{ result: { error: Record<string, string[]> } }>(anonymiseAction, "/admin/retention/anonymise", { confirm: "on" });
    expect(none.data!.result.error.ids).toEqual(["Zaznacz co najmniej jeden wniosek do anonimizacji."]);
    expect((await db().nomination.findUniqueOrThrow({ where: { id: n.id } })).anonymizedAt).toBeNull();

    const done = await callAction<{ summary: { nominations: number; candidates: number } }>(anonymiseAction, "/admin/retention/anonymise", {
      ids: [n.id],
      confirm: "on",
    });
    expect(done.status).toBe(200);
    expect(done.data!.summary).toMatchObject({ nominations: 1, candidates: 1 });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: n.candidateId } })).displayName).toBe(ANONYMIZED_MARK);
    const run = await db().auditEvent.findFirstOrThrow({ where: { action: "ANONYMIZE" }, orderBy: { at: "desc" } });
    expect(run.userId).not.toBeNull();

    // Only a POST anonymises (a GET is the loader, which only lists).
    const put = await settle(() =>
      anonymiseAction({
        request: new Request("http://localhost/admin/retention/anonymise", { method: "PUT", headers: { Cookie: admin.cookie } }),
        params: {},
        context: {},
      }),
    );
    expect(put.status).toBe(405);

    await db().retentionPolicy.update({ where: { id: policy.id }, data: { months: 24 } });
  });
});

describe("the right of access: /candidates/:id/export", () => {
  test("a JSON file with the candidate, nominations, nominators, attachments, conferrals and audit events", async () => {
    const n = await nominate({
      "candidate.givenNames": "Łucja",
      "candidate.surname": "Ćwiklińska-Eksportowa",
      "nominators[0].name": "Stowarzyszenie Eksportowe",
      "nominators[0].contact": "biuro@eksport.example",
      attachments: "pismo.pdf",
    });
    await db().conferral.create({
      data: {
        publicId: `export-${n.id}`,
        nominationId: n.id,
        candidateId: n.candidateId,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "SILVER",
        conferredOn: "2025-06-01",
      },
    });
    await endAt(n.id, "ADOPTED", yearsAgo(1));
    const admin = await signInAs("ADMIN");

    const response = (await exportLoader({
      request: new Request(`http://localhost/candidates/${n.candidateId}/export`, { headers: { Cookie: admin.cookie } }),
      params: { id: n.candidateId },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const disposition = response.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(
      /^attachment; filename="dane-osobowe-lucja-cwiklinska-eksportowa-\d{4}-\d{2}-\d{2}\.json"; filename\*=UTF-8''dane-osobowe-%C5%81ucja%20%C4%86wikli%C5%84ska-Eksportowa-/,
    );
    expect(/^[\x20-\x7e]+$/.test(disposition)).toBe(true);
    expect(response.headers.get("Cache-Control")).toBe("no-store");

    const file = JSON.parse(await response.text());
    expect(file.candidate).toMatchObject({ id: n.candidateId, givenNames: "Łucja", surname: "Ćwiklińska-Eksportowa" });
    expect(file.nominations).toHaveLength(1);
    expect(file.nominations[0]).toMatchObject({ id: n.id, status: "ADOPTED", merits: "Zasługi dla miasta." });
    expect(file.nominations[0].nominators).toEqual([expect.objectContaining({ name: "Stowarzyszenie Eksportowe", contact: "biuro@eksport.example" })]);
    expect(file.nominations[0].attachments.map((a: { name: string }) => a.name)).toEqual(["pismo.pdf"]);
    expect(file.nominations[0].searchText).toBeUndefined();
    expect(file.conferrals).toEqual([expect.objectContaining({ nominationId: n.id, honour: "CRACOVIAE_MERENTI" })]);
    const events = file.auditEvents.map((e: { action: string; entityType: string; entityId: string }) => `${e.action} ${e.entityType} ${e.entityId}`);
    expect(events).toEqual(expect.arrayContaining([`CREATE Candidate ${n.candidateId}`, `CREATE Nomination ${n.id}`, `TRANSITION Nomination ${n.id}`]));
    const created = file.auditEvents.find((e: { action: string; entityType: string }) => e.action === "CREATE" && e.entityType === "Nomination");
    expect(created.after.nominators[0]).toContain("Stowarzyszenie Eksportowe");
    expect(created.userId).toBeUndefined();
    expect(file.note).toMatch(/art\. 15 ust\. 4 RODO/);

    // The export is itself recorded, without the data.
    const logged = await db().auditEvent.findFirstOrThrow({ where: { action: "EXPORT", entityType: "Candidate", entityId: n.candidateId } });
    expect(logged.userId).toBe(admin.userId);
    expect(logged.after).not.toContain("Ćwiklińska");

    const missing = await settle(() =>
      exportLoader({
        request: new Request("http://localhost/candidates/none/export", { headers: { Cookie: admin.cookie } }),
        params: { id: "none" },
        context: {},
      }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("who may", () => {
  let ids: { candidate: string; nomination: string };
  beforeAll(async () => {
    const n = await nominate({ honour: "HONORIS_GRATIA", requestedClass: undefined, "candidate.surname": "Chroniona-Uprawnieniami" });
    await endAt(n.id, "REFUSED", yearsAgo(3));
    ids = { candidate: n.candidateId, nomination: n.id };
  });

  const calls = () =>
    [
      ["GET /admin/retention", () => callLoader(retentionScreen, "/admin/retention")],
      [
        "POST /admin/retention",
        () => callAction(policiesAction, "/admin/retention", { "policies[0].recordKind": "HG_REFUSED", "policies[0].months": "1", "policies[0].version": "1" }),
      ],
      ["GET /admin/retention/anonymise", () => callLoader(confirmScreen, "/admin/retention/anonymise")],
      ["POST /admin/retention/anonymise", () => callAction(anonymiseAction, "/admin/retention/anonymise", { ids: [ids.nomination], confirm: "on" })],
      ["GET /candidates/:id/export", () => callLoader(exportLoader, `/candidates/${ids.candidate}/export`, { id: ids.candidate })],
    ] as const;

  test.each(["KP09_SPECIALIST", "KP04_CLERK", "PROTOCOL", "PRINTING", "READER"])("%s gets 403 everywhere and changes nothing", async (role) => {
    await signInAs(role);
    for (const [name, call] of calls()) {
      const answer = await call();
      expect(answer.status, name).toBe(403);
    }
    expect((await db().nomination.findUniqueOrThrow({ where: { id: ids.nomination } })).anonymizedAt).toBeNull();
    expect((await db().retentionPolicy.findUniqueOrThrow({ where: { recordKind: "HG_REFUSED" } })).months).toBe(24);
    expect(await db().auditEvent.count({ where: { action: "EXPORT", entityId: ids.candidate } })).toBe(0);
  });

  test("without a session every one of them goes to sign-in", async () => {
    signOut();
    for (const [name, call] of calls()) {
      const answer = await call();
      expect(answer.status, name).toBe(302);
      expect(answer.location, name).toMatch(/^\/login/);
    }
  });

  test("an administrator (personal-data:manage) gets through", async () => {
    await signInAs("ADMIN");
    for (const [name, call] of calls().filter(([n]) => n.startsWith("GET"))) {
      expect((await call()).status, name).toBe(200);
    }
  });
});

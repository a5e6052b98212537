import { beforeAll, describe, expect, test } from "vitest";
import { action as createAction } from "#app/routes/nominations.new";
import { action as stepAction, loader as stepLoader } from "#app/routes/nominations.$id.step.$to";
import { action as diplomaAction, loader as diplomaLoader } from "#app/routes/conferrals.$id.diploma";
import { action as printAction } from "#app/routes/conferrals.$id.diploma.print";
import { assignNextNumber, newPublicId } from "#app/models/conferral.server";
import { eligibilityOf } from "#app/models/eligibility.server";
import { createPrismaClient, db } from "#app/utils/db.server";
import { buildReport } from "#app/models/reports.server";
import { callAction, callLoader, personNomination, postRequest, signInAs, type Fields } from "./helpers";

type StepReply = { result: { error?: Record<string, string[] | null> } };

async function nomination(overrides: Fields = {}) {
  const answer = await callAction(
    createAction,
    "/nominations/new",
    personNomination({ "candidate.surname": `Kroczący${Math.random().toString(36).slice(2, 7)}`, "candidate.birthYear": undefined, ...overrides }),
  );
  expect(answer.status).toBe(302);
  return answer.location!.split("/").pop()!;
}

async function step(id: string, to: string, fields: Fields = {}) {
  const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
  return callAction<StepReply>(stepAction, `/nominations/${id}/step/${to}`, { version: String(version), ...fields }, { id, to });
}

const status = async (id: string) => (await db().nomination.findUniqueOrThrow({ where: { id } })).status;

/**
 * Issue 16: „dyplom wydrukowany” is reached only by a recorded print. The manual step is refused;
 * a planned ceremony dates the diploma; the confirmed diploma printed moves the nomination on.
 */
async function printTheDiploma(id: string) {
  const manual = await step(id, "DIPLOMA_PRINTED", { eventDate: "2026-04-01" });
  expect(manual.status).toBeGreaterThanOrEqual(400);
  expect(await status(id)).toBe("NUMBER_ASSIGNED");
  const n = await db().nomination.findUniqueOrThrow({ where: { id }, include: { conferral: true } });
  const conferralId = n.conferral!.id;
  await db().candidate.update({
    where: { id: n.candidateId },
    data: { nameDative: "Panu Kroczącemu", nameGenitive: "Kroczącego", nameFormsConfirmedAt: new Date() },
  });
  for (const office of ["MAYOR", "COUNCIL_CHAIR"]) {
    if (!(await db().signatory.count({ where: { office, validTo: null } })))
      await db().signatory.create({ data: { office, fullName: "Jan Testowy", titleLine: "Testowy urząd", validFrom: "2024-05-07" } });
  }
  const ceremony = await db().ceremony.create({
    data: { kind: "COUNCIL_SESSION", title: "Sesja uroczysta (test)", date: "2026-06-05", startTime: "12:00", endTime: "14:00" },
  });
  await db().ceremonyLaureate.create({ data: { ceremonyId: ceremony.id, conferralId, position: 1 } });
  type DiplomaPage = { date: string | null; diploma: { id: string; sourceHash: string } | null; missing: unknown[] };
  const page = (await callLoader<DiplomaPage>(diplomaLoader, `/conferrals/${conferralId}/diploma`, { id: conferralId })).data!;
  expect(page.missing).toEqual([]);
  expect(page.date).toBe("2026-06-05");
  await callAction(
    diplomaAction,
    `/conferrals/${conferralId}/diploma`,
    { intent: "confirm", diplomaId: page.diploma!.id, hash: page.diploma!.sourceHash },
    { id: conferralId },
  );
  const printed = (await printAction({
    request: postRequest(`/conferrals/${conferralId}/diploma/print`, { diplomaId: page.diploma!.id }),
    params: { id: conferralId },
    context: {},
  })) as Response;
  expect(printed.status).toBe(200);
  expect(await status(id)).toBe("DIPLOMA_PRINTED");
}

let actorId = "";
beforeAll(async () => {
  actorId = (await signInAs(["KP09_SPECIALIST", "KP04_CLERK"])).userId;
});

describe("Cracoviae Merenti from received to closed", () => {
  test("every step in order, with its fields, audited, ending with a medal number", async () => {
    const id = await nomination({ requestedClass: "BRONZE" });
    expect((await step(id, "FORMALLY_COMPLETE")).status).toBe(302);
    expect((await step(id, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: "SILVER" })).status).toBe(302);
    expect((await step(id, "DRAFT_PREPARED")).status).toBe(302);
    expect((await step(id, "FORWARDED", { eventDate: "2026-02-10", actNumber: "321/2026" })).status).toBe(302);
    expect(
      (await step(id, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLI/1001/26", votesFor: "40", votesAgainst: "0", votesAbstained: "1" })).status,
    ).toBe(302);
    expect((await step(id, "NUMBER_ASSIGNED")).status).toBe(302);
    await printTheDiploma(id);
    expect((await step(id, "HANDED_OVER", { eventDate: "2026-06-05", handoverPlace: "Sala Obrad Rady Miasta Krakowa" })).status).toBe(302);
    expect((await step(id, "CLOSED")).status).toBe(302);

    const conferral = await db().conferral.findUniqueOrThrow({ where: { nominationId: id }, include: { resolution: { include: { councilTerm: true } } } });
    expect(conferral).toMatchObject({
      honour: "CRACOVIAE_MERENTI",
      medalClass: "SILVER",
      numberSeries: "CM_SILVER",
      conferredOn: "2026-03-11",
      handedOverOn: "2026-06-05",
    });
    expect(conferral.number).toBeGreaterThanOrEqual(1);
    expect(conferral.resolution).toMatchObject({ number: "XLI/1001/26", sessionNumber: 41, runningNumber: 1001, votesFor: 40, votesAbstained: 1 });
    expect(conferral.resolution!.councilTerm.number).toBe(9);
    const audit = await db().auditEvent.findMany({ where: { entityId: id, action: "TRANSITION" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => `${a.fromStatus}>${a.toStatus}`)).toEqual([
      "RECEIVED>FORMALLY_COMPLETE",
      "FORMALLY_COMPLETE>OPINION_POSITIVE",
      "OPINION_POSITIVE>DRAFT_PREPARED",
      "DRAFT_PREPARED>FORWARDED",
      "FORWARDED>ADOPTED",
      "ADOPTED>NUMBER_ASSIGNED",
      "NUMBER_ASSIGNED>DIPLOMA_PRINTED",
      "DIPLOMA_PRINTED>HANDED_OVER",
      "HANDED_OVER>CLOSED",
    ]);
    expect(audit.every((a) => a.userId === actorId)).toBe(true);
    expect(JSON.parse(audit[5]!.after!).number).toBe(conferral.number);
  });

  test("a stale page cannot push a step the current status does not allow", async () => {
    const id = await nomination();
    const refused = await step(id, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLI/1002/26" });
    expect(refused.status).toBe(422);
    expect(refused.data!.result.error![""]![0]).toMatch(/^Ten krok nie jest dostępny: wniosek ma teraz status „wpłynął”/);
    expect(await status(id)).toBe("RECEIVED");
    expect(await db().resolution.count({ where: { number: "XLI/1002/26" } })).toBe(0);
    expect((await callLoader(stepLoader, `/nominations/${id}/step/ADOPTED`, { id, to: "ADOPTED" })).status).toBe(409);
    // A version the user never saw is refused too.
    const stale = await callAction<StepReply>(stepAction, `/nominations/${id}/step/FORMALLY_COMPLETE`, { version: "7" }, { id, to: "FORMALLY_COMPLETE" });
    expect(stale.status).toBe(409);
    expect(await status(id)).toBe("RECEIVED");
  });

  async function forwarded(medalClass = "SILVER") {
    // Since 1997 gold goes to institutions only.
    const who =
      medalClass === "GOLD"
        ? {
            "candidate.candidateKind": "ORGANIZATION",
            "candidate.organizationName": `Fundacja Krocząca ${Math.random().toString(36).slice(2, 7)}`,
            "candidate.givenNames": undefined,
            "candidate.surname": undefined,
            "candidate.grammaticalGender": undefined,
          }
        : {};
    const id = await nomination({ requestedClass: medalClass, ...who });
    await step(id, "FORMALLY_COMPLETE");
    await step(id, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: medalClass });
    await step(id, "DRAFT_PREPARED");
    await step(id, "FORWARDED", { eventDate: "2026-02-10", actNumber: "400/2026" });
    return id;
  }

  test("resolution numbers of the wrong form, year or term are refused next to the field", async () => {
    const id = await forwarded();
    const cases: [Fields, RegExp][] = [
      [{ actNumber: "41/1003/26", eventDate: "2026-03-11" }, /cyframi rzymskimi/],
      [{ actNumber: "XLI/1003/25", eventDate: "2026-03-11" }, /nie zgadzają się z rokiem podjęcia uchwały \(2026\)/],
      [{ actNumber: "XLI/1003/24", eventDate: "2024-05-03" }, /nie mieści się w żadnej kadencji/],
      [{ actNumber: "IIII/1003/26", eventDate: "2026-03-11" }, /nie jest poprawną liczbą rzymską/],
      [{ actNumber: "XLI/1003/26", eventDate: "2026-02-30" }, /Taka data nie istnieje/],
    ];
    for (const [fields, message] of cases) {
      const answer = await step(id, "ADOPTED", fields);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      const errors = answer.data!.result.error!;
      expect([...(errors.actNumber ?? []), ...(errors.eventDate ?? [])].join(" ")).toMatch(message);
    }
    expect(await status(id)).toBe("FORWARDED");
  });

  test("the same number in two terms is fine; a running number twice in one term is not", async () => {
    const a = await forwarded();
    expect((await step(a, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLII/1500/26" })).status).toBe(302);
    const b = await forwarded();
    const dup = await step(b, "ADOPTED", { eventDate: "2026-03-12", actNumber: "XLIII/1500/26" });
    expect(dup.status).toBe(422);
    expect(dup.data!.result.error!.actNumber![0]).toMatch(/Numer kolejny 1500 jest już użyty w tej kadencji/);
    // Term VIII had its own running numbers: 1500 there is another resolution.
    const termVIII = (await db().councilTerm.findUniqueOrThrow({ where: { number: 8 } })).id;
    await expect(
      db().resolution.create({ data: { councilTermId: termVIII, number: "XLII/1500/20", sessionNumber: 42, runningNumber: 1500, adoptedOn: "2020-05-05" } }),
    ).resolves.toMatchObject({ runningNumber: 1500, councilTermId: termVIII });
  });

  test("exceeding the term's limit needs a recorded resolution that raised it, not free text; the quota report shows it", async () => {
    const first = await forwarded("GOLD");
    expect((await step(first, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLIV/1600/26" })).status).toBe(302);
    const second = await forwarded("GOLD");
    const warned = await step(second, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLIV/1601/26" });
    expect(warned.status).toBe(422);
    expect(warned.data!.result.error!.limitRaiseNumber![0]).toMatch(
      /^Limit w tej kadencji to 1 \(.+\); nadano już 1, to byłoby 2\. Aby kontynuować, wskaż uchwałę Rady Miasta podnoszącą limit\.$/,
    );
    // Free text („x”) overrode the limit before issue 18: it no longer does.
    expect((await step(second, "ADOPTED", { eventDate: "2026-03-11", actNumber: "XLIV/1601/26", limitOverride: "x" })).status).toBe(422);
    expect(await status(second)).toBe("FORWARDED");

    // Entered on the spot: the LIMIT_RAISE resolution and the term's new limit are recorded.
    const raised = await step(second, "ADOPTED", {
      eventDate: "2026-03-11",
      actNumber: "XLIV/1601/26",
      limitRaiseNumber: "XL/990/26",
      limitRaiseDate: "2026-03-01",
      limitRaiseMax: "2",
    });
    expect(raised.status).toBe(302);
    const conferral = await db().conferral.findUniqueOrThrow({ where: { nominationId: second } });
    const raise = await db().resolution.findUniqueOrThrow({ where: { id: conferral.limitRaiseResolutionId! } });
    expect(raise).toMatchObject({ number: "XL/990/26", kind: "LIMIT_RAISE", adoptedOn: "2026-03-01" });
    expect(conferral.limitOverrideText).toMatch(/^uchwała nr XL\/990\/26 z dnia 1 marca 2026\sr\./);
    const quota = await buildReport("quota");
    const gold = quota.table.rows.find((r) => r[0] === "IX" && String(r[1]).includes("złot"))!;
    expect(gold.slice(2, 4)).toEqual([2, 2]);
    expect(String(gold[5])).toContain("XL/990/26");

    // Chosen from the list: it raised the limit to 2, so a third gold is still refused.
    const third = await forwarded("GOLD");
    const over = await step(third, "ADOPTED", { eventDate: "2026-03-12", actNumber: "XLV/1602/26", limitRaiseResolutionId: raise.id });
    expect(over.status).toBe(422);
    expect(over.data!.result.error!.limitRaiseResolutionId![0]).toBe("Uchwała nr XL/990/26 podniosła limit tej kadencji do 2; nadano już 2, to byłoby 3.");
  });

  test("withdrawal needs a reason and is allowed only from an open stage", async () => {
    const id = await nomination();
    const noReason = await step(id, "WITHDRAWN");
    expect(noReason.status).toBe(400);
    expect(noReason.data!.result.error!.reason).toEqual(["Podaj powód."]);
    expect((await step(id, "WITHDRAWN", { reason: "Wnioskodawca wycofał wniosek pismem." })).status).toBe(302);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).closingReason).toBe("Wnioskodawca wycofał wniosek pismem.");
    expect((await step(id, "FORMALLY_COMPLETE")).status).toBe(422);
  });
});

describe("Honorary Citizenship", () => {
  const hc = (overrides: Fields = {}) => nomination({ honour: "HONORARY_CITIZENSHIP", requestedClass: undefined, receivedDate: "2026-03-20", ...overrides });

  test("an organisation or a deceased person is refused at once", async () => {
    const org = await callAction<StepReply>(createAction, "/nominations/new", {
      ...personNomination({ honour: "HONORARY_CITIZENSHIP", requestedClass: undefined }),
      "candidate.candidateKind": "ORGANIZATION",
      "candidate.organizationName": "Fundacja Testowa",
    });
    expect(org.status).toBe(422);
    expect(org.data!.result.error![""]![0]).toBe("Honorowe Obywatelstwo nadaje się wyłącznie osobom, nie instytucjom.");
    const dead = await callAction<StepReply>(
      createAction,
      "/nominations/new",
      personNomination({ honour: "HONORARY_CITIZENSHIP", requestedClass: undefined, "candidate.deceased": "on", "candidate.surname": "Zmarły" }),
    );
    expect(dead.status).toBe(422);
  });

  test("the formal check verifies who applied: ≥ 5 councillors, ≥ 4000 residents with last year's signatures", async () => {
    const byCouncillors = await hc({ "nominators[0].kind": "COUNCILLORS", "nominators[0].name": "Radni Miasta Krakowa" });
    const few = await step(byCouncillors, "FORMALLY_COMPLETE", { councillorNames: "A\nB\nC" });
    expect(few.status).toBe(422);
    expect(few.data!.result.error![""]![0]).toBe("Wniosek radnych wymaga co najmniej 5 nazwisk radnych (podano 3).");
    expect((await step(byCouncillors, "FORMALLY_COMPLETE", { councillorNames: "A\nB\nC\nD\nE" })).status).toBe(302);

    const byResidents = await hc({ "nominators[0].kind": "RESIDENTS", "nominators[0].name": "Komitet mieszkańców" });
    const thisYear = await step(byResidents, "FORMALLY_COMPLETE", {
      residentSignatureCount: "4100",
      signaturesCollectedFrom: "2026-01-10",
      signaturesCollectedTo: "2026-02-10",
    });
    expect(thisYear.data!.result.error![""]![0]).toMatch(/w roku kalendarzowym poprzedzającym złożenie wniosku \(2025\)/);
    const tooFew = await step(byResidents, "FORMALLY_COMPLETE", {
      residentSignatureCount: "3999",
      signaturesCollectedFrom: "2025-09-01",
      signaturesCollectedTo: "2025-12-01",
    });
    expect(tooFew.data!.result.error![""]![0]).toMatch(/co najmniej 4000 podpisów \(podano 3999\)/);
    expect(
      (
        await step(byResidents, "FORMALLY_COMPLETE", {
          residentSignatureCount: "4000",
          signaturesCollectedFrom: "2025-09-01",
          signaturesCollectedTo: "2025-12-01",
        })
      ).status,
    ).toBe(302);

    const byPerson = await hc({ "nominators[0].kind": "PERSON", "nominators[0].name": "Jan Kowalski" });
    expect((await step(byPerson, "FORMALLY_COMPLETE")).data!.result.error![""]![0]).toMatch(/może złożyć tylko Prezydent Miasta/);
  });

  test("a historical conferral (imported, without a nomination) counts as an honour held", async () => {
    const id = await hc({ "nominators[0].kind": "MAYOR", "nominators[0].name": "Prezydent Miasta Krakowa" });
    const { candidateId } = await db().nomination.findUniqueOrThrow({ where: { id } });
    await db().conferral.create({
      data: { publicId: newPublicId(), candidateId, honour: "HONORARY_CITIZENSHIP", conferredOn: "2005-06-05", isHistorical: true },
    });
    expect((await eligibilityOf(id)).map((f) => `${f.level}:${f.code}`)).toContain("refuse:hc-already-held");
    const refused = await step(id, "FORMALLY_COMPLETE");
    expect(refused.data!.result.error![""]![0]).toBe("Kandydat jest już Honorowym Obywatelem Krakowa.");
    expect(await status(id)).toBe("RECEIVED");
  });

  test("a late application moves to next year's round unless a reason keeps it", async () => {
    const late = await hc({ receivedDate: "2026-04-02", "nominators[0].kind": "MAYOR", "nominators[0].name": "Prezydent Miasta Krakowa" });
    expect((await db().nomination.findUniqueOrThrow({ where: { id: late } })).roundYear).toBe(2027);
    const kept = await hc({ receivedDate: "2026-04-03", "nominators[0].kind": "MAYOR", "nominators[0].name": "Prezydent Miasta Krakowa" });
    await step(kept, "FORMALLY_COMPLETE", { lateReason: "Wniosek nadany w terminie w placówce pocztowej." });
    expect((await db().nomination.findUniqueOrThrow({ where: { id: kept } })).roundYear).toBe(2026);
  });
});

describe("Honoris Gratia", () => {
  test("received → verified → granted by the Mayor's decision → handed over; due date a month on", async () => {
    const id = await nomination({ honour: "HONORIS_GRATIA", requestedClass: undefined, receivedDate: "2026-01-31" });
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).dueDate).toBe("2026-02-28");
    expect((await step(id, "VERIFIED")).status).toBe(302);
    expect((await step(id, "GRANTED", { eventDate: "2026-02-20", actNumber: "555/2026" })).status).toBe(302);
    const handedTooEarly = await step(id, "HANDED_OVER", { eventDate: "2026-02-19", handoverPlace: "Hotel Przykładowy" });
    expect(handedTooEarly.data!.result.error!.eventDate).toEqual([
      "Decyzja Prezydenta z 20 lutego 2026\u00a0r. nie może być późniejsza niż wręczenie (19 lutego 2026\u00a0r.): wręcza się wyróżnienie już nadane.",
    ]);
    expect((await step(id, "HANDED_OVER", { eventDate: "2026-03-01", handoverPlace: "Hotel Przykładowy" })).status).toBe(302);
    const conferral = await db().conferral.findUniqueOrThrow({ where: { nominationId: id }, include: { ordinance: true } });
    expect(conferral.ordinance).toMatchObject({ number: "555/2026", kind: "HG_DECISION" });
  });
});

describe("medal numbers", () => {
  test("50 conferrals numbered at once on separate connections get unique, gapless numbers after the highest historical one", async () => {
    const candidate = await db().candidate.findFirstOrThrow();
    await db().conferral.create({
      data: {
        publicId: newPublicId(),
        candidateId: candidate.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "BRONZE",
        numberSeries: "CM_BRONZE",
        number: 17,
        conferredOn: "2001-01-01",
        isHistorical: true,
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const c = await db().conferral.create({
        data: { publicId: newPublicId(), candidateId: candidate.id, honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE", conferredOn: "2026-03-11" },
      });
      ids.push(c.id);
    }
    const clients = ids.map(() => createPrismaClient(process.env.DATABASE_URL!));
    try {
      const numbers = await Promise.all(ids.map((id, i) => clients[i]!.$transaction((tx) => assignNextNumber(tx, id, "CM_BRONZE"))));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 18 + i));
      const stored = await db().conferral.findMany({ where: { numberSeries: "CM_BRONZE" }, select: { number: true } });
      expect(new Set(stored.map((s) => s.number)).size).toBe(51);
      // Assigned once: a second assignment of the same conferral is refused, the number stays.
      await expect(db().$transaction((tx) => assignNextNumber(tx, ids[0]!, "CM_BRONZE"))).rejects.toThrow("To nadanie ma już numer.");
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  test("the unique index refuses a duplicate number even when written directly", async () => {
    const candidate = await db().candidate.findFirstOrThrow();
    await db().conferral.create({
      data: {
        publicId: newPublicId(),
        candidateId: candidate.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "GOLD",
        numberSeries: "CM_GOLD",
        number: 7,
        conferredOn: "2021-01-01",
      },
    });
    await expect(
      db().conferral.create({
        data: {
          publicId: newPublicId(),
          candidateId: candidate.id,
          honour: "CRACOVIAE_MERENTI",
          medalClass: "GOLD",
          numberSeries: "CM_GOLD",
          number: 7,
          conferredOn: "2021-02-01",
        },
      }),
    ).rejects.toThrow();
  });
});

// Issue 18: rules the workflow cannot be talked out of. The same cases go through the importer,
// the workflow (the Commission's opinion), the draft and the adoption, and must get the same
// verdict; chronology and the honours' own dates are refused with the dates named.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, formatPolishDate } from "#app/domain/polish-dates";
import { REQUIRED_COLUMNS } from "#app/domain/historical-csv";
import { planImport } from "#app/models/historical-import.server";
import { createDraft } from "#app/models/draft.server";
import { action as createAction } from "#app/routes/nominations.new";
import { action as stepAction } from "#app/routes/nominations.$id.step.$to";
import { db } from "#app/utils/db.server";
import { callAction, personNomination, signInAs, type Fields } from "./helpers";

type StepReply = { result: { error?: Record<string, string[] | null> } };

const file = (...lines: string[]) => Buffer.from([REQUIRED_COLUMNS.join(";"), ...lines].join("\r\n"), "utf-8");
const unique = () => Math.random().toString(36).slice(2, 8);

async function nomination(overrides: Fields = {}) {
  const answer = await callAction(
    createAction,
    "/nominations/new",
    personNomination({ "candidate.surname": `Regułowy${unique()}`, "candidate.birthYear": undefined, ...overrides }),
  );
  expect(answer.status, JSON.stringify(answer.data)).toBe(302);
  return answer.location!.split("/").pop()!;
}

async function step(id: string, to: string, fields: Fields = {}) {
  const { version } = await db().nomination.findUniqueOrThrow({ where: { id } });
  return callAction<StepReply>(stepAction, `/nominations/${id}/step/${to}`, { version: String(version), ...fields }, { id, to });
}
const errorsOf = (answer: { data: StepReply | undefined }) =>
  Object.values(answer.data?.result?.error ?? {})
    .flat()
    .join(" ");

let running = 3000;
type Case = { name: string; kind: "PERSON" | "ORGANIZATION"; medalClass: "GOLD" | "SILVER" | "BRONZE"; refused: boolean };

describe("one verdict in the importer, the workflow, the draft and the adoption", () => {
  const cases: Case[] = [
    { name: "gold to a person in 2026", kind: "PERSON", medalClass: "GOLD", refused: true },
    { name: "gold to an institution", kind: "ORGANIZATION", medalClass: "GOLD", refused: false },
    { name: "silver to a person", kind: "PERSON", medalClass: "SILVER", refused: false },
    { name: "bronze to an institution", kind: "ORGANIZATION", medalClass: "BRONZE", refused: false },
  ];

  test.each(cases)("$name", async (c) => {
    await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
    const who = (): Fields =>
      c.kind === "PERSON"
        ? {}
        : {
            "candidate.candidateKind": "ORGANIZATION",
            "candidate.organizationName": `Fundacja Regułowa ${unique()}`,
            "candidate.givenNames": undefined,
            "candidate.surname": undefined,
            "candidate.grammaticalGender": undefined,
          };
    // Every path starts from a nomination asking for silver: the class comes with the Commission's opinion.
    const setUp = async (status: string) => {
      const id = await nomination({ ...who(), requestedClass: "SILVER" });
      await db().nomination.update({ where: { id }, data: { status, opinionClass: c.medalClass } });
      return id;
    };

    const name = c.kind === "PERSON" ? `osoba;Jan;Regułowy${unique()};;M` : `instytucja;;;Fundacja Regułowa ${unique()};`;
    const klasa = { GOLD: "zloty", SILVER: "srebrny", BRONZE: "brazowy" }[c.medalClass];
    const plan = await planImport(file(`CM;${klasa};;${name};L/${running++}/26;2026-03-11;IX;;;;`));
    const importer = plan.rows[0]!.action === "error";

    const opinionId = await nomination({ ...who(), requestedClass: "SILVER" });
    await step(opinionId, "FORMALLY_COMPLETE");
    const opinion = (await step(opinionId, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: c.medalClass })).status === 422;

    const draft = (await createDraft(await setUp("OPINION_POSITIVE"), { userId: null })).kind === "refused";

    const adoptId = await setUp("FORWARDED");
    const adoption = await step(adoptId, "ADOPTED", { eventDate: "2026-03-11", actNumber: `L/${running++}/26` });

    expect({ importer, opinion, draft, adoption: adoption.status === 422 }, errorsOf(adoption)).toEqual({
      importer: c.refused,
      opinion: c.refused,
      draft: c.refused,
      adoption: c.refused,
    });
    if (c.refused) expect(errorsOf(adoption)).toMatch(/Od 1997\sr\. złoty medal/);
  });
});

describe("dates the rules depend on", () => {
  test("gold for a person is judged by the resolution's date, not the date the nomination was received", async () => {
    await signInAs("KP09_SPECIALIST");
    const id = await nomination({ requestedClass: "SILVER", receivedDate: "1996-11-04" });
    await db().nomination.update({ where: { id }, data: { status: "FORWARDED", opinionClass: "GOLD" } });
    const adopted = await step(id, "ADOPTED", { eventDate: "1997-02-12", actNumber: "LXX/700/97" });
    expect(adopted.status).toBe(422);
    expect(errorsOf(adopted)).toMatch(/Od 1997\sr\. złoty medal/);
  });

  test("a bronze medal before 1998 and Honoris Gratia before 17 September 2005 are refused, on import and in the workflow", async () => {
    await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
    const plan = await planImport(
      file(
        `CM;brazowy;;osoba;Anna;Wczesna${unique()};;K;LXXX/791/97;1997-06-25;II;;;;`,
        `HG;;;osoba;Jan;Przedwczesny${unique()};;M;;;;2004-05-12;;;`,
        `CM;brazowy;;osoba;Ewa;Wczesna${unique()};;K;CX/1101/98;1998-04-22;II;;;;`,
        `HG;;;osoba;Jan;Wczesny${unique()};;M;;;;2005-09-17;;;`,
      ),
    );
    expect(plan.rows.map((r) => r.action)).toEqual(["error", "error", "create", "create"]);
    expect(plan.rows[0]!.issues.map((i) => i.message).join(" ")).toMatch(/1998/);
    expect(plan.rows[1]!.issues.map((i) => i.message).join(" ")).toMatch(/17 września 2005\sr\..*1640\/2005/);

    const bronze = await nomination({ requestedClass: "BRONZE", receivedDate: "1997-01-10" });
    await db().nomination.update({ where: { id: bronze }, data: { status: "FORWARDED", opinionClass: "BRONZE" } });
    const adopted = await step(bronze, "ADOPTED", { eventDate: "1997-06-25", actNumber: "LXXX/792/97" });
    expect(adopted.status).toBe(422);
    expect(errorsOf(adopted)).toMatch(/1998/);

    const hg = await nomination({ honour: "HONORIS_GRATIA", requestedClass: undefined, receivedDate: "2004-01-10", caseReference: "KP-04.0012.7.2004" });
    expect((await step(hg, "VERIFIED")).status).toBe(302);
    const granted = await step(hg, "GRANTED", { eventDate: "2004-05-12", actNumber: "500/2004" });
    expect(granted.status).toBe(422);
    expect(errorsOf(granted)).toMatch(/17 września 2005\sr\./);
    expect(await db().conferral.count({ where: { nominationId: hg } })).toBe(0);
  });
});

describe("chronology", () => {
  async function forwarded(forwardedOn = "2026-02-10", receivedDate = "2026-01-05") {
    // Bronze: the term's limit of six leaves room for this file's adoptions.
    const id = await nomination({ requestedClass: "BRONZE", receivedDate });
    await step(id, "FORMALLY_COMPLETE");
    await step(id, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: "BRONZE" });
    await step(id, "DRAFT_PREPARED");
    const answer = await step(id, "FORWARDED", { eventDate: forwardedOn, actNumber: `${running++}/2026` });
    expect(answer.status, errorsOf(answer)).toBe(302);
    return id;
  }

  test("a resolution dated before the draft was forwarded, or before the nomination was received, is refused with both dates", async () => {
    await signInAs("KP09_SPECIALIST");
    const id = await forwarded("2026-02-10");
    const early = await step(id, "ADOPTED", { eventDate: "2026-02-05", actNumber: `LI/${running++}/26` });
    expect(early.status).toBe(422);
    expect(errorsOf(early)).toMatch(/5 lutego 2026\sr\..*10 lutego 2026\sr\./);
    const beforeReceived = await step(id, "ADOPTED", { eventDate: "2026-01-02", actNumber: `LI/${running++}/26` });
    expect(errorsOf(beforeReceived)).toMatch(/2 stycznia 2026\sr\..*5 stycznia 2026\sr\./);
    expect((await db().nomination.findUniqueOrThrow({ where: { id } })).status).toBe("FORWARDED");
  });

  test("a hand-over before the resolution is refused with both dates; on import a resolution after the hand-over too", async () => {
    await signInAs("KP09_SPECIALIST");
    const id = await forwarded();
    expect((await step(id, "ADOPTED", { eventDate: "2026-03-11", actNumber: `LII/${running++}/26` })).status).toBe(302);
    await db().nomination.update({ where: { id }, data: { status: "DIPLOMA_PRINTED" } });
    const early = await step(id, "HANDED_OVER", { eventDate: "2026-03-01", handoverPlace: "Sala Obrad" });
    expect(early.status).toBe(422);
    expect(errorsOf(early)).toMatch(/11 marca 2026\sr\..*1 marca 2026\sr\.|1 marca 2026\sr\..*11 marca 2026\sr\./);
    const plan = await planImport(file(`CM;srebrny;;osoba;Jan;Późny${unique()};;M;LIII/${running++}/26;2026-03-11;IX;;2026-03-01;Sala Obrad;`));
    expect(plan.rows[0]!.issues.map((i) => i.message).join(" ")).toMatch(/1 marca 2026\sr\./);
  });

  test("the ordinance number has the form <no.>/<yyyy> and the year of its date", async () => {
    await signInAs("KP09_SPECIALIST");
    const id = await nomination({ requestedClass: "SILVER", receivedDate: "2026-01-05" });
    await step(id, "FORMALLY_COMPLETE");
    await step(id, "OPINION_POSITIVE", { eventDate: "2026-02-02", opinionClass: "SILVER" });
    await step(id, "DRAFT_PREPARED");
    const junk = await step(id, "FORWARDED", { eventDate: "2026-02-10", actNumber: "abc" });
    expect(junk.status).toBe(422);
    expect(junk.data!.result.error!.actNumber!.join(" ")).toMatch(/1234\/2026/);
    const wrongYear = await step(id, "FORWARDED", { eventDate: "2026-02-10", actNumber: "12/2025" });
    expect(wrongYear.data!.result.error!.actNumber!.join(" ")).toMatch(/2025.*2026/);
    expect((await step(id, "FORWARDED", { eventDate: "2026-02-10", actNumber: "12/2026" })).status).toBe(302);
  });

  test("a session numeral going backwards within a term warns, and goes on once confirmed", async () => {
    await signInAs("KP09_SPECIALIST");
    const first = await forwarded();
    expect((await step(first, "ADOPTED", { eventDate: "2026-03-11", actNumber: `XX/${running++}/26` })).status).toBe(302);
    const second = await forwarded();
    const number = `II/${running++}/26`;
    const warned = await step(second, "ADOPTED", { eventDate: "2026-04-01", actNumber: number });
    expect(warned.status).toBe(422);
    expect(warned.data!.result.error!.confirmWarnings!.join(" ")).toMatch(
      /uchwała z sesji II z 1 kwietnia 2026\sr\., a wcześniej zapisano uchwałę nr [IVXLC]+\/\d+\/26 z sesji/,
    );
    const confirmed = await step(second, "ADOPTED", { eventDate: "2026-04-01", actNumber: number, confirmWarnings: "on" });
    expect(confirmed.status, errorsOf(confirmed)).toBe(302);
  });
});

describe("the workflow against random date orders, classes and kinds (property)", () => {
  test("forwarding and adoption are refused exactly when the rules say so, and nothing is written then", async () => {
    await signInAs("KP09_SPECIALIST");
    // This file's own database: without limits, the only refusals are the eligibility rules'.
    await db().limitRule.deleteMany();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 180 }),
        fc.integer({ min: -20, max: 40 }),
        fc.integer({ min: -20, max: 40 }),
        fc.constantFrom("GOLD" as const, "SILVER" as const, "BRONZE" as const),
        fc.constantFrom("PERSON" as const, "ORGANIZATION" as const),
        async (receivedIn, forwardAfter, actAfter, medalClass, kind) => {
          const received = addDays("2025-01-02", receivedIn);
          const forwardedOn = addDays(received, forwardAfter);
          const adoptedOn = addDays(forwardedOn, actAfter);
          const who: Fields =
            kind === "PERSON"
              ? {}
              : {
                  "candidate.candidateKind": "ORGANIZATION",
                  "candidate.organizationName": `Fundacja Losowa ${unique()}`,
                  "candidate.givenNames": undefined,
                  "candidate.surname": undefined,
                  "candidate.grammaticalGender": undefined,
                };
          const id = await nomination({ ...who, requestedClass: "SILVER", receivedDate: received });
          await db().nomination.update({ where: { id }, data: { status: "DRAFT_PREPARED", opinionClass: medalClass } });
          const goldForPerson = medalClass === "GOLD" && kind === "PERSON";

          const forwarded = await step(id, "FORWARDED", { eventDate: forwardedOn, actNumber: `${running++}/${forwardedOn.slice(0, 4)}` });
          expect(forwarded.status === 422, errorsOf(forwarded)).toBe(forwardAfter < 0 || goldForPerson);
          if (forwarded.status === 422) {
            expect((await db().nomination.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT_PREPARED");
            return;
          }
          const adopted = await step(id, "ADOPTED", { eventDate: adoptedOn, actNumber: `CXX/${running++}/${adoptedOn.slice(2, 4)}`, confirmWarnings: "on" });
          expect(adopted.status === 422, errorsOf(adopted)).toBe(actAfter < 0);
          if (actAfter < 0) expect(errorsOf(adopted)).toContain(formatPolishDate(forwardedOn));
          expect(await db().conferral.count({ where: { nominationId: id } })).toBe(actAfter < 0 ? 0 : 1);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe("the public page says only what the register holds", () => {
  test("handed over (date and place), not yet handed over (an app conferral waiting), or no data (imported history)", async () => {
    const { loader } = await import("#app/routes/rejestr.$publicId");
    const { callLoader } = await import("./helpers");
    const candidate = await db().candidate.create({
      data: {
        kind: "PERSON",
        givenNames: "Jan",
        surname: `Dawny${unique()}`,
        displayName: "Jan Dawny",
        sortName: "dawny jan",
        foldedName: `dawny ${unique()}`,
      },
    });
    const historical = await db().conferral.create({
      data: {
        publicId: `old-${unique()}`,
        candidateId: candidate.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "SILVER",
        conferredOn: "1993-05-12",
        isHistorical: true,
      },
    });
    const page = async (publicId: string) =>
      (await callLoader<{ handover: { kind: string; text: string } }>(loader, `/rejestr/${publicId}`, { publicId })).data!.handover;
    expect(await page(historical.publicId)).toEqual({ kind: "unknown", text: "brak danych o wręczeniu" });

    await signInAs("KP09_SPECIALIST");
    const id = await nomination({ requestedClass: "SILVER", receivedDate: "2026-01-05" });
    await db().nomination.update({ where: { id }, data: { status: "FORWARDED", opinionClass: "SILVER" } });
    expect((await step(id, "ADOPTED", { eventDate: "2026-03-11", actNumber: `LIV/${running++}/26`, confirmWarnings: "on" })).status).toBe(302);
    const made = await db().conferral.findUniqueOrThrow({ where: { nominationId: id } });
    expect(await page(made.publicId)).toEqual({ kind: "waiting", text: "jeszcze nie wręczono" });
    await db().conferral.update({ where: { id: made.id }, data: { handedOverOn: "2026-06-05", handoverPlace: "Sala Obrad Rady Miasta Krakowa" } });
    expect(await page(made.publicId)).toEqual({ kind: "handed-over", text: "5 czerwca 2026\u00a0r., Sala Obrad Rady Miasta Krakowa" });
  });
});

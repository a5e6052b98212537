// Issue 15, item 9: KP-04 (Honoris Gratia only) could edit and confirm the name forms of a medal
// candidate, and a step page handed the whole nomination (birth data, nominators and their
// contacts, merits, attachments) to a role without nomination:read.
import { beforeAll, expect, test } from "vitest";
import { action as editCandidate, loader as candidateEditForm } from "#app/routes/candidates.$id.edit";
import { action as createNomination } from "#app/routes/nominations.new";
import { loader as stepForm } from "#app/routes/nominations.$id.step.$to";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "#tests/integration/helpers";

let cm: string;
let cmCandidate: string;

beforeAll(async () => {
  await signInAs("KP09_SPECIALIST");
  const created = await callAction(
    createNomination,
    "/nominations/new",
    personNomination({ "candidate.surname": "Medalowa", "nominators[0].contact": "tajny.kontakt@example.pl" }),
  );
  cm = created.location!.split("/").pop()!;
  cmCandidate = (await db().nomination.findUniqueOrThrow({ where: { id: cm } })).candidateId;
});

test("KP-04 may neither open nor save the edit form of a medal candidate, and the name forms stay", async () => {
  await signInAs("KP04_CLERK");
  const before = await db().candidate.findUniqueOrThrow({ where: { id: cmCandidate } });
  expect((await callLoader(candidateEditForm, `/candidates/${cmCandidate}/edit`, { id: cmCandidate })).status).toBe(403);
  const answer = await callAction(
    editCandidate,
    `/candidates/${cmCandidate}/edit`,
    {
      version: String(before.version),
      "candidate.candidateKind": "PERSON",
      "candidate.givenNames": "Bolesław",
      "candidate.surname": "Podmieniony",
      "candidate.grammaticalGender": "MASCULINE",
      nameNominative: "Bolesław Podmieniony",
      nameGenitive: "Bolesława Podmienionego",
      nameDative: "Bolesławowi Podmienionemu",
      confirmNameForms: "on",
    },
    { id: cmCandidate },
  );
  expect(answer.status).toBe(403);
  expect(await db().candidate.findUniqueOrThrow({ where: { id: cmCandidate } })).toEqual(before);
});

test("the printing room's step page carries only what the step's form shows", async () => {
  // The state from which the printing room's step opens (set directly: the workflow is not under test here).
  await db().nomination.update({ where: { id: cm }, data: { status: "NUMBER_ASSIGNED" } });
  await signInAs("PRINTING");
  // „Dyplom wydrukowany” follows a recorded print (issue 16), so its step page only refuses: without the nomination's data.
  const page = await callLoader<{ nomination: Record<string, unknown> }>(stepForm, `/nominations/${cm}/step/DIPLOMA_PRINTED`, {
    id: cm,
    to: "DIPLOMA_PRINTED",
  });
  expect(page.status).toBe(409);
  const text = JSON.stringify(page.data);
  for (const secret of ["tajny.kontakt@example.pl", "Zasługi dla miasta.", "pismo.pdf", "1950", "Towarzystwo Przyjaciół Sztuk Pięknych"])
    expect(text).not.toContain(secret);
});

test("a role that may not take a step gets 403 from its page", async () => {
  await signInAs("READER");
  expect((await callLoader(stepForm, `/nominations/${cm}/step/WITHDRAWN`, { id: cm, to: "WITHDRAWN" })).status).toBe(403);
});

import { beforeAll, describe, expect, test } from "vitest";
import { action as editCandidate, loader as candidateLoader } from "#app/routes/candidates.$id.edit";
import { loader as listLoader } from "#app/routes/nominations._index";
import { action as createAction } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

async function candidateWithNomination(surname: string) {
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.surname": surname }));
  const nomination = await db().nomination.findUniqueOrThrow({ where: { id: answer.location!.split("/").pop()! } });
  return nomination.candidateId;
}

function candidateFields(version: number, overrides: Record<string, string> = {}) {
  return {
    version: String(version),
    "candidate.candidateKind": "PERSON",
    "candidate.givenNames": "Bolesław",
    "candidate.surname": "Żółkiewski",
    "candidate.grammaticalGender": "MASCULINE",
    "candidate.birthYear": "1950",
    nameNominative: "Bolesław Żółkiewski",
    nameGenitive: "Bolesława Żółkiewskiego",
    nameDative: "Bolesławowi Żółkiewskiemu",
    ...overrides,
  };
}

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("candidates", () => {
  test("the candidate page lists every nomination of the candidate", async () => {
    const id = await candidateWithNomination("Wielokrotny");
    await callAction(createAction, "/nominations/new", personNomination({ candidateId: id, honour: "HONORIS_GRATIA", requestedClass: undefined }));
    const { data } = await callLoader<{ candidate: { nominations: { honour: string }[] } }>(candidateLoader, `/candidates/${id}/edit`, { id });
    expect(data!.candidate.nominations.map((n) => n.honour).sort()).toEqual(["CRACOVIAE_MERENTI", "HONORIS_GRATIA"]);
  });

  test("renaming a candidate updates the register's search", async () => {
    const id = await candidateWithNomination("Przedzmianą");
    const answer = await callAction(editCandidate, `/candidates/${id}/edit`, candidateFields(1, { "candidate.surname": "Pozmianie-Łęcka" }), { id });
    expect(answer.status).toBe(302);
    const found = await callLoader<{ total: number }>(listLoader, "/nominations?q=pozmianie-lecka");
    expect(found.data!.total).toBe(1);
    expect((await callLoader<{ total: number }>(listLoader, "/nominations?q=przedzmiana")).data!.total).toBe(0);
  });

  test("confirming name forms needs all three; a later change of a form drops the confirmation", async () => {
    const id = await candidateWithNomination("Formowy");
    const missing = await callAction<{ result: { error: Record<string, string[]> } }>(
      editCandidate,
      `/candidates/${id}/edit`,
      candidateFields(1, { nameDative: "", confirmNameForms: "on" }),
      { id },
    );
    expect(missing.status).toBe(400);
    expect(missing.data!.result.error.nameDative).toEqual(["Uzupełnij tę formę przed potwierdzeniem."]);

    expect((await callAction(editCandidate, `/candidates/${id}/edit`, candidateFields(1, { confirmNameForms: "on" }), { id })).status).toBe(302);
    expect((await db().candidate.findUniqueOrThrow({ where: { id } })).nameFormsConfirmedAt).not.toBeNull();

    await callAction(editCandidate, `/candidates/${id}/edit`, candidateFields(2, { nameDative: "Bolesławowi Żółkiewskiemu-Nowemu" }), { id });
    const after = await db().candidate.findUniqueOrThrow({ where: { id } });
    expect(after.nameDative).toBe("Bolesławowi Żółkiewskiemu-Nowemu");
    expect(after.nameFormsConfirmedAt).toBeNull();
  });

  test("a stale candidate form is refused and changes nothing", async () => {
    const id = await candidateWithNomination("Stary");
    await callAction(editCandidate, `/candidates/${id}/edit`, candidateFields(1, { "candidate.city": "Wieliczka" }), { id });
    const stale = await callAction(editCandidate, `/candidates/${id}/edit`, candidateFields(1, { "candidate.city": "Tarnów" }), { id });
    expect(stale.status).toBe(409);
    expect((await db().candidate.findUniqueOrThrow({ where: { id } })).city).toBe("Wieliczka");
  });
});

import { beforeAll, describe, expect, test } from "vitest";
import { action as editAction, loader as editLoader } from "#app/routes/nominations.$id.edit";
import { action as createAction } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

async function newNomination(surname: string) {
  const answer = await callAction(createAction, "/nominations/new", personNomination({ "candidate.surname": surname }));
  return answer.location!.split("/").pop()!;
}

function editFields(version: number, overrides: Record<string, string> = {}) {
  return {
    version: String(version),
    honour: "CRACOVIAE_MERENTI",
    requestedClass: "SILVER",
    receivedDate: "2025-03-10",
    caseReference: "KP-09.0012.1.2025",
    merits: "Zasługi dla miasta.",
    attachments: "pismo.pdf\nżyciorys.pdf",
    "nominators[0].kind": "ORGANIZATION",
    "nominators[0].name": "Towarzystwo Przyjaciół Sztuk Pięknych",
    ...overrides,
  };
}

type ConflictReply = {
  result: { error?: Record<string, string[]> };
  conflict: { currentVersion: number; changes: { label: string; saved: string; yours: string }[] } | null;
};

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("editing a nomination", () => {
  test("saves, bumps the version and audits the changed fields only", async () => {
    const id = await newNomination("Edytowany");
    const answer = await callAction(editAction, `/nominations/${id}/edit`, editFields(1, { merits: "Nowy opis zasług", requestedClass: "BRONZE" }), { id });
    expect(answer.status).toBe(302);
    const saved = await db().nomination.findUniqueOrThrow({ where: { id } });
    expect(saved.version).toBe(2);
    expect(saved.merits).toBe("Nowy opis zasług");
    expect(saved.requestedClass).toBe("BRONZE");
    const update = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(JSON.parse(update.before!)).toEqual({ requestedClass: "SILVER", merits: "Zasługi dla miasta." });
    expect(JSON.parse(update.after!)).toEqual({ requestedClass: "BRONZE", merits: "Nowy opis zasług" });
  });

  test("the second of two concurrent editors is refused with what changed, and nothing is overwritten", async () => {
    const id = await newNomination("Współedytowany");
    const { data } = await callLoader<{ nomination: { version: number } }>(editLoader, `/nominations/${id}/edit`, { id });
    const seenVersion = data!.nomination.version;

    const first = await callAction(editAction, `/nominations/${id}/edit`, editFields(seenVersion, { caseReference: "KP-09.0012.99.2025" }), { id });
    expect(first.status).toBe(302);
    const second = await callAction<ConflictReply>(editAction, `/nominations/${id}/edit`, editFields(seenVersion, { merits: "Moja wersja" }), { id });
    expect(second.status).toBe(409);
    const changes = second.data!.conflict!.changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { label: "znak sprawy", saved: "KP-09.0012.99.2025", yours: "KP-09.0012.1.2025" },
        { label: "opis zasług", saved: "Zasługi dla miasta.", yours: "Moja wersja" },
      ]),
    );
    const saved = await db().nomination.findUniqueOrThrow({ where: { id } });
    expect(saved.caseReference).toBe("KP-09.0012.99.2025");
    expect(saved.merits).toBe("Zasługi dla miasta.");
    expect(saved.version).toBe(2);
  });

  test("invalid edits are refused in Polish and change nothing", async () => {
    const id = await newNomination("Nieedytowalny");
    const answer = await callAction<ConflictReply>(
      editAction,
      `/nominations/${id}/edit`,
      editFields(1, { honour: "HONORIS_GRATIA", "nominators[0].name": "", receivedDate: "2999-01-01" }),
      { id },
    );
    expect(answer.status).toBe(400);
    const error = answer.data!.result.error!;
    expect(error.requestedClass).toEqual(["Klasę wybiera się tylko dla Medalu „Cracoviae Merenti”."]);
    expect(error["nominators[0].name"]).toEqual(["Podaj wnioskodawcę."]);
    expect(error.receivedDate).toEqual(["Data wpływu nie może być z przyszłości."]);
    const saved = await db().nomination.findUniqueOrThrow({ where: { id } });
    expect(saved.honour).toBe("CRACOVIAE_MERENTI");
    expect(saved.version).toBe(1);
  });

  test("an unknown nomination is a 404", async () => {
    const answer = await callLoader(editLoader, "/nominations/nope/edit", { id: "nope" });
    expect(answer.status).toBe(404);
  });
});

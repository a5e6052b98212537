import { beforeAll, describe, expect, test } from "vitest";
import { action } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, personNomination, type Fields, signInAs } from "./helpers";

type Reply = {
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  duplicates: { id: string; displayName: string }[] | null;
};

const create = (fields: Fields) => callAction<Reply>(action, "/nominations/new", fields);

let actor: { userId: string };
beforeAll(async () => {
  actor = await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("creating a nomination", () => {
  test("saves the candidate, nominators, attachments and an audit event, then redirects", async () => {
    const answer = await create(personNomination({ "candidate.surname": "Kościuszko-Żmuda" }));
    expect(answer.status).toBe(302);
    const id = answer.location!.split("/").pop()!;
    const saved = await db().nomination.findUniqueOrThrow({
      where: { id },
      include: { candidate: true, nominators: true, attachments: true, councilTerm: true },
    });
    expect(saved.status).toBe("RECEIVED");
    expect(saved.candidate.displayName).toBe("Bolesław Kościuszko-Żmuda");
    expect(saved.candidate.foldedName).toBe("boleslaw kosciuszko-zmuda");
    // Name forms are suggested, not confirmed: documents wait for a person to check them.
    expect(saved.candidate).toMatchObject({
      nameGenitive: "Bolesława Kościuszki-Żmudy",
      nameDative: "Bolesławowi Kościuszce-Żmudzie",
      nameFormsConfirmedAt: null,
    });
    expect(saved.searchText).toContain("towarzystwo przyjaciol sztuk pieknych");
    expect(saved.councilTerm?.number).toBe(9);
    expect(saved.attachments.map((a) => a.name).sort()).toEqual(["pismo.pdf", "życiorys.pdf"]);
    const audit = await db().auditEvent.findMany({ where: { entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("CREATE");
    expect(audit[0]!.userId).toBe(actor.userId);
    expect(JSON.parse(audit[0]!.after!).receivedDate).toBe("2025-03-10");
  });

  test("bad input answers 400 with Polish errors by field and keeps what was typed", async () => {
    const before = await db().nomination.count();
    const answer = await create(
      personNomination({ "candidate.surname": "", requestedClass: undefined, receivedDate: "2025-02-30", merits: "Mój opis zasług" }),
    );
    expect(answer.status).toBe(400);
    const { error, initialValue } = answer.data!.result;
    expect(error?.["candidate.surname"]).toEqual(["Podaj nazwisko kandydata."]);
    expect(error?.requestedClass).toEqual(["Wybierz klasę medalu."]);
    expect(error?.receivedDate?.[0]).toMatch(/Taka data nie istnieje/);
    expect(initialValue?.merits).toBe("Mój opis zasług");
    expect((initialValue?.candidate as Record<string, string>).givenNames).toBe("Bolesław");
    expect(await db().nomination.count()).toBe(before);
  });

  test("a double-clicked submit (same form token, even concurrently) creates one nomination", async () => {
    const fields = personNomination({ "candidate.surname": "Podwójny", "candidate.birthYear": "1971" });
    const answers = await Promise.all([create(fields), create(fields), create(fields)]);
    const locations = new Set(answers.map((a) => a.location));
    expect(answers.every((a) => a.status === 302)).toBe(true);
    expect(locations.size).toBe(1);
    expect(await db().nomination.count({ where: { candidate: { surname: "Podwójny" } } })).toBe(1);
    expect(await db().candidate.count({ where: { surname: "Podwójny" } })).toBe(1);
  });

  test("a candidate that looks like an existing one is offered instead of a duplicate", async () => {
    const first = await create(personNomination({ "candidate.surname": "Rajčić", "candidate.givenNames": "Dragan", "candidate.birthYear": "1961" }));
    expect(first.status).toBe(302);
    const existing = await db().candidate.findFirstOrThrow({ where: { surname: "Rajčić" } });

    // Same name without diacritics and in another case, same birth year: the existing one is offered.
    const probe = personNomination({
      "candidate.surname": "RAJCIC",
      "candidate.givenNames": "dragan",
      "candidate.birthYear": "1961",
      honour: "HONORIS_GRATIA",
      requestedClass: undefined,
    });
    const offered = await create(probe);
    expect(offered.status).toBe(409);
    expect(offered.data!.duplicates!.map((d) => d.id)).toEqual([existing.id]);
    expect(await db().candidate.count({ where: { foldedName: "dragan rajcic" } })).toBe(1);

    // Choosing the existing candidate links the new nomination to it.
    const chosen = await create({ ...probe, duplicateChoice: existing.id });
    expect(chosen.status).toBe(302);
    expect(await db().nomination.count({ where: { candidateId: existing.id } })).toBe(2);
    expect(await db().candidate.count({ where: { foldedName: "dragan rajcic" } })).toBe(1);
  });

  test("a different birth year is not a duplicate, and 'a different person' creates a new candidate", async () => {
    await create(
      personNomination({
        "candidate.surname": "Nowak",
        "candidate.givenNames": "Anna",
        "candidate.birthYear": "1950",
        "candidate.grammaticalGender": "FEMININE",
      }),
    );
    const otherYear = await create(
      personNomination({
        "candidate.surname": "Nowak",
        "candidate.givenNames": "Anna",
        "candidate.birthYear": "1980",
        "candidate.grammaticalGender": "FEMININE",
      }),
    );
    expect(otherYear.status).toBe(302);
    const sameYear = personNomination({
      "candidate.surname": "Nowak",
      "candidate.givenNames": "Anna",
      "candidate.birthYear": "1950",
      "candidate.grammaticalGender": "FEMININE",
    });
    expect((await create(sameYear)).status).toBe(409);
    expect((await create({ ...sameYear, duplicateChoice: "new" })).status).toBe(302);
    expect(await db().candidate.count({ where: { foldedName: "anna nowak" } })).toBe(3);
  });

  test("a write that fails half-way leaves the database as it was", async () => {
    const count = async () => ({
      candidates: await db().candidate.count(),
      nominations: await db().nomination.count(),
      nominators: await db().nominator.count(),
      audit: await db().auditEvent.count(),
    });
    const before = await count();
    // The last write of the transaction (the nomination's audit event) fails after the
    // candidate, its audit event, the nomination, nominators and attachments were written.
    await db().$executeRawUnsafe(
      `CREATE TRIGGER fail_audit BEFORE INSERT ON "AuditEvent" WHEN NEW.entityType = 'Nomination' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;`,
    );
    try {
      await expect(create(personNomination({ "candidate.surname": "Niezapisany" }))).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_audit`);
    }
    expect(await count()).toEqual(before);
  });
});

// The list pages keep a search's result until the next commit (app/utils/read-cache.server.ts):
// a write of this process, and one of another process's connection, shows on the very next
// request of the same page.
import { createClient } from "@libsql/client";
import { beforeAll, describe, expect, test } from "vitest";
import { displayNameOf, foldedNameOf, sortNameOf } from "#app/domain/candidate";
import { action as createNomination } from "#app/routes/nominations.new";
import { loader as nominationList } from "#app/routes/nominations._index";
import { loader as registryList } from "#app/routes/rejestr._index";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

type NominationList = { total: number; rows: { candidate: { id: string; displayName: string } }[] };
type RegistryList = { total: number; rows: { name: string }[] };
const nominations = async (qs: string) => (await callLoader<NominationList>(nominationList, `/nominations${qs}`)).data!;
const registry = async (qs: string) => (await callLoader<RegistryList>(registryList, `/rejestr${qs}`)).data!;

/** A write through a connection of its own, as another process (the import, a retention run) makes it. */
async function writeElsewhere(sql: string, args: string[]) {
  const other = createClient({ url: process.env.DATABASE_URL! });
  try {
    await other.execute({ sql, args });
  } finally {
    other.close();
  }
}

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

describe("a kept search result is forgotten on every commit", () => {
  test("the nominations list: a nomination registered here, then a name changed by another process", async () => {
    expect((await nominations("?q=pamieciowa")).total).toBe(0);
    const created = await callAction(
      createNomination,
      "/nominations/new",
      personNomination({ "candidate.givenNames": "Iga", "candidate.surname": "Pamięciowa", receivedDate: "2024-03-04" }),
    );
    expect(created.status).toBe(302);
    const page = await nominations("?q=pamieciowa");
    expect(page.rows.map((r) => r.candidate.displayName)).toEqual(["Iga Pamięciowa"]);
    expect(await nominations("?q=pamieciowa")).toEqual(page);

    await writeElsewhere(`UPDATE "Candidate" SET "displayName" = ? WHERE "id" = ?`, ["Iga Pamięciowa-Nowa", page.rows[0]!.candidate.id]);
    expect((await nominations("?q=pamieciowa")).rows.map((r) => r.candidate.displayName)).toEqual(["Iga Pamięciowa-Nowa"]);
  });

  test("the public registry: a conferral added here, then a name changed by another process", async () => {
    expect((await registry("?q=pamieciowy")).total).toBe(0);
    const names = { kind: "PERSON" as const, givenNames: "Jan", surname: "Pamięciowy", organizationName: "" };
    const candidate = await db().candidate.create({
      data: {
        kind: "PERSON",
        givenNames: names.givenNames,
        surname: names.surname,
        nameNominative: "Jan Pamięciowy",
        displayName: displayNameOf(names),
        sortName: sortNameOf(names),
        foldedName: foldedNameOf(names),
      },
    });
    await db().conferral.create({
      data: {
        publicId: "pubPamiec1",
        candidateId: candidate.id,
        honour: "CRACOVIAE_MERENTI",
        medalClass: "BRONZE",
        numberSeries: "CM_BRONZE",
        number: 901,
        conferredOn: "2001-02-03",
        isHistorical: true,
      },
    });
    expect((await registry("?q=pamieciowy")).rows.map((r) => r.name)).toEqual(["Jan Pamięciowy"]);

    await writeElsewhere(`UPDATE "Candidate" SET "displayName" = ? WHERE "id" = ?`, ["Jan Pamięciowy-Nowy", candidate.id]);
    expect((await registry("?q=pamieciowy")).rows.map((r) => r.name)).toEqual(["Jan Pamięciowy-Nowy"]);

    await writeElsewhere(`DELETE FROM "Conferral" WHERE "publicId" = ?`, ["pubPamiec1"]);
    expect((await registry("?q=pamieciowy")).total).toBe(0);
  });
});

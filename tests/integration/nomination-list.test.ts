import { beforeAll, describe, expect, test } from "vitest";
import { loader } from "#app/routes/nominations._index";
import { action as createAction } from "#app/routes/nominations.new";
import { callAction, callLoader, personNomination, signInAs } from "./helpers";

type ListData = { total: number; rows: { candidate: { displayName: string }; honour: string; receivedDate: string }[] };
const list = async (qs: string) => (await callLoader<ListData>(loader, `/nominations${qs}`)).data!;

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK"]);
});

beforeAll(async () => {
  const people = [
    ["Stanisław", "Żółkiewski", "CRACOVIAE_MERENTI", "2019-05-06"],
    ["Dragan", "Rajčić", "HONORARY_CITIZENSHIP", "2021-01-15"],
    ["Łucja", "Ćwiklińska", "HONORIS_GRATIA", "2024-06-01"],
  ] as const;
  for (const [given, surname, honour, date] of people) {
    const answer = await callAction(
      createAction,
      "/nominations/new",
      personNomination({
        "candidate.givenNames": given,
        "candidate.surname": surname,
        honour,
        requestedClass: honour === "CRACOVIAE_MERENTI" ? "BRONZE" : undefined,
        receivedDate: date,
        "nominators[0].name": `Wnioskodawca dla ${surname}`,
      }),
    );
    expect(answer.status).toBe(302);
  }
  for (let i = 0; i < 27; i++) {
    await callAction(
      createAction,
      "/nominations/new",
      personNomination({
        "candidate.surname": `Testowy${String(i).padStart(2, "0")}`,
        honour: "HONORIS_GRATIA",
        requestedClass: undefined,
        receivedDate: "2023-02-01",
      }),
    );
  }
});

describe("the nominations register", () => {
  test("search ignores case and Polish and other diacritics", async () => {
    expect((await list("?q=zolkiewski")).rows.map((r) => r.candidate.displayName)).toEqual(["Stanisław Żółkiewski"]);
    expect((await list("?q=RAJCIC")).rows.map((r) => r.candidate.displayName)).toEqual(["Dragan Rajčić"]);
    expect((await list("?q=lucja%20cwiklinska")).total).toBe(1);
    expect((await list("?q=%C5%BC%C3%B3%C5%82kiew")).total).toBe(1); // "żółkiew" typed with diacritics
  });

  test("common and rare terms give the same answers through either search path", async () => {
    // "testowy" matches 27 of 30 rows (walked through the sort index), "rajcic" one (read
    // through the trigram index); both must count and page exactly.
    const common = await list("?q=testowy&sort=name-asc");
    expect(common.total).toBe(27);
    expect(common.rows[0]!.candidate.displayName).toBe("Bolesław Testowy00");
    expect((await list("?q=testowy&sort=name-asc&page=2")).rows.map((r) => r.candidate.displayName)).toEqual(["Bolesław Testowy25", "Bolesław Testowy26"]);
    expect((await list("?q=testowy&year=2023&honour=HONORIS_GRATIA")).total).toBe(27);
    expect((await list("?q=rajcic&honour=HONORARY_CITIZENSHIP&year=2021")).total).toBe(1);
    expect((await list("?q=rajcic&honour=HONORIS_GRATIA")).total).toBe(0);
    expect((await list("?q=zo")).total).toBe(1); // two letters: the plain scan
  });

  test("search finds nominators too", async () => {
    expect((await list("?q=wnioskodawca%20dla%20rajcic")).rows.map((r) => r.candidate.displayName)).toEqual(["Dragan Rajčić"]);
  });

  test("filters by honour, class, council term and year", async () => {
    expect((await list("?honour=HONORARY_CITIZENSHIP")).total).toBe(1);
    expect((await list("?medalClass=BRONZE")).rows.map((r) => r.candidate.displayName)).toEqual(["Stanisław Żółkiewski"]);
    expect((await list("?term=8&honour=CRACOVIAE_MERENTI")).total).toBe(1);
    expect((await list("?term=9")).rows.map((r) => r.candidate.displayName)).toEqual(["Łucja Ćwiklińska"]);
    expect((await list("?year=2023")).total).toBe(27);
    expect((await list("?status=RECEIVED&honour=HONORIS_GRATIA")).total).toBe(28);
  });

  test("sorts by name (surname first) and by date, and pages 25 at a time", async () => {
    const byName = await list("?sort=name-asc&honour=HONORIS_GRATIA");
    expect(byName.rows[0]!.candidate.displayName).toBe("Łucja Ćwiklińska");
    expect(byName.rows[1]!.candidate.displayName).toBe("Bolesław Testowy00");
    const newest = await list("?sort=received-desc");
    expect(newest.rows[0]!.receivedDate).toBe("2024-06-01");
    const oldest = await list("?sort=received-asc");
    expect(oldest.rows[0]!.receivedDate).toBe("2019-05-06");
    expect(newest.total).toBe(30);
    expect(newest.rows).toHaveLength(25);
    expect((await list("?page=2")).rows).toHaveLength(5);
    expect((await list("?page=9")).rows).toHaveLength(0);
  });

  test("any search text or broken parameter gives a page, never an error", async () => {
    for (const qs of ["?q=%25%25%25", "?q=_", "?q=%27%3B%20DROP%20TABLE", `?q=${"x".repeat(500)}`, "?honour=NOPE&page=-1&year=abc&term=999&sort=zzz"]) {
      const answer = await callLoader<ListData>(loader, `/nominations${qs}`);
      expect(answer.status).toBe(200);
    }
    expect((await list("?q=%25")).total).toBe(30);
  });
});

// Issue 15, item 11: a page number past what a number can hold gave a 500 on three lists;
// control characters, NUL, line breaks and direction overrides (U+202E) went into names,
// ceremony titles and printer names; an Honoris Gratia birth year of 99999 was accepted.
import { beforeAll, describe, expect, test } from "vitest";
import { CeremonyForm } from "#app/domain/ceremony";
import { NewPrinterForm } from "#app/domain/diploma-print";
import { LaureateInput } from "#app/domain/honoris-gratia";
import { CandidateInput } from "#app/domain/nomination-form";
import { loader as ceremonies } from "#app/routes/ceremonies._index";
import { loader as diplomas } from "#app/routes/diplomas._index";
import { loader as refusals } from "#app/routes/hg.refusals";
import { action as createNomination } from "#app/routes/nominations.new";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, personNomination, signInAs } from "#tests/integration/helpers";

beforeAll(async () => {
  await signInAs(["KP09_SPECIALIST", "KP04_CLERK", "ADMIN"]);
});

describe("a page number too large for any list", () => {
  test.each([
    ["/ceremonies", ceremonies],
    ["/hg/refusals", refusals],
    ["/diplomas", diplomas],
  ] as const)("%s?page=999999999999999999999 shows the first page, not a 500", async (path, loader) => {
    for (const page of ["999999999999999999999", "1e400", "-1", "abc"]) {
      expect((await callLoader(loader, `${path}?page=${page}`)).status).toBe(200);
    }
  });
});

const HOSTILE = [
  ["NUL", "Jan\u0000"],
  ["escape", "Jan\u001b[31m"],
  ["CR/LF", "Jan\r\nKowalski"],
  ["U+202E", "Jan\u202eikswolwoK"],
  ["U+2066", "\u2066Jan"],
] as const;

describe("control and direction characters in names, titles and printer names", () => {
  const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.error?.issues ?? []).map((i) => i.message).join(" ");

  test.each(HOSTILE)("%s is refused with a Polish message", (_what, text) => {
    const person = { candidateKind: "PERSON", givenNames: "Jan", surname: text, grammaticalGender: "MASCULINE" };
    const results = [
      CandidateInput.safeParse(person),
      CandidateInput.safeParse({ candidateKind: "ORGANIZATION", organizationName: text }),
      LaureateInput.safeParse({ kind: "PERSON", givenNames: text, surname: "Nowak", grammaticalGender: "MASCULINE" }),
      CeremonyForm.safeParse({ kind: "GALA", title: text, date: "2027-05-10", startTime: "12:00", endTime: "13:00" }),
      NewPrinterForm.safeParse({ name: text, offsetXMm: "0", offsetYMm: "0" }),
    ];
    for (const r of results) {
      expect(r.success).toBe(false);
      expect(messages(r)).toMatch(/Usuń z tekstu|Wpisz tekst w jednym wierszu/);
    }
  });

  test("a nomination whose candidate's name carries U+202E is refused and nothing is written", async () => {
    const before = await db().candidate.count();
    const answer = await callAction(createNomination, "/nominations/new", personNomination({ "candidate.surname": "Nowak\u202eikswolwoK" }));
    expect(answer.status).toBe(400);
    expect(await db().candidate.count()).toBe(before);
  });

  test("Polish names, quotes and dashes still pass", () => {
    expect(
      CandidateInput.safeParse({ candidateKind: "PERSON", givenNames: "Zofia Łucja", surname: "Żółkiewska-Ćwik", grammaticalGender: "FEMININE" }).success,
    ).toBe(true);
    expect(CandidateInput.safeParse({ candidateKind: "ORGANIZATION", organizationName: "Chór „Wawel” – Kraków" }).success).toBe(true);
  });
});

describe("Honoris Gratia birth year", () => {
  test.each(["99999", "3000"])("%s is refused", (year) => {
    const r = LaureateInput.safeParse({ kind: "PERSON", givenNames: "Jan", surname: "Nowak", grammaticalGender: "MASCULINE", birthYear: year });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain("Rok urodzenia nie może być z przyszłości.");
  });
});

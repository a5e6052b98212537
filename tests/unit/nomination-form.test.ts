import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { HONOURS } from "#app/domain/honours";
import { attachmentNames, createNominationSchema, EditCandidateSchema, editNominationSchema } from "#app/domain/nomination-form";
import { todayIso } from "#app/domain/polish-dates";

const TODAY = "2024-06-01";
const createSchema = createNominationSchema(TODAY);
const editSchema = editNominationSchema(TODAY);

const PERSON = { candidateKind: "PERSON", givenNames: "Stanisław", surname: "Żółkiewski", grammaticalGender: "MASCULINE" };
const ORGANISATION = { candidateKind: "ORGANIZATION", organizationName: "Zamek Królewski na Wawelu" };

/** A complete, valid creation form as plain data; each test spoils one thing. */
const validCreate = (over: Record<string, unknown> = {}) => ({
  honour: "HONORIS_GRATIA",
  receivedDate: "2024-05-20",
  creationToken: "token-12345678",
  nominators: [{ kind: "PERSON", name: "Jan Kowalski" }],
  candidate: PERSON,
  ...over,
});
const validEdit = (over: Record<string, unknown> = {}) => ({
  honour: "HONORIS_GRATIA",
  receivedDate: "2024-05-20",
  nominators: [{ kind: "PERSON", name: "Jan Kowalski" }],
  version: 1,
  ...over,
});

type Issue = { path: string; message: string };
function issuesOf(result: { success: boolean; error?: z.ZodError }): Issue[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
function messagesAt(result: { success: boolean; error?: z.ZodError }, path: string): string[] {
  return issuesOf(result)
    .filter((i) => i.path === path)
    .map((i) => i.message);
}

const GENDER_MESSAGE = "Wybierz rodzaj gramatyczny (potrzebny do form „Pan/Pani”, „Jego/Jej”).";
const BAD_DATE = "Taka data nie istnieje (oczekiwany format RRRR-MM-DD).";
const ONLY_CM_HAS_CLASS = "Klasę wybiera się tylko dla Medalu „Cracoviae Merenti”.";

describe("createNominationSchema: a valid form", () => {
  it("parses a new person and fills the optional texts with empty strings", () => {
    const r = createSchema.safeParse(validCreate({ merits: "  Zasługi  " }));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data).toMatchObject({
      honour: "HONORIS_GRATIA",
      receivedDate: "2024-05-20",
      caseReference: "",
      merits: "Zasługi",
      attachments: "",
      candidateId: undefined,
      confirmNewCandidate: false,
      nominators: [{ kind: "PERSON", name: "Jan Kowalski", contact: "" }],
    });
    expect(r.data.candidate).toMatchObject({ candidateKind: "PERSON", givenNames: "Stanisław", surname: "Żółkiewski", deceased: false });
  });

  it("accepts a nomination received today", () => {
    expect(createSchema.safeParse(validCreate({ receivedDate: TODAY })).success).toBe(true);
  });

  it("defaults the nominator's kind to a person", () => {
    const r = createSchema.safeParse(validCreate({ nominators: [{ name: "Rada Dzielnicy I" }] }));
    expect(r.success && r.data.nominators[0]?.kind).toBe("PERSON");
  });

  it("trims the organisation's name", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...ORGANISATION, organizationName: "  Teatr Stary  " } }));
    expect(r.success && r.data.candidate?.organizationName).toBe("Teatr Stary");
  });
});

describe("createNominationSchema: the candidate", () => {
  it.each([
    ["surname", { ...PERSON, surname: undefined }, "candidate.surname", "Podaj nazwisko kandydata."],
    ["blank surname", { ...PERSON, surname: "   " }, "candidate.surname", "Podaj nazwisko kandydata."],
    ["given names", { ...PERSON, givenNames: undefined }, "candidate.givenNames", "Podaj imiona kandydata."],
    ["blank given names", { ...PERSON, givenNames: " \t" }, "candidate.givenNames", "Podaj imiona kandydata."],
    ["grammatical gender", { ...PERSON, grammaticalGender: undefined }, "candidate.grammaticalGender", GENDER_MESSAGE],
  ])("a person without %s is refused with the Polish message", (_what, candidate, path, message) => {
    const r = createSchema.safeParse(validCreate({ candidate }));
    expect(messagesAt(r, path)).toEqual([message]);
  });

  it("reports all three missing person fields at once", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { candidateKind: "PERSON" } }));
    expect(issuesOf(r)).toEqual(
      expect.arrayContaining([
        { path: "candidate.givenNames", message: "Podaj imiona kandydata." },
        { path: "candidate.surname", message: "Podaj nazwisko kandydata." },
        { path: "candidate.grammaticalGender", message: GENDER_MESSAGE },
      ]),
    );
  });

  it("refuses an unknown grammatical gender", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, grammaticalGender: "NEUTER" } }));
    expect(messagesAt(r, "candidate.grammaticalGender")).toEqual(["Wybierz rodzaj gramatyczny."]);
  });

  it.each([[{ ...ORGANISATION, organizationName: undefined }], [{ ...ORGANISATION, organizationName: "" }], [{ ...ORGANISATION, organizationName: "    " }]])(
    "an organisation requires its name (%o)",
    (candidate) => {
      const r = createSchema.safeParse(validCreate({ candidate }));
      expect(messagesAt(r, "candidate.organizationName")).toEqual(["Podaj pełną nazwę instytucji."]);
    },
  );

  it("an organisation needs neither names nor a grammatical gender", () => {
    const r = createSchema.safeParse(validCreate({ candidate: ORGANISATION }));
    expect(r.success).toBe(true);
  });

  it("a person does not need an organisation name", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, organizationName: "" } }));
    expect(r.success).toBe(true);
  });

  it.each([undefined, "ROBOT", ""])("refuses the candidate kind %j", (candidateKind) => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, candidateKind } }));
    expect(messagesAt(r, "candidate.candidateKind")).toEqual(["Wybierz, czy kandydat jest osobą, czy instytucją."]);
  });

  it("refuses a nomination with no candidate at all", () => {
    const r = createSchema.safeParse(validCreate({ candidate: undefined }));
    expect(issuesOf(r).some((i) => i.path.startsWith("candidate"))).toBe(true);
  });

  it.each([
    [1849, "Rok urodzenia nie może być wcześniejszy niż 1850."],
    [1950.5, "Rok urodzenia musi być liczbą całkowitą."],
    ["abc", "Rok urodzenia musi być liczbą."],
    [Number(todayIso().slice(0, 4)) + 1, "Rok urodzenia nie może być z przyszłości."],
  ])("refuses the birth year %j: %j", (birthYear, message) => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, birthYear } }));
    expect(messagesAt(r, "candidate.birthYear")).toEqual([message]);
  });

  it("accepts a birth year as text from the form and matching the birth date", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, birthYear: "1947", birthDate: "1947-03-02" } }));
    expect(r.success && r.data.candidate?.birthYear).toBe(1947);
  });

  it("refuses a birth year that contradicts the birth date", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, birthYear: 1948, birthDate: "1947-03-02" } }));
    expect(messagesAt(r, "candidate.birthYear")).toEqual(["Rok urodzenia nie zgadza się z datą urodzenia."]);
  });

  it.each(["1947-02-29", "12.03.1947", "1947-13-01"])("refuses the impossible birth date %j with one message, not a year mismatch too", (birthDate) => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, birthYear: 1947, birthDate } }));
    expect(messagesAt(r, "candidate.birthDate")).toEqual([BAD_DATE]);
    expect(messagesAt(r, "candidate.birthYear")).toEqual([]);
  });

  it("refuses a surname over 200 characters", () => {
    const r = createSchema.safeParse(validCreate({ candidate: { ...PERSON, surname: "a".repeat(201) } }));
    expect(messagesAt(r, "candidate.surname")).toEqual(["Najwyżej 200 znaków."]);
  });
});

describe("createNominationSchema: choosing an existing candidate", () => {
  it('duplicateChoice "new" confirms a new candidate and keeps its fields', () => {
    const r = createSchema.safeParse(validCreate({ duplicateChoice: "new" }));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.confirmNewCandidate).toBe(true);
    expect(r.data.candidateId).toBeUndefined();
    expect(r.data.candidate).toMatchObject({ surname: "Żółkiewski" });
    expect(r.data).not.toHaveProperty("duplicateChoice");
  });

  it('duplicateChoice "new" still requires the new candidate\'s fields', () => {
    const r = createSchema.safeParse(validCreate({ duplicateChoice: "new", candidate: { candidateKind: "PERSON", givenNames: "Jan" } }));
    expect(messagesAt(r, "candidate.surname")).toEqual(["Podaj nazwisko kandydata."]);
  });

  it("duplicateChoice naming a candidate's id chooses that candidate", () => {
    const r = createSchema.safeParse(validCreate({ duplicateChoice: "cand_42" }));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.candidateId).toBe("cand_42");
    expect(r.data.confirmNewCandidate).toBe(false);
    expect(r.data.candidate).toBeUndefined();
  });

  it("a candidateId makes the candidate fields unnecessary", () => {
    const r = createSchema.safeParse(validCreate({ candidateId: "cand_7", candidate: undefined }));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.candidateId).toBe("cand_7");
    expect(r.data.candidate).toBeUndefined();
    expect(r.data.confirmNewCandidate).toBe(false);
  });

  it("a duplicate choice naming an id makes the candidate fields unnecessary", () => {
    const r = createSchema.safeParse(validCreate({ duplicateChoice: "cand_9", candidate: undefined }));
    expect(r.success && r.data.candidateId).toBe("cand_9");
  });

  it("an explicit candidateId wins over a duplicate choice", () => {
    const r = createSchema.safeParse(validCreate({ candidateId: "cand_1", duplicateChoice: "cand_2" }));
    expect(r.success && r.data.candidateId).toBe("cand_1");
  });
});

describe("createNominationSchema: the nomination's own fields", () => {
  it("the Medal requires a class", () => {
    const r = createSchema.safeParse(validCreate({ honour: "CRACOVIAE_MERENTI" }));
    expect(messagesAt(r, "requestedClass")).toEqual(["Wybierz klasę medalu."]);
  });

  it.each(["GOLD", "SILVER", "BRONZE"])("the Medal accepts the class %s", (requestedClass) => {
    const r = createSchema.safeParse(validCreate({ honour: "CRACOVIAE_MERENTI", requestedClass }));
    expect(r.success && r.data.requestedClass).toBe(requestedClass);
  });

  it("refuses an unknown class", () => {
    const r = createSchema.safeParse(validCreate({ honour: "CRACOVIAE_MERENTI", requestedClass: "PLATINUM" }));
    expect(messagesAt(r, "requestedClass")).toContain("Wybierz klasę medalu.");
  });

  it.each(["HONORARY_CITIZENSHIP", "HONORIS_GRATIA"])("%s refuses a class", (honour) => {
    const r = createSchema.safeParse(validCreate({ honour, requestedClass: "SILVER" }));
    expect(messagesAt(r, "requestedClass")).toEqual([ONLY_CM_HAS_CLASS]);
  });

  it.each(["HONORARY_CITIZENSHIP", "HONORIS_GRATIA"])("%s needs no class", (honour) => {
    expect(createSchema.safeParse(validCreate({ honour })).success).toBe(true);
  });

  it.each([undefined, "", "MEDAL"])("refuses the honour %j", (honour) => {
    const r = createSchema.safeParse(validCreate({ honour }));
    expect(messagesAt(r, "honour")).toEqual(["Wybierz wyróżnienie."]);
  });

  it.each(["2024-06-02", "2025-01-01", "2999-12-31"])("refuses the future received date %s", (receivedDate) => {
    const r = createSchema.safeParse(validCreate({ receivedDate }));
    expect(messagesAt(r, "receivedDate")).toEqual(["Data wpływu nie może być z przyszłości."]);
  });

  it("judges the future against the given today, not the clock", () => {
    expect(createNominationSchema("2030-01-01").safeParse(validCreate({ receivedDate: "2029-12-31" })).success).toBe(true);
    expect(createNominationSchema("2020-01-01").safeParse(validCreate({ receivedDate: "2020-01-02" })).success).toBe(false);
  });

  it.each(["2023-02-29", "2024-04-31", "2024-13-01", "2024-06-99", "20.05.2024"])(
    "refuses the impossible date %s in Polish, and only as impossible",
    (receivedDate) => {
      const r = createSchema.safeParse(validCreate({ receivedDate }));
      expect(messagesAt(r, "receivedDate")).toEqual([BAD_DATE]);
    },
  );

  it("refuses a missing received date", () => {
    const r = createSchema.safeParse(validCreate({ receivedDate: undefined }));
    expect(messagesAt(r, "receivedDate")).toEqual(["Podaj datę."]);
  });

  it.each([[[]], [undefined]])("requires at least one nominator (%j)", (nominators) => {
    const r = createSchema.safeParse(validCreate({ nominators }));
    expect(messagesAt(r, "nominators")).toEqual(["Podaj co najmniej jednego wnioskodawcę."]);
  });

  it.each([[{ name: "" }], [{ name: "   " }], [{ kind: "MAYOR" }]])("requires each nominator's name (%j)", (nominator) => {
    const r = createSchema.safeParse(validCreate({ nominators: [{ name: "Jan Kowalski" }, nominator] }));
    expect(messagesAt(r, "nominators.1.name")).toEqual(["Podaj wnioskodawcę."]);
  });

  it("refuses an unknown nominator kind", () => {
    const r = createSchema.safeParse(validCreate({ nominators: [{ kind: "KING", name: "Kazimierz" }] }));
    expect(messagesAt(r, "nominators.0.kind")).toEqual(["Wybierz rodzaj wnioskodawcy."]);
  });

  it("accepts every kind of nominator of the domain", () => {
    for (const kind of ["PERSON", "ORGANIZATION", "MAYOR", "COUNCIL_CHAIR", "COUNCILLORS", "RESIDENTS", "MEDAL_COMMISSION"]) {
      expect(createSchema.safeParse(validCreate({ nominators: [{ kind, name: "X" }] })).success).toBe(true);
    }
  });

  it("requires the creation token (against double submission)", () => {
    expect(createSchema.safeParse(validCreate({ creationToken: undefined })).success).toBe(false);
    expect(createSchema.safeParse(validCreate({ creationToken: "short" })).success).toBe(false);
  });

  it.each([
    ["caseReference", 101, "Znak sprawy może mieć najwyżej 100 znaków."],
    ["merits", 20001, "Opis zasług może mieć najwyżej 20 000 znaków."],
  ])("limits %s with a Polish message", (field, length, message) => {
    const r = createSchema.safeParse(validCreate({ [field]: "x".repeat(length) }));
    expect(messagesAt(r, field)).toEqual([message]);
  });

  it("shows the nomination's and the candidate's errors together", () => {
    const r = createSchema.safeParse(validCreate({ receivedDate: "2030-01-01", candidate: { ...PERSON, surname: "" } }));
    expect(issuesOf(r)).toEqual(
      expect.arrayContaining([
        { path: "receivedDate", message: "Data wpływu nie może być z przyszłości." },
        { path: "candidate.surname", message: "Podaj nazwisko kandydata." },
      ]),
    );
  });

  it("speaks Polish in every message, including zod's own defaults", () => {
    const r = createSchema.safeParse({
      honour: 7,
      requestedClass: 1,
      receivedDate: 20240101,
      creationToken: 5,
      nominators: "Jan",
      candidateId: 3,
      candidate: { candidateKind: "PERSON", deceased: "tak", title: 9 },
    });
    const messages = issuesOf(r).map((i) => i.message);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m).not.toMatch(/\b(Invalid|expected|received|Required|must)\b/);
  });
});

describe("editNominationSchema", () => {
  it("parses a valid edit and reads the version from the form's text", () => {
    const r = editSchema.safeParse(validEdit({ version: "4" }));
    expect(r.success && r.data.version).toBe(4);
  });

  it.each([undefined, "0", "abc", 1.5])("refuses the version %j", (version) => {
    expect(editSchema.safeParse(validEdit({ version })).success).toBe(false);
  });

  it("has no candidate: candidate fields are not required", () => {
    const r = editSchema.safeParse(validEdit());
    expect(r.success).toBe(true);
  });

  it("the Medal requires a class", () => {
    const r = editSchema.safeParse(validEdit({ honour: "CRACOVIAE_MERENTI" }));
    expect(messagesAt(r, "requestedClass")).toEqual(["Wybierz klasę medalu."]);
  });

  it.each(["HONORARY_CITIZENSHIP", "HONORIS_GRATIA"])("%s refuses a class", (honour) => {
    const r = editSchema.safeParse(validEdit({ honour, requestedClass: "GOLD" }));
    expect(messagesAt(r, "requestedClass")).toEqual([ONLY_CM_HAS_CLASS]);
  });

  it("refuses a future received date", () => {
    const r = editSchema.safeParse(validEdit({ receivedDate: "2024-06-02" }));
    expect(messagesAt(r, "receivedDate")).toEqual(["Data wpływu nie może być z przyszłości."]);
  });

  it.each(["2023-02-29", "2024-13-01", "9999-99-99"])("refuses the impossible received date %s with one message", (receivedDate) => {
    const r = editSchema.safeParse(validEdit({ receivedDate }));
    expect(messagesAt(r, "receivedDate")).toEqual([BAD_DATE]);
  });

  it("requires at least one nominator", () => {
    const r = editSchema.safeParse(validEdit({ nominators: [] }));
    expect(messagesAt(r, "nominators")).toEqual(["Podaj co najmniej jednego wnioskodawcę."]);
  });

  it.each(HONOURS)("accepts a valid %s", (honour) => {
    const r = editSchema.safeParse(validEdit({ honour, requestedClass: honour === "CRACOVIAE_MERENTI" ? "BRONZE" : undefined }));
    expect(r.success).toBe(true);
  });
});

describe("EditCandidateSchema", () => {
  const base = (over: Record<string, unknown> = {}) => ({
    candidate: PERSON,
    nameNominative: "Stanisław Żółkiewski",
    nameGenitive: "Stanisława Żółkiewskiego",
    nameDative: "Stanisławowi Żółkiewskiemu",
    confirmNameForms: true,
    version: 2,
    ...over,
  });

  it("accepts all three forms when confirming", () => {
    const r = EditCandidateSchema.safeParse(base());
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.confirmNameForms).toBe(true);
    expect(r.data.nameDative).toBe("Stanisławowi Żółkiewskiemu");
  });

  it.each(["nameNominative", "nameGenitive", "nameDative"])("requires %s when confirming", (key) => {
    for (const value of [undefined, "", "   "]) {
      const r = EditCandidateSchema.safeParse(base({ [key]: value }));
      expect(issuesOf(r)).toEqual([{ path: key, message: "Uzupełnij tę formę przed potwierdzeniem." }]);
    }
  });

  it("lists every missing form at once", () => {
    const r = EditCandidateSchema.safeParse(base({ nameNominative: "", nameGenitive: "", nameDative: "" }));
    expect(issuesOf(r).map((i) => i.path)).toEqual(["nameNominative", "nameGenitive", "nameDative"]);
  });

  it("does not require the forms when not confirming", () => {
    for (const confirmNameForms of [false, undefined]) {
      const r = EditCandidateSchema.safeParse(base({ confirmNameForms, nameNominative: "", nameGenitive: undefined, nameDative: "" }));
      expect(r.success).toBe(true);
      if (r.success) expect(r.data.confirmNameForms).toBe(false);
    }
  });

  it("still checks the candidate itself", () => {
    const r = EditCandidateSchema.safeParse(base({ candidate: { ...PERSON, surname: "" } }));
    expect(messagesAt(r, "candidate.surname")).toEqual(["Podaj nazwisko kandydata."]);
  });

  it("requires the version", () => {
    expect(EditCandidateSchema.safeParse(base({ version: undefined })).success).toBe(false);
  });
});

describe("attachmentNames", () => {
  it.each([
    ["", []],
    ["list.pdf", ["list.pdf"]],
    ["  a.pdf \r\n\r\n b.docx\n\n  \nc.jpg  ", ["a.pdf", "b.docx", "c.jpg"]],
  ])("%j → %j", (text, names) => {
    expect(attachmentNames(text)).toEqual(names);
  });
});

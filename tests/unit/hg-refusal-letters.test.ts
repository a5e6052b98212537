// Which refusals a letter covers and what it says about the reason and the decision date; the
// forms that choose the refusals.
import { describe, expect, test } from "vitest";
import type { LetterApplication } from "#app/domain/hg-letters";
import { refusalLetters, refusalLettersSchema, RefusalPeriod, type RefusedNomination } from "#app/domain/hg-refusal-letters";

const NO_ADDRESS = { applicantStreet: null, applicantPostalCode: null, applicantCity: null };
const app = (id: string, applicantName: string, more: Partial<LetterApplication> = {}): LetterApplication => ({
  id,
  applicantName,
  applicantContact: "",
  caseReference: "",
  receivedDate: "2026-01-01",
  ...NO_ADDRESS,
  ...more,
});

function refusal(id: string, applicationId: string | null, overrides: Partial<RefusedNomination> = {}): RefusedNomination {
  return {
    id,
    candidateName: `Kandydat ${id}`,
    reason: "Brak udokumentowanych zasług.",
    refusedOn: "2026-03-02",
    caseReference: "",
    application: applicationId
      ? app(applicationId, `Wnioskodawca ${applicationId}`, { caseReference: `KP-04.${applicationId}`, receivedDate: "2026-02-01" })
      : null,
    ...overrides,
  };
}

describe("refusalLetters", () => {
  test("one letter per applicant and decision, applicants in Polish alphabetical order; refusals without an application have no letter", () => {
    const rows = [
      refusal("1", "b", { application: app("b", "Źródło") }),
      refusal("2", "a", { application: app("a", "Zet") }),
      refusal("3", "b", { application: app("b", "Źródło") }),
      refusal("4", "c", { application: app("c", "Łąka") }),
      // The same applicant's second application, typed with other case and spacing: the same letter.
      refusal("6", "d", { application: app("d", " źródło ", { receivedDate: "2026-01-20" }) }),
      refusal("5", null),
    ];
    const { letters, unaddressed } = refusalLetters(rows);
    expect(letters.map((l) => l.applicantName)).toEqual(["Łąka", "Zet", "Źródło"]);
    expect(letters[2]!.candidates.map((c) => c.name)).toEqual(["Kandydat 1", "Kandydat 3", "Kandydat 6"]);
    expect(letters[2]!.applications.map((a) => a.id)).toEqual(["b", "d"]);
    expect(unaddressed.map((r) => r.id)).toEqual(["5"]);
  });

  test("another decision date is another letter; another address is another applicant", () => {
    const { letters } = refusalLetters([
      refusal("1", "a"),
      refusal("2", "a", { refusedOn: "2026-03-09" }),
      refusal("3", "b", {
        application: app("b", "Wnioskodawca a", { applicantStreet: "ul. Długa 1", applicantPostalCode: "31-001", applicantCity: "Kraków" }),
      }),
    ]);
    expect(letters.map((l) => `${l.decisionDate}: ${l.candidates.map((c) => c.name).join(", ")}`).sort()).toEqual([
      "2026-03-02: Kandydat 1",
      "2026-03-02: Kandydat 3",
      "2026-03-09: Kandydat 2",
    ]);
  });

  test("one reason and one decision date for the whole letter when they agree; per candidate when they differ", () => {
    const [same] = refusalLetters([refusal("1", "a"), refusal("2", "a")]).letters;
    expect(same).toMatchObject({ sharedReason: "Brak udokumentowanych zasług.", decisionDate: "2026-03-02", caseReference: "KP-04.a" });

    const [differ] = refusalLetters([refusal("1", "a"), refusal("2", "a", { reason: "Inny powód." })]).letters;
    expect(differ!.sharedReason).toBeNull();
    expect(differ!.decisionDate).toBe("2026-03-02");
    expect(differ!.candidates.map((c) => c.reason)).toEqual(["Brak udokumentowanych zasług.", "Inny powód."]);
  });

  test("no recorded reason is an empty shared reason; the nomination's case reference stands in for a missing one", () => {
    const [letter] = refusalLetters([
      refusal("1", null, {
        reason: "  ",
        refusedOn: null,
        caseReference: "KP-04.0012.9.2017",
        application: app("a", "A", { receivedDate: "2017-01-01" }),
      }),
    ]).letters;
    expect(letter).toMatchObject({ sharedReason: "", decisionDate: null, caseReference: "KP-04.0012.9.2017" });
  });
});

describe("the forms", () => {
  test("a period whose end is before its start is refused next to its end; empty bounds are no bounds", () => {
    const wrong = RefusalPeriod.safeParse({ from: "2026-03-10", to: "2026-03-01" });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.flatten().fieldErrors.to).toEqual(["Koniec okresu nie może być przed jego początkiem."]);
    expect(RefusalPeriod.parse({ from: "", to: "" })).toEqual({ from: undefined, to: undefined });
  });

  test("the letters need a selection (or the whole period), a real date and a format", () => {
    const none = refusalLettersSchema.safeParse({ letterDate: "2026-02-30", format: "rtf" });
    expect(none.success).toBe(false);
    const errors = none.error!.flatten().fieldErrors;
    expect(errors.letterDate).toEqual(["Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."]);
    expect(errors.format).toEqual(["Wybierz format: PDF albo DOCX."]);
    expect(refusalLettersSchema.safeParse({ allInPeriod: true, letterDate: "2026-03-01", format: "pdf" }).success).toBe(true);
    expect(refusalLettersSchema.safeParse({ ids: ["x"], letterDate: "2026-03-01", format: "docx" }).success).toBe(true);
  });
});

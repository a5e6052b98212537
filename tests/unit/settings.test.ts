import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  ConfirmDeleteForm,
  editSettingForm,
  isValidOn,
  NewSignatoryForm,
  newSettingForm,
  overlappingPairs,
  periodsOverlap,
  periodState,
  periodText,
  planDatedWrite,
  SETTING_KEYS,
  SETTINGS,
  settingHint,
  settingHref,
  settingOverlapMessage,
  signatoryHref,
  signatoryOn,
  signatoryOverlapMessage,
  valueOn,
} from "#app/domain/settings";

const clause = (id: string, validFrom: string, validTo: string | null, value = id) => ({ id, key: "clause.execution", value, validFrom, validTo });

const SETTINGS_ROWS = [
  clause("a", "1990-06-08", "2018-04-24"),
  clause("b", "2018-04-25", null),
  { id: "x", key: "clause.entryIntoForce", value: "inny klucz", validFrom: "1990-06-08", validTo: null },
];

describe("valueOn", () => {
  test("takes the row whose period contains the date, both ends included", () => {
    expect(valueOn(SETTINGS_ROWS, "clause.execution", "1990-06-08")?.id).toBe("a");
    expect(valueOn(SETTINGS_ROWS, "clause.execution", "2018-04-24")?.id).toBe("a");
    expect(valueOn(SETTINGS_ROWS, "clause.execution", "2018-04-25")?.id).toBe("b");
    expect(valueOn(SETTINGS_ROWS, "clause.execution", "2099-12-31")?.id).toBe("b");
  });

  test("nothing before the first row, nothing for another key, nothing in a gap", () => {
    expect(valueOn(SETTINGS_ROWS, "clause.execution", "1990-06-07")).toBeNull();
    expect(valueOn(SETTINGS_ROWS, "rules.CRACOVIAE_MERENTI", "2020-01-01")).toBeNull();
    const gap = [clause("a", "2000-01-01", "2000-12-31"), clause("b", "2002-01-01", null)];
    expect(valueOn(gap, "clause.execution", "2001-06-01")).toBeNull();
    expect(valueOn(gap, "clause.execution", "2000-12-31")?.id).toBe("a");
    expect(valueOn(gap, "clause.execution", "2002-01-01")?.id).toBe("b");
  });

  test("a row that ended is not revived by an earlier open one: the latest validFrom among the valid rows wins", () => {
    // Overlapping rows cannot be saved, but the rule is defined for them too.
    const overlapping = [clause("old", "2000-01-01", null), clause("new", "2010-01-01", null), clause("short", "2012-01-01", "2012-12-31")];
    expect(valueOn(overlapping, "clause.execution", "2011-01-01")?.id).toBe("new");
    expect(valueOn(overlapping, "clause.execution", "2012-06-01")?.id).toBe("short");
    expect(valueOn(overlapping, "clause.execution", "2013-01-01")?.id).toBe("new");
    expect(valueOn(overlapping, "clause.execution", "2005-01-01")?.id).toBe("old");
  });

  test("property: the answer is valid on the date and no other valid row starts later", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const row = fc.record({ from: day, length: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), day, (specs, date) => {
        const rows = specs.map((s, i) => {
          const to = s.length === null ? null : new Date(Date.parse(s.from) + s.length * 86_400_000).toISOString().slice(0, 10);
          return clause(String(i), s.from, to);
        });
        const found = valueOn(rows, "clause.execution", date);
        const valid = rows.filter((r) => isValidOn(r, date));
        if (!found) return valid.length === 0;
        return isValidOn(found, date) && valid.every((r) => r.validFrom <= found.validFrom);
      }),
    );
  });
});

describe("signatoryOn", () => {
  const people = [
    { id: "m1", office: "MAYOR", fullName: "Stary", validFrom: "2018-11-21", validTo: "2024-05-06" },
    { id: "m2", office: "MAYOR", fullName: "Nowy", validFrom: "2024-05-07", validTo: null },
    { id: "c1", office: "COUNCIL_CHAIR", fullName: "Przewodnicząca", validFrom: "2024-05-07", validTo: null },
  ];
  test("the holder on the day, per office, with the handover day going to the successor", () => {
    expect(signatoryOn(people, "MAYOR", "2024-05-06")?.fullName).toBe("Stary");
    expect(signatoryOn(people, "MAYOR", "2024-05-07")?.fullName).toBe("Nowy");
    expect(signatoryOn(people, "COUNCIL_CHAIR", "2024-05-06")).toBeNull();
    expect(signatoryOn(people, "COUNCIL_CHAIR", "2024-05-07")?.id).toBe("c1");
    expect(signatoryOn(people, "MAYOR", "2018-11-20")).toBeNull();
  });
});

describe("periods", () => {
  test("overlap includes touching days; open ends run for ever", () => {
    expect(periodsOverlap({ validFrom: "2020-01-01", validTo: "2020-12-31" }, { validFrom: "2020-12-31", validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: "2020-01-01", validTo: "2020-12-31" }, { validFrom: "2021-01-01", validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: "2020-01-01", validTo: null }, { validFrom: "1990-01-01", validTo: "2019-12-31" })).toBe(false);
    expect(periodsOverlap({ validFrom: "2020-01-01", validTo: null }, { validFrom: "2030-01-01", validTo: null })).toBe(true);
  });

  test("state relative to today and Polish text", () => {
    expect(periodState({ validFrom: "2024-05-07", validTo: null }, "2024-05-07")).toBe("current");
    expect(periodState({ validFrom: "2024-05-07", validTo: null }, "2024-05-06")).toBe("future");
    expect(periodState({ validFrom: "2018-11-21", validTo: "2024-05-06" }, "2024-05-07")).toBe("past");
    expect(periodState({ validFrom: "2018-11-21", validTo: "2024-05-06" }, "2024-05-06")).toBe("current");
    expect(periodText({ validFrom: "2024-05-07", validTo: null })).toBe("od 07.05.2024");
    expect(periodText({ validFrom: "2018-11-21", validTo: "2024-05-06" })).toBe("od 21.11.2018 do 06.05.2024");
  });

  test("overlappingPairs finds every clash in stored data", () => {
    const rows = [clause("a", "2000-01-01", "2005-12-31"), clause("b", "2005-12-31", null), clause("c", "2010-01-01", null)];
    expect(overlappingPairs(rows).map(([x, y]) => `${x.id}${y.id}`)).toEqual(["ab", "bc"]);
    expect(overlappingPairs(SETTINGS_ROWS.filter((r) => r.key === "clause.execution"))).toEqual([]);
  });
});

describe("planDatedWrite: the overlap check when saving", () => {
  const rows = [clause("a", "1990-06-08", "2018-04-24"), clause("b", "2018-04-25", null)];

  test("a period inside another value is refused, naming it", () => {
    const plan = planDatedWrite(rows, { validFrom: "2010-01-01", validTo: "2010-12-31" });
    expect(plan).toEqual({ kind: "overlap", rows: [rows[0]] });
    expect(planDatedWrite(rows, { validFrom: "2018-04-24", validTo: "2018-04-25" })).toMatchObject({ kind: "overlap", rows: [{ id: "a" }, { id: "b" }] });
    // The same start day as an existing value (the database's unique key) is an overlap too.
    expect(planDatedWrite(rows, { validFrom: "2018-04-25", validTo: null })).toMatchObject({ kind: "overlap" });
  });

  test("a period in a gap, or before everything, is accepted", () => {
    const gapped = [clause("a", "2000-01-01", "2000-12-31"), clause("b", "2002-01-01", null)];
    expect(planDatedWrite(gapped, { validFrom: "2001-01-01", validTo: "2001-12-31" })).toEqual({ kind: "ok", close: null });
    expect(planDatedWrite(gapped, { validFrom: "1990-01-01", validTo: "1999-12-31" })).toEqual({ kind: "ok", close: null });
    expect(planDatedWrite(gapped, { validFrom: "2001-01-01", validTo: "2002-01-01" })).toMatchObject({ kind: "overlap" });
  });

  test("an edit is not compared with itself", () => {
    expect(planDatedWrite(rows, { validFrom: "2018-04-25", validTo: "2030-12-31" }, { id: "b" })).toEqual({ kind: "ok", close: null });
    expect(planDatedWrite(rows, { validFrom: "2018-04-20", validTo: null }, { id: "b" })).toMatchObject({ kind: "overlap", rows: [{ id: "a" }] });
  });

  test("closePrevious ends the running value the day before the new one", () => {
    const plan = planDatedWrite(rows, { validFrom: "2026-01-01", validTo: null }, { closePrevious: true });
    expect(plan).toEqual({ kind: "ok", close: { row: rows[1], validTo: "2025-12-31" } });
    // Without it, the open value is in the way.
    expect(planDatedWrite(rows, { validFrom: "2026-01-01", validTo: null })).toMatchObject({ kind: "overlap", rows: [{ id: "b" }] });
    // The day after the open value starts: it keeps one day.
    expect(planDatedWrite(rows, { validFrom: "2018-04-26", validTo: null }, { closePrevious: true })).toMatchObject({ close: { validTo: "2018-04-25" } });
  });

  test("closePrevious never shortens a value that would outlast the new one, nor one starting the same day, nor later values", () => {
    expect(planDatedWrite(rows, { validFrom: "2026-01-01", validTo: "2026-12-31" }, { closePrevious: true })).toMatchObject({
      kind: "overlap",
      rows: [{ id: "b" }],
    });
    expect(planDatedWrite(rows, { validFrom: "2018-04-25", validTo: null }, { closePrevious: true })).toMatchObject({ kind: "overlap", rows: [{ id: "b" }] });
    const withFuture = [clause("a", "2000-01-01", null), clause("future", "2030-01-01", null)];
    // Overlapping stored rows: closing "a" still leaves "future" in the way.
    expect(planDatedWrite(withFuture, { validFrom: "2020-01-01", validTo: null }, { closePrevious: true })).toMatchObject({
      kind: "overlap",
      rows: [{ id: "future" }],
    });
    // Closing is for new rows only.
    expect(planDatedWrite(rows, { validFrom: "2026-01-01", validTo: null }, { id: "a", closePrevious: true })).toMatchObject({ kind: "overlap" });
  });

  test("the refusals are Polish and name the periods", () => {
    expect(settingOverlapMessage([{ validFrom: "2018-04-25", validTo: null }])).toMatch(
      /nakłada się na inną wartość tego ustawienia \(obowiązującą od 25\.04\.2018\)/,
    );
    expect(signatoryOverlapMessage([{ fullName: "Jan Przykładowy", validFrom: "2024-05-07", validTo: null }])).toContain("Jan Przykładowy, od 07.05.2024");
  });
});

describe("forms", () => {
  const ok = { key: "clause.execution", value: "  Wykonanie uchwały powierza się\n Prezydentowi Miasta Krakowa. ", validFrom: "2026-01-01" };

  test("a new value: text normalised, validTo optional, closePrevious a checkbox", () => {
    const parsed = newSettingForm(ok.key).parse(ok);
    expect(parsed).toEqual({ ...ok, value: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.", validTo: null, note: "", closePrevious: false });
  });

  test("Polish errors: missing text, missing or impossible date, end before start, unknown key", () => {
    const errors = (input: Record<string, unknown>) =>
      newSettingForm(String(input.key))
        .safeParse(input)
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errors({ ...ok, value: " " })).toEqual(["value: Wpisz treść ustawienia."]);
    expect(errors({ ...ok, validFrom: undefined })).toEqual(["validFrom: Podaj datę, od której wartość obowiązuje."]);
    expect(errors({ ...ok, validFrom: "2026-02-30" })).toEqual(["validFrom: Taka data nie istnieje (oczekiwany format RRRR-MM-DD)."]);
    expect(errors({ ...ok, validTo: "2025-12-31" })).toEqual(["validTo: Data końcowa nie może być wcześniejsza niż data początkowa."]);
    expect(errors({ ...ok, key: "clause.unknown" })).toEqual(["key: Wybierz ustawienie z listy."]);
  });

  test("a legal basis must end with the formula the document continues from", () => {
    const schema = editSettingForm("legalBasis.CRACOVIAE_MERENTI");
    const base = { validFrom: "2026-01-01", version: "1" };
    expect(schema.safeParse({ ...base, value: "Na podstawie art. 18 ustawy uchwala się, co następuje:" }).success).toBe(true);
    expect(schema.safeParse({ ...base, value: "Na podstawie art. 18 ustawy" }).error?.issues[0]?.message).toBe(
      "Ta treść jest wstawiana do dokumentu jako całe zdanie: musi kończyć się słowami „uchwala się, co następuje:”.",
    );
    expect(editSettingForm("legalBasis.ORDINANCE").safeParse({ ...base, value: "Na podstawie art. 30 uchwala się, co następuje:" }).success).toBe(false);
    expect(editSettingForm("legalBasis.ORDINANCE").safeParse({ ...base, value: "Na podstawie art. 30 zarządza się, co następuje:" }).success).toBe(true);
  });

  test("signatory and delete confirmation", () => {
    expect(
      NewSignatoryForm.safeParse({ office: "MAYOR", fullName: "", titleLine: "Prezydent Miasta Krakowa", validFrom: "2024-05-07" }).error?.issues[0]?.message,
    ).toBe("Podaj imię i nazwisko.");
    expect(NewSignatoryForm.safeParse({ office: "TREASURER", fullName: "X", titleLine: "Y", validFrom: "2024-05-07" }).error?.issues[0]?.message).toBe(
      "Wybierz urząd.",
    );
    expect(ConfirmDeleteForm.safeParse({ version: "2" }).error?.issues[0]?.message).toBe("Zaznacz pole potwierdzenia, aby usunąć.");
    expect(ConfirmDeleteForm.safeParse({ version: "2", confirm: false }).success).toBe(false);
    expect(ConfirmDeleteForm.parse({ version: "2", confirm: true })).toEqual({ version: 2, confirm: true });
  });
});

test("every key has a Polish label, description and example; links point at the settings screen", () => {
  for (const key of SETTING_KEYS) {
    expect(SETTINGS[key].label).toMatch(/[a-ząćęłńóśźż]/);
    expect(SETTINGS[key].description.length).toBeGreaterThan(20);
    const ending = SETTINGS[key].mustEndWith;
    if (ending) expect(SETTINGS[key].example.endsWith(ending)).toBe(true);
  }
  expect(settingHint("legalBasis.ORDINANCE")).toMatch(/^Przykład: „Na podstawie .*”; treść musi kończyć się słowami „zarządza się, co następuje:”$/);
  expect(settingHint("clause.execution")).toBe("Przykład: „Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.”");
  expect(settingHint("nie.ma")).toBeUndefined();
  expect(settingHref("legalBasis.CRACOVIAE_MERENTI")).toBe("/admin/settings#legalBasis.CRACOVIAE_MERENTI");
  expect(signatoryHref("MAYOR")).toBe("/admin/settings#signatory-MAYOR");
});

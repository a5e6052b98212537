import { expect, test } from "vitest";
import { countOf, pluralForm } from "#app/domain/plural";

const WNIOSEK = { one: "wniosek", few: "wnioski", many: "wniosków" };

test.each([
  [0, "wniosków"],
  [1, "wniosek"],
  [2, "wnioski"],
  [4, "wnioski"],
  [5, "wniosków"],
  [12, "wniosków"],
  [13, "wniosków"],
  [22, "wnioski"],
  [25, "wniosków"],
  [102, "wnioski"],
  [112, "wniosków"],
])("%i %s", (n, form) => {
  expect(pluralForm(n, WNIOSEK)).toBe(form);
});

test("the count is grouped as Polish writes it, with a non-breaking space before the noun", () => {
  expect(countOf(12_345, WNIOSEK)).toBe("12\u00a0345\u00a0wniosków");
});

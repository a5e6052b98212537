import { describe, expect, test } from "vitest";
import { resultCountText } from "#app/domain/result-count";

describe("the result count above a paged list", () => {
  test("a page inside the list shows its range", () => {
    expect(resultCountText(33, 1, 25)).toBe("Wyniki 1–25 z 33.");
    expect(resultCountText(33, 2, 25)).toBe("Wyniki 26–33 z 33.");
    expect(resultCountText(0, 1, 25)).toBe("Brak wyników.");
  });

  test("a page past the end says so instead of a range that ends before it starts", () => {
    expect(resultCountText(33, 999, 25)).toBe("Brak wyników na tej stronie (wszystkich: 33).");
    expect(resultCountText(3, 999, 50, { shown: "Wyniki", none: "Brak wyników", after: ", najpilniejsze najpierw" })).toBe(
      "Brak wyników na tej stronie (wszystkich: 3).",
    );
    expect(resultCountText(78, 3, 50, { shown: "Zdarzenia", none: "Brak zdarzeń" })).toBe("Brak zdarzeń na tej stronie (wszystkich: 78).");
  });

  test("the list's own words", () => {
    expect(resultCountText(3, 1, 50, { shown: "Wyniki", none: "Brak wyników", after: ", najpilniejsze najpierw" })).toBe(
      "Wyniki 1–3 z 3, najpilniejsze najpierw.",
    );
    expect(resultCountText(78, 2, 50, { shown: "Zdarzenia", none: "Brak zdarzeń" })).toBe("Zdarzenia 51–78 z 78.");
    expect(resultCountText(0, 1, 50, { shown: "Zdarzenia", none: "Brak zdarzeń" })).toBe("Brak zdarzeń.");
  });
});

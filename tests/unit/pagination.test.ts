import { describe, expect, test } from "vitest";
import { pageHref } from "#app/components/pagination";

describe("the list's page links", () => {
  test("keep the filters, set or drop the page number", () => {
    expect(pageHref("?from=2026-01-01&to=2026-06-30&page=3", 4, "/hg/refusals", [])).toBe("/hg/refusals?from=2026-01-01&to=2026-06-30&page=4");
    expect(pageHref("?from=2026-01-01&page=3", 1, "/hg/refusals", [])).toBe("/hg/refusals?from=2026-01-01");
    expect(pageHref("", 1, "/hg/refusals", [])).toBe("/hg/refusals");
  });

  test("drop a form's answer sent back with its errors, so the next page does not show them again", () => {
    const search = "?from=2026-01-01&ids=a&ids=b&allInPeriod=on&letterDate=2026-11-26&format=pdf&check=1";
    expect(pageHref(search, 2, "/hg/refusals", ["check", "ids", "allInPeriod", "letterDate", "format"])).toBe("/hg/refusals?from=2026-01-01&page=2");
  });
});

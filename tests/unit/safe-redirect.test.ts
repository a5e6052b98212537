import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeRedirect } from "#app/domain/safe-redirect";

const SITE = "https://merenti.krakow.example";

/** Where a browser goes with this Location (the WHATWG parser drops tabs and newlines, reads "\" as "/"). */
const landsOn = (location: string) => new URL(location, `${SITE}/login`);

describe("safeRedirect", () => {
  test.each([
    ["/nominations?q=x#wyniki", "/nominations?q=x#wyniki"],
    ["/nominations/abc/edit", "/nominations/abc/edit"],
    [null, "/"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r\n/evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/..//evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [" /nominations", "/"],
  ])("%j → %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  test("characters a header cannot carry come back percent-encoded", () => {
    expect(safeRedirect("/rejestr?q=a\u3000b")).toBe("/rejestr?q=a%E3%80%80b");
    expect(safeRedirect("/rejestr?q=Łódź")).toBe("/rejestr?q=%C5%81%C3%B3d%C5%BA");
  });

  test("any string: the answer is an ASCII path that a browser resolves on this site", { timeout: 30_000 }, () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary" }),
      fc
        .array(fc.constantFrom("/", "\\", "\t", "\n", "\r", ".", "%2F", "%09", "evil.example", ":", "@", "\u3000", "?", "#", "a"), { maxLength: 12 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (to) => {
        const location = safeRedirect(to);
        expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(landsOn(location).origin).toBe(SITE);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, test } from "vitest";
import { returnLabel, safeReturnTo, withReturnTo } from "#app/utils/return-to";

describe("returnTo: same-site paths only", () => {
  test.each([
    ["/drafts/abc", "/drafts/abc"],
    ["/nominations?honour=HONORIS_GRATIA&status=RECEIVED", "/nominations?honour=HONORIS_GRATIA&status=RECEIVED"],
    ["/admin/settings#signatory-MAYOR", "/admin/settings#signatory-MAYOR"],
  ])("%s is kept", (to, kept) => expect(safeReturnTo(to, "/fallback")).toBe(kept));

  test.each([
    null,
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "drafts/abc",
    "/a b",
    " //evil.example",
    "/.//evil.example",
    "/\t/evil.example",
  ])("%s falls back", (to) => expect(safeReturnTo(to, "/fallback")).toBe("/fallback"));

  test("a link gets the parameter before its fragment", () => {
    expect(withReturnTo("/candidates/c1/edit", "/nominations/n1/drafts")).toBe("/candidates/c1/edit?returnTo=%2Fnominations%2Fn1%2Fdrafts");
    expect(withReturnTo("/admin/settings#signatory-MAYOR", "/drafts/d1")).toBe("/admin/settings?returnTo=%2Fdrafts%2Fd1#signatory-MAYOR");
    expect(withReturnTo("/x?a=1", "/y")).toBe("/x?a=1&returnTo=%2Fy");
  });

  test("the link back says where it goes", () => {
    expect(returnLabel("/board/HONORIS_GRATIA")).toBe("Wróć do tablicy");
    expect(returnLabel("/nominations/n1/drafts")).toBe("Wróć do wniosku");
    expect(returnLabel("/nominations?status=RECEIVED")).toBe("Wróć do listy wniosków");
    expect(returnLabel("/")).toBe("Wróć do pulpitu");
  });
});

// The open data's pure parts: the JSON-LD cannot end its <script> element, the sitemap escapes
// its addresses.
import { describe, expect, test } from "vitest";
import { conferralJsonLd, jsonForScript, sitemapXml } from "#app/domain/open-data";

describe("open data", () => {
  test("JSON in a script element cannot close it", () => {
    const ld = conferralJsonLd(
      {
        publicId: "x",
        honour: "HONORIS_GRATIA",
        medalClass: null,
        number: null,
        conferredOn: "2026-01-02",
        handedOverOn: null,
        candidate: { displayName: "</script><script>alert(1)</script>", nameNominative: "", kind: "ORGANIZATION" },
        resolution: null,
        ordinance: null,
      },
      "https://example.test/rejestr/x",
    );
    const text = jsonForScript(ld);
    expect(text).not.toContain("</script");
    expect((JSON.parse(text) as { name: string }).name).toBe("</script><script>alert(1)</script>");
  });

  test("the sitemap escapes & in addresses", () => {
    expect(sitemapXml([{ loc: "https://e.test/rejestr?a=1&b=2" }])).toContain("<loc>https://e.test/rejestr?a=1&amp;b=2</loc>");
  });
});

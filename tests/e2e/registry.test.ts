// The public registry in the browser, as the public sees it: no sign-in, no script, search by a
// name typed without diacritics, the permalink, axe on every page, and the staff pages' exports.
import { expect, test } from "vitest";
import { foldText } from "#app/domain/search-text";
import { baseURL, describeInBrowser, DEMO_USERS, useBrowser, visit } from "./browser";

describeInBrowser("public registry in the browser", () => {
  const session = useBrowser();

  test("search by a name without diacritics leads to the laureate's permalink", async () => {
    const page = await session.newPage({ signedInAs: null, javaScriptEnabled: false });
    await visit(page, "/rejestr");
    expect(await page.title()).toBe("Rejestr wyróżnień Miasta Krakowa");
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe("Rejestr wyróżnień Miasta Krakowa");
    // No staff navigation and no sign-in prompt on the public pages.
    expect(await page.getByRole("navigation", { name: "Główne menu" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Zaloguj się" }).count()).toBe(0);

    const name = (await page.locator("table.data-table tbody tr td:first-child a").first().innerText()).trim();
    const surname = name.split(" ").at(-1)!;
    await page.getByLabel("Imię i nazwisko, nazwa lub kod z dyplomu").fill(foldText(surname).toUpperCase());
    await Promise.all([page.waitForURL(/\/rejestr\?q=/), page.getByRole("button", { name: "Szukaj" }).click()]);
    await visit(page, new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await page.getByRole("status").filter({ hasText: /\S/ }).innerText()).toMatch(/^Wyniki 1–\d+ z \d+\.$/);
    const link = page.getByRole("link", { name, exact: true }).first();
    await Promise.all([page.waitForURL(/\/rejestr\/[^/?]+$/), link.click()]);

    await visit(page, new URL(page.url()).pathname);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toContain(surname);
    const details = await page.locator("dl.details").innerText();
    expect(details).toMatch(/Wyróżnienie/);
    expect(details).toMatch(/Data nadania/);
    expect(await page.title()).toContain("rejestr wyróżnień Krakowa");
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(surname);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/\/rejestr\/[^/]+$/);
  });

  test("open data: the CSV and JSON links carry the filter; a permalink's JSON-LD carries the CSP nonce and parses", async () => {
    const page = await session.newPage({ signedInAs: null, javaScriptEnabled: false });
    await visit(page, "/rejestr?honour=HONORIS_GRATIA");
    expect(await page.getByRole("link", { name: "pobierz CSV" }).getAttribute("href")).toBe("/rejestr.csv?honour=HONORIS_GRATIA");
    expect(await page.getByRole("link", { name: "pobierz JSON" }).getAttribute("href")).toBe("/rejestr.json?honour=HONORIS_GRATIA");
    const json = (await (await fetch(`${baseURL()}/rejestr.json?honour=HONORIS_GRATIA`)).json()) as { wyroznienia: { wyroznienie: string; adres: string }[] };
    expect(json.wyroznienia.length).toBeGreaterThan(0);
    expect(new Set(json.wyroznienia.map((w) => w.wyroznienie))).toEqual(new Set(["Odznaka „Honoris Gratia”"]));

    const permalink = new URL(json.wyroznienia[0]!.adres).pathname;
    const res = await fetch(`${baseURL()}${permalink}`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")![1];
    const html = await res.text();
    const block = /<script type="application\/ld\+json" nonce="([^"]+)">([\s\S]*?)<\/script>/.exec(html);
    expect(block, "a JSON-LD block").not.toBeNull();
    expect(block![1]).toBe(nonce);
    const ld = JSON.parse(block![2]!) as Record<string, unknown>;
    expect(ld["@context"]).toBe("https://schema.org");
    expect(["Person", "Organization"]).toContain(ld["@type"]);
    expect(typeof ld.name).toBe("string");
    expect(ld.award).toMatch(/\(\d{4}-\d{2}-\d{2}\)$/);
    // Only that data block: no script the browser would run.
    expect(html.match(/<script/g)).toHaveLength(1);
    const sitemap = await (await fetch(`${baseURL()}/sitemap.xml`)).text();
    expect(sitemap).toContain(`${permalink}</loc>`);
  });

  test("an empty result, an unknown permalink and wild input give pages, not errors", async () => {
    const page = await session.newPage({ signedInAs: null, javaScriptEnabled: false });
    await visit(page, "/rejestr?q=qqqqzzzz");
    expect(await page.locator(".empty-state").innerText()).toContain("Nikt w rejestrze nie pasuje");
    await visit(page, `/rejestr?q=${encodeURIComponent('"%_\\*NEAR(ż')}&page=abc&term=x`);
    await visit(page, "/rejestr/nie-ma-takiego-wpisu", { status: 404 });
    expect(await page.getByRole("link", { name: "Rejestr wyróżnień" }).count()).toBeGreaterThan(0);
  });

  test("the public pages keep the security headers and send no script", async () => {
    for (const path of ["/rejestr?q=rajcic", "/rejestr/nie-ma-takiego-wpisu"]) {
      const res = await fetch(`${baseURL()}${path}`);
      const html = await res.text();
      expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(html).not.toMatch(/<script/i);
    }
  });

  test("many public requests at once are all answered (the server lets a few run at a time)", async () => {
    const paths = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `/rejestr?page=${i}` : i % 3 === 1 ? "/rejestr?q=nowak" : "/rejestr/nie-ma"));
    const statuses = await Promise.all(paths.map(async (p) => (await fetch(`${baseURL()}${p}`)).status));
    expect(statuses).toEqual(paths.map((p) => (p === "/rejestr/nie-ma" ? 404 : 200)));
  });

  test("staff: laureates and reports with CSV links that carry the filter", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp09 });
    await visit(page, "/conferrals?honour=CRACOVIAE_MERENTI");
    expect(await page.getByRole("link", { name: "Eksportuj CSV" }).getAttribute("href")).toBe("/conferrals/export?honour=CRACOVIAE_MERENTI");
    await visit(page, "/reports/quota");
    expect(await page.getByRole("link", { name: "Pobierz CSV" }).getAttribute("href")).toBe("/reports/quota/csv");
    await visit(page, "/reports/years");
    // The chart is an image named by its title and description; its numbers are in the table too.
    expect(await page.getByRole("img", { name: /^Liczba nadań w kolejnych latach/ }).count()).toBe(1);
    expect(await page.locator("table.report-table tbody tr").count()).toBeGreaterThan(0);
    await visit(page, "/nominations?honour=HONORIS_GRATIA&page=2");
    expect(await page.getByRole("link", { name: "Eksportuj CSV" }).getAttribute("href")).toBe("/nominations/export?honour=HONORIS_GRATIA");
  });
});

// KP-09 drafting in the browser: generate the documents from a nomination, edit the
// justification into a new version, compare versions and download the PDF and DOCX.
import { expect, test } from "vitest";
import { describeInBrowser, expectNoAxeViolations, useBrowser, visit } from "./browser";

describeInBrowser("resolution drafts in the browser", () => {
  const session = useBrowser();

  test("generate, edit as a new version, compare and download a draft", async () => {
    const page = await session.newPage();
    await visit(page, "/nominations?honour=CRACOVIAE_MERENTI&q=zdzislaw%20przykladowy");
    await page.locator("table.data-table tbody a").first().click();
    const draftsLink = page.locator(".page-actions").getByRole("link", { name: "Projekty uchwał" });
    await draftsLink.waitFor();
    await visit(page, new URL(page.url()).pathname);
    await draftsLink.click();
    await page.getByRole("heading", { level: 1, name: /^Projekty uchwał:/ }).waitFor();
    await expectNoAxeViolations(page);

    await Promise.all([page.waitForURL(/\/drafts\/[^/]+$/), page.getByRole("button", { name: /Przygotuj projekt uchwały/ }).click()]);
    const draftPath = new URL(page.url()).pathname;
    await visit(page, draftPath);
    const resolution = page.getByRole("article", { name: "projekt uchwały" });
    expect(await resolution.innerText()).toMatch(/w\s+sprawie przyznania \S+ Medalu „Cracoviae Merenti” Profesorowi Zdzisławowi Przykładowemu/);

    const merits = page.getByLabel("Uzasadnienie: zasługi kandydata");
    await merits.fill("Założyciel fikcyjnego chóru.\n\nWieloletni opiekun zabytków Podgórza.");
    await page.getByRole("button", { name: "Zapisz jako wersję 2" }).click();
    await page.getByRole("status").getByText("Zapisano wersję 2 projektu.").waitFor();
    await expectNoAxeViolations(page);
    expect(await page.getByRole("article", { name: "uzasadnienie" }).innerText()).toContain("Wieloletni opiekun zabytków Podgórza.");

    await page.getByRole("link", { name: "Porównaj z wersją 2" }).click();
    await page.getByRole("heading", { name: "Zmiany od wersji 1 do wersji 2" }).waitFor();
    expect((await page.locator(".diff ins").allInnerTexts()).join(" ")).toContain("Wieloletni opiekun zabytków Podgórza.");
    await expectNoAxeViolations(page);

    for (const [format, type] of [
      ["pdf", "application/pdf"],
      ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ] as const) {
      const href = await page.locator(`a[href*="document=RESOLUTION&format=${format}"]`).first().getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe(type);
      expect(res.headers()["content-disposition"]).toMatch(new RegExp(`filename\\*=UTF-8''projekt-uchwaly-.+\\.${format}$`));
      expect((await res.body()).length).toBeGreaterThan(1000);
    }
  });
});

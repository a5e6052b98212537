// The diploma page in the browser: preview, confirmation and printing, with axe on each state.
import { expect, test } from "vitest";
import { describeInBrowser, expectNoAxeViolations, useBrowser, visit } from "./browser";

describeInBrowser("diplomas in the browser", () => {
  const session = useBrowser();

  test("a numbered medal's diploma is previewed, confirmed and printed to PDF", async () => {
    const page = await session.newPage();
    await visit(page, "/nominations?honour=CRACOVIAE_MERENTI&status=NUMBER_ASSIGNED");
    await page.locator("table.data-table tbody a").first().click();
    const diplomaLink = page.getByRole("link", { name: "Dyplom", exact: true });
    await diplomaLink.waitFor();
    await diplomaLink.click();
    await page.getByRole("heading", { level: 1, name: /^Dyplom:/ }).waitFor();
    await visit(page, new URL(page.url()).pathname);
    expect(await page.locator("article.doc-preview").innerText()).toMatch(/Medal „Cracoviae Merenti” nr\s\d+/);

    await page.getByRole("button", { name: "Zatwierdzam tekst" }).click();
    const print = page.getByRole("button", { name: "Drukuj (PDF)" });
    await print.waitFor();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent("download"), print.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  });
});

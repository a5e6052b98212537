// The diploma page in the browser: preview, confirmation and printing, with axe on each state.
import { expect, test } from "vitest";
import { describeInBrowser, expectNoAxeViolations, useBrowser, visit } from "./browser";

describeInBrowser("diplomas in the browser", () => {
  const session = useBrowser();

  test("a numbered medal's diploma is previewed, confirmed and printed to PDF", async () => {
    const page = await session.newPage();
    // A fictional demo laureate (confirmed name forms, demo signatories) whose text waits for
    // confirmation; other tests may have added numbered medals whose forms nobody confirmed yet.
    const hrefs: string[] = [];
    for (const status of ["NUMBER_ASSIGNED", "DIPLOMA_PRINTED"]) {
      await visit(page, `/nominations?honour=CRACOVIAE_MERENTI&status=${status}`);
      hrefs.push(...(await page.locator("table.data-table tbody tr:has(.demo-mark) a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))));
    }
    let ready = false;
    for (const href of hrefs) {
      await page.goto(href);
      await page.getByRole("link", { name: "Dyplom", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: /^Dyplom:/ }).waitFor();
      // Not one another test (the printing desk's) confirmed already.
      if ((await page.locator("article.doc-preview").count()) > 0 && (await page.getByRole("button", { name: "Zatwierdzam tekst" }).count()) > 0) {
        ready = true;
        break;
      }
    }
    expect(ready, "a demo laureate whose diploma can be prepared").toBe(true);
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

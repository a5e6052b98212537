// The printing desk in the browser: two demo laureates' diploma texts are confirmed, then both are
// selected on /diplomas and printed as one PDF (cover sheet + diplomas), with the pending state and
// the result announced; axe-core checks the desk before and after.
import { expect, test } from "vitest";
import { describeInBrowser, expectNoAxeViolations, useBrowser, visit, waitForHydration } from "./browser";

describeInBrowser("the diploma printing desk", () => {
  const session = useBrowser();

  test("two diplomas selected and printed as one PDF, logged as one batch", async () => {
    const page = await session.newPage();
    await visit(page, "/diplomas?stan=todo");
    const rows = await page.locator("table.data-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        id: (tr.querySelector("input[name=conferralId]") as HTMLInputElement | null)?.value ?? "",
        href: tr.querySelector("a")?.getAttribute("href") ?? "",
        state: tr.querySelector("td:nth-child(5)")?.textContent ?? "",
        medal: (tr.querySelector("td:nth-child(3)")?.textContent ?? "").includes("Cracoviae"),
      })),
    );
    // Other honours first: the diploma page's own test needs a numbered medal whose text nobody
    // has confirmed yet, and test files share the demo database in no fixed order.
    rows.sort((a, b) => Number(a.medal) - Number(b.medal));
    // Demo laureates whose texts only wait for a person's confirmation (or are confirmed already).
    const chosen: string[] = [];
    for (const row of rows.filter((r) => /gotowy do druku|nie jest zatwierdzony/.test(r.state))) {
      if (chosen.length === 2) break;
      if (!row.state.includes("gotowy")) {
        await page.goto(row.href);
        const confirm = page.getByRole("button", { name: "Zatwierdzam tekst" });
        if ((await confirm.count()) === 0) continue;
        await confirm.click();
        await page.getByRole("button", { name: /Drukuj/ }).waitFor();
      }
      chosen.push(row.id);
    }
    expect(chosen, "two demo laureates whose diplomas can be printed").toHaveLength(2);

    await visit(page, "/diplomas?stan=todo");
    await waitForHydration(page);
    for (const id of chosen) {
      const row = page.locator(`tr:has(input[value="${id}"])`);
      await expect.poll(() => row.locator("td:nth-child(5)").innerText()).toBe("gotowy do druku");
      await row.locator("input[name=conferralId]").check();
    }
    await page.getByRole("radio", { name: /pełny wydruk/ }).check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Drukuj zaznaczone (jeden PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dyplomy-wybrane-\d{4}-\d{2}-\d{2}-2\.pdf$/);
    await expect.poll(() => page.locator("#batch-status").innerText()).toMatch(/Gotowe: pobrano plik .* \(2 dyplomy\)/);
    await expectNoAxeViolations(page);

    // Both are printed now: they leave the "not printed yet" list and show one print each.
    await visit(page, "/diplomas?stan=printed");
    for (const id of chosen) expect(await page.locator(`tr:has(input[value="${id}"]) td:nth-child(6)`).innerText()).toBe("1×");
  });
});

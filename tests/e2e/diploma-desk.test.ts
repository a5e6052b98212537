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
    // The batch confirms itself in a toast, with the count and a link back to the desk.
    const toast = page.locator("[data-toast=success]");
    await toast
      .locator(".toast__title")
      .filter({ hasText: /^Wydrukowano: 2\s+dyplomy\.$/ })
      .waitFor();
    expect(await toast.innerText()).toMatch(/Plik dyplomy-wybrane-.*\.pdf; wydruk zapisano w rejestrze wydruków\./);
    expect(await toast.getByRole("link", { name: "Wróć do druku dyplomów" }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // Both are printed now: they leave the "not printed yet" list and show one print each.
    await visit(page, "/diplomas?stan=printed");
    for (const id of chosen) expect(await page.locator(`tr:has(input[value="${id}"]) td:nth-child(6)`).innerText()).toBe("1×");
  });
});

describeInBrowser("the diploma desk's rows", () => {
  const session = useBrowser();

  test("a row that is not ready cannot be selected, its preview logs no print, a refusal is numbered once", async () => {
    const page = await session.newPage();
    await visit(page, "/diplomas?stan=all");
    const notReady = page.locator("tbody tr:has(input[name=conferralId][disabled])").first();
    expect(await notReady.count(), "a demo diploma that is not ready").toBe(1);
    const box = notReady.locator("input[name=conferralId]");
    const id = await box.getAttribute("value");
    // Its reason is read with the box.
    const describedBy = await box.getAttribute("aria-describedby");
    expect(await page.locator(`#${describedBy}`).innerText()).not.toBe("gotowy do druku");
    await page.getByLabel("Wszystkie gotowe").check();
    expect(await box.isChecked()).toBe(false);

    // „Podgląd”: the PDF shown inline, and the diploma's print count unchanged.
    const previewable = page.locator("tbody tr:has(a:text-is('Podgląd'))").first();
    const previewHref = await previewable.getByRole("link", { name: /^Podgląd/ }).getAttribute("href");
    const printsBefore = await previewable.locator("td[data-label=Wydruki]").innerText();
    const response = await page.request.get(previewHref!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(/^inline; filename="podglad-/);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await visit(page, "/diplomas?stan=all");
    const sameRow = page.locator(`tbody tr:has(a[href="${previewHref}"])`);
    expect(await sameRow.locator("td[data-label=Wydruki]").innerText()).toBe(printsBefore);

    // A refused batch (as it comes back without JavaScript) lists the rows numbered once, by position.
    await visit(page, `/diplomas?stan=all&zaznaczone=${id}`);
    const item = page.getByRole("alert").locator("ol.refusal-list > li").first();
    expect(await item.getAttribute("value")).toBe("1");
    expect(await item.innerText()).not.toMatch(/^\d+\./);
  });
});

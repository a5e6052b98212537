// Ceremonies in the browser: schedule one, add laureates, reorder them with the keyboard (focus
// stays on the moved laureate), and download the programme; axe on every page visited.
import { expect, test } from "vitest";
import { describeInBrowser, expectNoAxeViolations, expectNoPageErrors, useBrowser, visit, waitForHydration } from "./browser";

describeInBrowser("ceremonies in the browser", () => {
  const session = useBrowser();

  test("schedule a ceremony, add laureates, reorder with the keyboard, download the programme", async () => {
    const page = await session.newPage();
    await visit(page, "/ceremonies");
    await page.getByRole("link", { name: "Zaplanuj uroczystość" }).click();
    await page.getByRole("heading", { level: 1, name: "Nowa uroczystość" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // An end before the start is refused next to the field.
    await page.getByLabel("Rodzaj uroczystości").selectOption("GALA");
    await page.getByLabel("Nazwa").fill("Gala wręczenia Odznak „Honoris Gratia” (test przeglądarki)");
    await page.getByLabel("Data").fill("2027-05-20");
    await page.getByLabel("Początek (godzina)").fill("18:00");
    await page.getByLabel("Koniec (godzina)").fill("17:00");
    await page.getByLabel("Miejsce").selectOption({ label: "ICE Kraków Congress Centre, ul. Marii Konopnickiej 17, 30-302 Kraków" });
    await page.getByRole("button", { name: "Zaplanuj uroczystość" }).click();
    await page.getByText("Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Koniec (godzina)").fill("20:00");
    await Promise.all([page.waitForURL((u) => /^\/ceremonies\/[^/]+$/.test(u.pathname) && u.pathname !== "/ceremonies/new"), page.getByRole("button", { name: "Zaplanuj uroczystość" }).click()]);
    const ceremonyPath = new URL(page.url()).pathname;
    await visit(page, ceremonyPath);

    // Add two laureates waiting for a hand-over (any honour).
    await page.getByRole("button", { name: "Szukaj" }).click();
    await page.getByRole("table", { name: "Laureaci do dodania" }).waitFor();
    await expectNoAxeViolations(page);
    const names: string[] = [];
    for (let i = 0; i < 2; i++) {
      const add = page.getByRole("button", { name: /^Dodaj: / }).first();
      names.push((await add.getAttribute("aria-label"))!.replace(/^Dodaj: /, ""));
      await Promise.all([page.waitForURL(/#dodaj$/), add.click()]);
      await page.getByRole("heading", { level: 3, name: `${i + 1}. ${names[i]}` }).waitFor();
    }
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // Move the first laureate down with the keyboard: the order changes and focus stays on it.
    const down = page.getByRole("button", { name: `Przesuń niżej: ${names[0]}` });
    await down.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: `1. ${names[1]}` }).waitFor();
    await page.getByRole("heading", { level: 3, name: `2. ${names[0]}` }).waitFor();
    // At the bottom "down" is disabled, so focus moves to the same laureate's "up" button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Przesuń wyżej: ${names[0]}`);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: `1. ${names[0]}` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Przesuń niżej: ${names[0]}`);
    expectNoPageErrors(page);

    // The programme: the preview lists the laureates in order; the PDF downloads.
    await visit(page, `${ceremonyPath}/programme`);
    const preview = await page.locator("article.doc-preview").innerText();
    expect(preview.indexOf(names[0]!)).toBeGreaterThan(-1);
    expect(preview.indexOf(names[0]!)).toBeLessThan(preview.indexOf(names[1]!));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Pobierz program (PDF)" }).click()]);
    expect(download.suggestedFilename()).toBe("program-2027-05-20.pdf");

    // The month view shows it.
    await visit(page, "/ceremonies?month=2027-05");
    await page.getByRole("link", { name: /18:00 Gala wręczenia Odznak/ }).waitFor();
  });

  test("admin screens for venues and calendar feeds pass axe", async () => {
    const page = await session.newPage({ signedInAs: "admin@merenti.example" });
    await visit(page, "/admin/venues");
    await visit(page, "/admin/calendar-feeds");
    await page.getByLabel(/Dla kogo/).fill("Kancelaria Rady (test)");
    await page.getByRole("button", { name: "Utwórz adres" }).click();
    await page.getByText(/\/calendar\/[\w-]+\.ics/).waitFor();
    await expectNoAxeViolations(page);
  });
});

// Ceremonies in the browser: schedule one, add laureates, reorder them with the keyboard (focus
// stays on the moved laureate), and download the programme; axe on every page visited.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "#app/utils/db.server";
import { createGala } from "#tests/fixtures/gala";
import { databaseFile, describeInBrowser, expectNoAxeViolations, expectNoPageErrors, useBrowser, visit, waitForHydration } from "./browser";

/** The laureates' names in the table's order. */
const rowNames = (page: Page) => page.locator("table.laureate-table tbody tr strong").allInnerTexts();

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
    await Promise.all([
      page.waitForURL((u) => /^\/ceremonies\/[^/]+$/.test(u.pathname) && u.pathname !== "/ceremonies/new"),
      page.getByRole("button", { name: "Zaplanuj uroczystość" }).click(),
    ]);
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
      // The page confirms the addition (a toast), not „Nie znaleziono laureatów…”.
      await page.getByRole("status").getByText("Dodano laureata do uroczystości.").waitFor();
      await page.getByRole("textbox", { name: `Kto wręcza: ${names[i]}` }).waitFor();
    }
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // Move the first laureate down with the keyboard: the order changes and focus stays on it.
    const down = page.getByRole("button", { name: `Przesuń niżej: ${names[0]}` });
    await down.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rowNames(page)).toEqual([names[1], names[0]]);
    // At the bottom "down" is disabled, so focus moves to the same laureate's "up" button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Przesuń wyżej: ${names[0]}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => rowNames(page)).toEqual([names[0], names[1]]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Przesuń niżej: ${names[0]}`);
    expectNoPageErrors(page);

    // The programme: the preview lists the laureates in order; the PDF downloads.
    await visit(page, `${ceremonyPath}/programme`);
    const preview = await page.locator("article.doc-preview").innerText();
    expect(preview.indexOf(names[0]!)).toBeGreaterThan(-1);
    expect(preview.indexOf(names[0]!)).toBeLessThan(preview.indexOf(names[1]!));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Pobierz program (PDF)" }).click()]);
    expect(download.suggestedFilename()).toBe("program-2027-05-20.pdf");

    // The programme's form (issue 16): add a point, a bad time is refused next to its field, move the point up, save.
    await waitForHydration(page);
    const points = page.locator("table.programme-table tbody tr");
    const before = await points.count();
    await page.getByRole("button", { name: "Dodaj punkt" }).click();
    await expect.poll(() => points.count()).toBe(before + 1);
    const last = before + 1;
    await page.getByLabel(`Punkt ${last}: godzina (GG:MM)`).fill("25:61");
    await page.getByLabel(`Punkt ${last}: treść`).fill("Toast za laureatów");
    await page.getByLabel(`Punkt ${last}: kto zabiera głos`).fill("Prezydent Miasta Krakowa");
    await page.getByRole("button", { name: "Zapisz program" }).click();
    await page.getByText("Godzina w postaci GG:MM, np. 12:05 (albo pusta).").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(`Punkt ${last}: godzina (GG:MM)`).fill("");
    await page.getByRole("button", { name: `Przesuń wyżej punkt ${last}` }).click();
    await expect.poll(() => page.getByLabel(`Punkt ${last - 1}: treść`).inputValue()).toBe("Toast za laureatów");
    await page.getByRole("button", { name: "Zapisz program" }).click();
    await page.getByRole("status").filter({ hasText: "Zapisano program uroczystości." }).waitFor();
    await expect.poll(() => page.locator("article.doc-preview").innerText()).toContain("Toast za laureatów – Prezydent Miasta Krakowa");
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);

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

  test("a gala of 300 laureates: all attendance in 2 actions, ticked rows, drag and drop; every action confirmed", async () => {
    const client = createPrismaClient(`file:${databaseFile()}`);
    const gala = await createGala(client, 300);
    await client.$disconnect();
    const page = await session.newPage({ signedInAs: "protokol@merenti.example" });
    await visit(page, `/ceremonies/${gala.id}`);
    await waitForHydration(page);
    expect(await page.locator("table.laureate-table tbody tr").count()).toBe(300);
    await expectNoAxeViolations(page);

    // Status changes sit behind buttons: the cancel reason is not on the page until asked for.
    expect(await page.getByLabel("Powód").isVisible()).toBe(false);

    // All attendance: choose it, „Ustaw wszystkim” (2 actions).
    await page.getByLabel("Obecność do ustawienia").selectOption("ATTENDS");
    await page.getByRole("button", { name: "Ustaw wszystkim (300)" }).click();
    await page
      .getByRole("status")
      .getByText(/Ustawiono obecność „będzie osobiście”: 300\slaureatów\./)
      .waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("combobox", { name: /^Obecność: / }).evaluateAll((els) => els.every((e) => (e as HTMLSelectElement).value === "ATTENDS"))).toBe(
      true,
    );
    await expectNoAxeViolations(page);

    // Tick all, untick one, set „nieobecny” for the ticked: 299 absent.
    await page.getByRole("checkbox", { name: "Zaznacz wszystkich" }).check();
    await page.getByRole("checkbox", { name: `Zaznacz: ${gala.firstName}` }).uncheck();
    await page.getByLabel("Obecność do ustawienia").selectOption("ABSENT");
    await page.getByRole("button", { name: "Ustaw zaznaczonym (299)" }).click();
    await page
      .getByRole("status")
      .getByText(/Ustawiono obecność „nieobecny”: 299\slaureatów\./)
      .waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("combobox", { name: `Obecność: ${gala.firstName}` }).inputValue()).toBe("ATTENDS");

    // Drag the first laureate onto the third: the order is saved at once.
    const before = (await rowNames(page)).slice(0, 3);
    await page.getByRole("button", { name: `Przeciągnij: ${before[0]}` }).dragTo(page.locator("table.laureate-table tbody tr").nth(2));
    await page.getByRole("status").getByText("Zapisano listę laureatów.").waitFor();
    await waitForHydration(page);
    await expect.poll(async () => (await rowNames(page)).slice(0, 3)).toEqual([before[1], before[2], before[0]]);

    expectNoPageErrors(page);
  }, 240_000);
});

// The settings screen in a real browser: the demo admin reaches it from the menu, jumps to the
// Mayor's section, adds a (fictional, historical) Mayor with the keyboard alone, is told in Polish
// that the period overlaps the next Mayor's, corrects it and sees the new row; axe-core checks every
// page state on the way. Anchors let other pages link straight to a key or an office.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_USERS, describeInBrowser, expectNoAxeViolations, expectNoPageErrors, focusedLabel, tabTo, useBrowser, visit, waitForHydration } from "./browser";

const HISTORICAL = { name: "Helena Dawna (dane testowe)", from: "2014-12-01" };

/**
 * The digits to type into a focused date input for `iso`. Chromium orders the day, month and
 * year fields by its own interface language, not the page's locale: the order is found once
 * with a throwaway input, so the test types dates the way a user of that browser would.
 */
async function dateTyper(page: Page): Promise<(iso: string) => string> {
  await page.evaluate(() => {
    const probe = document.createElement("input");
    probe.type = "date";
    probe.id = "date-order-probe";
    document.body.append(probe);
  });
  await page.focus("#date-order-probe");
  await page.keyboard.type("01022003");
  const value = await page.evaluate(() => {
    const probe = document.getElementById("date-order-probe") as HTMLInputElement;
    probe.remove();
    return probe.value;
  });
  const order = value === "2003-02-01" ? "DMY" : value === "2003-01-02" ? "MDY" : null;
  if (!order) throw new Error(`Unknown date field order: typing 01022003 gave "${value}"`);
  return (iso) => {
    const [y, m, d] = iso.split("-");
    return order === "DMY" ? `${d}${m}${y}` : `${m}${d}${y}`;
  };
}

describeInBrowser("settings: dated values and signatories", () => {
  const session = useBrowser();

  test("the admin adds a signatory with the keyboard, with a Polish overlap error on the way", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.admin });
    await visit(page, "/");

    // From the menu to the screen, by keyboard.
    await tabTo(page, "Ustawienia");
    await Promise.all([page.waitForURL(/\/admin\/settings$/), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "Ustawienia" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    // Every key has its section; the demo Mayor in office today is marked in words.
    for (const id of [
      "legalBasis.CRACOVIAE_MERENTI",
      "legalBasis.HONORARY_CITIZENSHIP",
      "legalBasis.ORDINANCE",
      "clause.execution",
      "clause.entryIntoForce",
      "rules.CRACOVIAE_MERENTI",
    ]) {
      expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    }
    const mayor = page.locator('[id="signatory-MAYOR"]');
    const current = mayor.locator("tr.settings-row--current");
    expect(await current.innerText()).toContain("Jan Przykładowy (dane demonstracyjne)");
    expect(await current.innerText()).toContain("obowiązuje dziś");

    // The table of contents jumps to the Mayor's section; the next Tab stops are inside it.
    await tabTo(page, "Sygnatariusz: Prezydent Miasta Krakowa");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#signatory-MAYOR");
    await tabTo(page, /^Dodaj osobę\s*: Prezydent Miasta Krakowa$/, { max: 12 });
    await Promise.all([page.waitForURL(/\/admin\/settings\/signatories\/new\?office=MAYOR$/), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "Nowy sygnatariusz" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    const dateDigits = await dateTyper(page);
    expect(await page.getByLabel("Urząd").inputValue()).toBe("MAYOR");
    expect(await page.getByLabel("Tytuł pod podpisem").inputValue()).toBe("Prezydent Miasta Krakowa");

    await tabTo(page, "Imię i nazwisko");
    await page.keyboard.type(HISTORICAL.name);
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Tytuł pod podpisem");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Od dnia");
    await page.keyboard.type(dateDigits(HISTORICAL.from));
    expect(await page.getByLabel(/^Od dnia/).inputValue()).toBe(HISTORICAL.from);
    // The last day typed is the first day of the next (demo) Mayor: an overlap.
    await tabTo(page, "Do dnia (opcjonalnie)");
    await page.keyboard.type(dateDigits("2018-11-21"));
    expect(await page.getByLabel("Do dnia (opcjonalnie)").inputValue()).toBe("2018-11-21");
    await tabTo(page, "Dodaj sygnatariusza");
    await page.keyboard.press("Enter");

    const error = page.getByText(
      "Ten okres nakłada się na okres innej osoby na tym stanowisku (Tadeusz Zmyślony (dane demonstracyjne), od 21.11.2018 do 06.05.2024).",
      { exact: false },
    );
    await error.waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/settings/signatories/new");
    const validTo = page.getByLabel("Do dnia (opcjonalnie)");
    expect(await validTo.getAttribute("aria-invalid")).toBe("true");
    expect(await validTo.getAttribute("aria-describedby")).toContain(`${await validTo.getAttribute("id")}-error`);
    // What was typed is kept.
    expect(await page.getByLabel("Imię i nazwisko").inputValue()).toBe(HISTORICAL.name);
    expect(await page.getByLabel(/^Od dnia/).inputValue()).toBe(HISTORICAL.from);
    // The refusal is the form's data request answered 400, which Chromium logs as a failed load.
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !/status of 400/.test(p)));
    expectNoPageErrors(page);
    await expectNoAxeViolations(page);

    // Focus went to the field in error: the day before the next Mayor fixes it.
    expect(await focusedLabel(page)).toBe("Do dnia (opcjonalnie)");
    await page.keyboard.type(dateDigits("2018-11-20"));
    expect(await validTo.inputValue()).toBe("2018-11-20");
    await tabTo(page, "Dodaj sygnatariusza");
    await Promise.all([page.waitForURL(/\/admin\/settings#signatory-MAYOR$/), page.keyboard.press("Enter")]);
    // The confirmation is a toast (kept in the session, not in the address).
    await page.locator("[data-toast=success] .toast__title").filter({ hasText: "Dodano sygnatariusza." }).waitFor();
    const added = mayor.getByRole("row").filter({ hasText: HISTORICAL.name });
    const text = await added.innerText();
    expect(text).toContain("od 01.12.2014 do 20.11.2018");
    expect(text).toContain("zakończona");
    expect(text).toContain("Prezydent Miasta Krakowa");
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);

    // The edit and the delete confirmation pages of the new row pass axe too.
    await added.getByRole("link", { name: /^Zmień lub zakończ/ }).click();
    await page.getByRole("heading", { level: 1, name: `Sygnatariusz: ${HISTORICAL.name}` }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Usuń…" }).click();
    await page.getByRole("heading", { level: 1, name: "Usunąć sygnatariusza?" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
  });

  test("an anchor opens the screen at a key's section", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.admin });
    await visit(page, "/admin/settings#legalBasis.CRACOVIAE_MERENTI");
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("legalBasis.CRACOVIAE_MERENTI");
    await visit(page, "/admin/settings/values/new?key=legalBasis.CRACOVIAE_MERENTI");
    await page.getByRole("heading", { level: 1, name: /^Nowa wartość: Podstawa prawna uchwały o przyznaniu Medalu/ }).waitFor();
  });

  test("a reader has no menu entry and gets 403", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.reader });
    await visit(page, "/");
    expect(await page.getByRole("navigation", { name: "Główne menu" }).getByRole("link", { name: "Ustawienia" }).count()).toBe(0);
    await visit(page, "/admin/settings", { status: 403 });
  });
});

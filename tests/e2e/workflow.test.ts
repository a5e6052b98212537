// The workflow in a real browser, as the demo KP-09 specialist: the dashboard's deadlines, the
// boards per honour, and a Cracoviae Merenti nomination taken from the form through every step
// to an adopted resolution and a medal number, the first step opened from the board with the
// keyboard. axe-core checks every page on the way (visit() and after each client navigation).
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { statusesOf } from "#app/domain/workflow";
import { describeInBrowser, expectNoAxeViolations, expectNoPageErrors, tabTo, useBrowser, visit, waitForHydration, type TrackedPage } from "./browser";

const DETAIL_PATH = /\/nominations\/(?!new$)[^/?#]+$/;
const RECEIVED_ON = "2026-03-10";
/** Adopted in term IX (from 7 May 2024), in 2026 as the number's year says. */
const RESOLUTION = {
  number: "XLV/1777/26",
  date: "2026-06-15",
  text: /uchwała nr XLV\/1777\/26 Rady Miasta Krakowa z dnia 15 czerwca 2026\s+r\. \(IX kadencja\)/,
};

/** Letters only, so the name passes the form and is unique in the demo register. */
function uniqueSurname(): string {
  const letters = "abcdefghijklmnoprstuwyz";
  let tail = "";
  for (let i = 0; i < 6; i++) tail += letters[Math.floor(Math.random() * letters.length)];
  return `Tablicowa-${tail[0]!.toUpperCase()}${tail.slice(1)}`;
}

const main = (page: Page) => page.locator("main");

/** The "Następny krok" link of this label on the nomination page: it must be offered. */
async function stepHref(page: Page, label: string): Promise<string> {
  const link = page.locator("section[aria-labelledby=kroki]").getByRole("link", { name: label, exact: true });
  expect(await link.count(), `step „${label}” offered on ${page.url()}`).toBe(1);
  return (await link.getAttribute("href"))!;
}

/** Opens a step form with visit() (axe included), lets `fill` complete it and submits it. */
async function takeStep(page: TrackedPage, detail: string, label: string, fill: () => Promise<void> = async () => undefined) {
  const href = await stepHref(page, label);
  expect(href).toMatch(new RegExp(`^${detail}/step/[A-Z_]+$`));
  await visit(page, href);
  expect((await page.getByRole("heading", { level: 1 }).innerText()).trim()).toBe(label);
  await fill();
  await Promise.all([page.waitForURL((url) => url.pathname === detail), page.getByRole("button", { name: label, exact: true }).click()]);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  expectNoPageErrors(page);
}

const statusText = async (page: Page) => (await page.locator(".details .status").first().innerText()).trim();

describeInBrowser("the workflow in the browser", () => {
  const session = useBrowser();

  test("the dashboard lists what is due and links to a board per honour; boards are accessible", async () => {
    const page = await session.newPage();
    await visit(page, "/");
    const deadlines = page.locator("section[aria-labelledby=terminy]");
    await deadlines.getByRole("heading", { level: 2, name: "Najbliższe terminy" }).waitFor();
    // The demo data has a Honoris Gratia application verified months ago and a medal nomination
    // formally complete: one overdue, one waiting for the Commission.
    expect(await deadlines.locator(".empty-state").count()).toBe(0);
    const hg = deadlines.locator("section[aria-labelledby=terminy-hg]");
    expect(await hg.getByRole("heading", { level: 4 }).first().innerText()).toMatch(/^Po terminie: \d+$/);
    expect(await hg.getByRole("list").first().getByRole("link").first().getAttribute("href")).toMatch(DETAIL_PATH);
    const cm = deadlines.locator("section[aria-labelledby=terminy-cm]");
    const cmAll = cm.getByRole("link", { name: /^Wszystkie czekające na Komisję Medalu: \d+$/ });
    expect(await cmAll.getAttribute("href")).toBe("/nominations?honour=CRACOVIAE_MERENTI&status=FORMALLY_COMPLETE");

    for (const [honour, label] of [
      ["CRACOVIAE_MERENTI", "Medal „Cracoviae Merenti”"],
      ["HONORARY_CITIZENSHIP", "Honorowe Obywatelstwo"],
      ["HONORIS_GRATIA", "Odznaka „Honoris Gratia”"],
    ] as const) {
      const link = page.getByRole("link", { name: `Tablica wniosków — ${label}`, exact: true });
      expect(await link.getAttribute("href")).toBe(`/board/${honour}`);
      await visit(page, `/board/${honour}`);
      expect((await page.getByRole("heading", { level: 1 }).innerText()).trim()).toBe(`Tablica: ${label}`);
      const region = page.getByRole("region", { name: `Etapy wniosków: ${label}` });
      expect(await region.getAttribute("tabindex")).toBe("0");
      // A heading per column, a list per non-empty column, the current board marked in the switcher.
      const headings = await region.getByRole("heading", { level: 2 }).allInnerTexts();
      expect(headings).toHaveLength(statusesOf(honour).length);
      for (const h of headings) expect(h).toMatch(/^\S.* \(\d+\)$/);
      expect(await region.locator("ul.board-cards").count()).toBeGreaterThan(0);
      expect(await page.getByRole("navigation", { name: "Tablice wyróżnień" }).locator("[aria-current=page]").innerText()).toBe(
        label.replace(/^(Medal|Odznaka) /, "").replace(/[„”]/g, ""),
      );
      await visit(page, "/");
    }

    // The menu's „Tablica” opens KP-09's board; an unknown honour is the Polish 404 page.
    await page.getByRole("navigation", { name: "Główne menu" }).getByRole("link", { name: "Tablica", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/board/CRACOVIAE_MERENTI");
    await page.getByRole("heading", { level: 1, name: "Tablica: Medal „Cracoviae Merenti”" }).waitFor();
    await expectNoAxeViolations(page);
    await visit(page, "/board/NIEZNANE", { status: 404 });
    expect(await main(page).innerText()).toContain("Nie ma tablicy dla takiego wyróżnienia.");
  });

  test("a bronze medal nomination from the form to an adopted resolution and a medal number, the first step by keyboard from the board", async () => {
    const page = await session.newPage();
    const surname = uniqueSurname();
    const fullName = `Teodora ${surname}`;

    // 1. Registered through the form.
    await visit(page, "/nominations/new");
    await page.getByRole("combobox", { name: "Wyróżnienie", exact: true }).selectOption({ label: "Medal „Cracoviae Merenti”" });
    await page.getByRole("combobox", { name: "Wnioskowana klasa medalu", exact: true }).selectOption({ label: "brązowy" });
    await page.getByRole("textbox", { name: "Imiona", exact: true }).fill("Teodora");
    await page.getByRole("textbox", { name: "Nazwisko", exact: true }).fill(surname);
    await page.getByRole("combobox", { name: "Rodzaj gramatyczny", exact: true }).selectOption({ label: "żeński" });
    await page.getByRole("textbox", { name: "Wnioskodawca 1: nazwa lub imię i nazwisko", exact: true }).fill("Towarzystwo Przyjaciół Tablic");
    // Received before the dates of the later steps, whatever day the test runs: the workflow refuses an act dated before receipt.
    await page.getByLabel("Data wpływu").fill(RECEIVED_ON);
    await Promise.all([page.waitForURL(DETAIL_PATH), page.getByRole("button", { name: "Zapisz wniosek" }).click()]);
    const detail = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: `Wniosek: ${fullName}` }).waitFor();
    expect(await statusText(page)).toBe("wpłynął");

    // 2. On the board, in the „Wpłynął” column, with its steps as links.
    await visit(page, "/board/CRACOVIAE_MERENTI");
    const receivedList = page.getByRole("list", { name: /^Wpłynął \(\d+\)$/ });
    const card = receivedList.getByRole("listitem").filter({ has: page.getByRole("link", { name: fullName, exact: true }) });
    expect(await card.count()).toBe(1);
    expect(await card.innerText()).toContain("brązowy");
    const steps = card.getByRole("list", { name: `Kroki: ${fullName}` }).getByRole("link");
    expect(await steps.evaluateAll((links) => links.map((a) => [a.getAttribute("aria-label"), a.getAttribute("href")]))).toEqual([
      [`Potwierdź kompletność formalną: ${fullName}`, `${detail}/step/FORMALLY_COMPLETE?returnTo=%2Fboard%2FCRACOVIAE_MERENTI`],
      [`Wezwij do uzupełnienia: ${fullName}`, `${detail}/step/COMPLETION_REQUESTED?returnTo=%2Fboard%2FCRACOVIAE_MERENTI`],
      [`Wycofaj wniosek: ${fullName}`, `${detail}/step/WITHDRAWN?returnTo=%2Fboard%2FCRACOVIAE_MERENTI`],
    ]);

    // The steps lead back to the board (Anuluj, and the confirmation's link): the user started there.
    // 3. Keyboard only: from the card's name, Tab to its first step, Enter, Tab to the button, Enter.
    await card.getByRole("link", { name: fullName, exact: true }).focus();
    await tabTo(page, `Potwierdź kompletność formalną: ${fullName}`, { max: 5 });
    await Promise.all([page.waitForURL((url) => url.pathname === `${detail}/step/FORMALLY_COMPLETE`), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "Potwierdź kompletność formalną" }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, "Potwierdź kompletność formalną", { max: 60 });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
    await Promise.all([page.waitForURL((url) => url.pathname === detail), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: `Wniosek: ${fullName}` }).waitFor();
    await expect.poll(() => statusText(page)).toBe("kompletny formalnie");
    await expectNoAxeViolations(page);

    // 4. The Medal Commission's opinion, with the class.
    await takeStep(page, detail, "Zapisz pozytywną opinię Komisji Medalu", async () => {
      await page.getByLabel("Data opinii").fill("2026-05-20");
      await page.getByRole("combobox", { name: "Klasa medalu w opinii Komisji" }).selectOption({ label: "brązowy" });
    });
    expect(await statusText(page)).toBe("opinia pozytywna");

    // 5. The draft resolution prepared.
    await takeStep(page, detail, "Oznacz projekt uchwały jako przygotowany");
    expect(await statusText(page)).toBe("projekt uchwały przygotowany");

    // 6. Forwarded to the Council by the Mayor's ordinance.
    await takeStep(page, detail, "Przekaż Radzie Miasta (zarządzenie Prezydenta)", async () => {
      await page.getByLabel("Data zarządzenia Prezydenta").fill("2026-06-01");
      await page.getByRole("textbox", { name: "Numer zarządzenia Prezydenta (np. 1234/2026)" }).fill("1777/2026");
    });
    expect(await statusText(page)).toBe("przekazany Radzie Miasta");

    // 7. Adopted, within term IX's bronze limit: this file's own copy of the demo data has room
    // (the limit and its raise are covered in tests/integration/workflow.test.ts).
    const adopt = await stepHref(page, "Zapisz podjęcie uchwały");
    await visit(page, adopt);
    await page.getByLabel("Data podjęcia uchwały").fill(RESOLUTION.date);
    await page.getByRole("textbox", { name: "Numer uchwały (np. XCIII/610/26)" }).fill(RESOLUTION.number);
    await page.getByRole("textbox", { name: "Za", exact: true }).fill("38");
    await Promise.all([page.waitForURL((url) => url.pathname === detail), page.getByRole("button", { name: "Zapisz podjęcie uchwały", exact: true }).click()]);
    await page.getByRole("heading", { level: 1, name: `Wniosek: ${fullName}` }).waitFor();
    await expect.poll(() => statusText(page)).toBe("uchwała podjęta");
    await expectNoAxeViolations(page);
    const conferral = page.locator("section[aria-labelledby=nadanie]");
    expect(await conferral.innerText()).toMatch(RESOLUTION.text);
    expect(await conferral.getByText("Numer", { exact: true }).count()).toBe(0);

    // 8. The medal number, once.
    await takeStep(page, detail, "Nadaj numer medalu");
    expect(await statusText(page)).toBe("nadano numer medalu");
    const text = await conferral.innerText();
    expect(text).toMatch(RESOLUTION.text);
    const number = await conferral
      .locator("dt", { hasText: /^Numer$/ })
      .locator("xpath=following-sibling::dd[1]")
      .innerText();
    expect(number).toMatch(/^[1-9]\d*$/);
    // Not offered again; the next status follows the diploma's print, not a step (issue 16).
    expect(await page.locator("section[aria-labelledby=kroki]").getByRole("link", { name: "Nadaj numer medalu" }).count()).toBe(0);
    expect(
      await page
        .locator("section[aria-labelledby=kroki]")
        .getByRole("link", { name: /dyplom/i })
        .count(),
    ).toBe(0);

    // 9. A full reload shows the same, and the board has the card in its new column.
    await visit(page, detail);
    expect(await page.locator("section[aria-labelledby=nadanie]").innerText()).toMatch(RESOLUTION.text);
    await visit(page, "/board/CRACOVIAE_MERENTI");
    const numbered = page.getByRole("list", { name: /^Nadano numer medalu \(\d+\)$/ });
    expect(await numbered.getByRole("link", { name: fullName, exact: true }).count()).toBe(1);
    expect(
      await page
        .getByRole("list", { name: /^Wpłynął \(\d+\)$/ })
        .getByRole("link", { name: fullName, exact: true })
        .count(),
    ).toBe(0);
  });
});

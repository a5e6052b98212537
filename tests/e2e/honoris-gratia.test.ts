// The Honoris Gratia desk in a real browser, as the demo KP-04 clerk, using only the keyboard:
// three applications entered one after another (Enter saves and opens the next entry with the
// applicant kept), then verified and granted in bulk from the list, assigned to a new gala (the
// batch hand-over) and all marked attending on its page; an application refused in bulk and its
// letter downloaded from the refusals page; with axe-core on every page.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { addDays, todayIso } from "#app/domain/polish-dates";
import {
  DEMO_USERS,
  describeInBrowser,
  expectNoAxeViolations,
  expectNoPageErrors,
  focusedLabel,
  tabTo,
  useBrowser,
  visit,
  waitForHydration,
  type TrackedPage,
} from "./browser";

function uniqueSurname(): string {
  const letters = "abcdefghijklmnoprstuwyz";
  let tail = "";
  for (let i = 0; i < 6; i++) tail += letters[Math.floor(Math.random() * letters.length)];
  return `Klawiszowy${tail}`;
}

/** After a keyboard submission: the new address, hydrated, accessible, without script errors. */
async function settle(page: TrackedPage, url: (u: URL) => boolean) {
  await page.waitForURL(url);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  expectNoPageErrors(page);
}

async function typeLaureate(page: Page, givenNames: string, surname: string) {
  await page.keyboard.type(givenNames);
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toMatch(/^Laureat 1: nazwisko/);
  await page.keyboard.type(surname);
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toMatch(/^Laureat 1: rodzaj gramatyczny/);
  await page.keyboard.press("m"); // type-ahead: "męski"
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe("MASCULINE");
  await tabTo(page, "Laureat 1: miejscowość", { max: 3 });
  await page.keyboard.type("Kraków");
}

// How many times ArrowDown moves from the first bulk action (verify) to each one.
const ACTION_STEPS = { verify: 0, grant: 2, refuse: 3 } as const;

/** From the list, every matching row selected, the action chosen, „Dalej”: the confirmation page. */
async function openBulk(page: TrackedPage, listPath: string, action: keyof typeof ACTION_STEPS, count: number) {
  await visit(page, listPath);
  expect(await page.locator("main tbody tr").count()).toBe(count);
  await tabTo(page, `Zaznacz wszystkie pasujące do filtra (${count})`, { max: 60 });
  await page.keyboard.press("Space");
  await tabTo(page, "Czynność", { max: 3 });
  for (let i = 0; i < ACTION_STEPS[action]; i++) await page.keyboard.press("ArrowDown");
  await tabTo(page, "Dalej: pokaż, co się zmieni", { max: 3 });
  await page.keyboard.press("Enter");
  await settle(page, (u) => u.pathname === "/hg/bulk");
}

/** On the confirmation page: the decision's fields, „Potwierdzam”, and the toast that says what was done. */
async function confirmBulk(page: TrackedPage, action: keyof typeof ACTION_STEPS, count: number, done: RegExp) {
  // The confirmation lists what will change.
  expect(await page.locator("main table tbody tr").count()).toBe(count);
  if (action === "grant") {
    await tabTo(page, "Numer zarządzenia (decyzji) Prezydenta", { max: 60 });
    await page.keyboard.type(`${Math.floor(Math.random() * 900000) + 100000}/${todayIso().slice(0, 4)}`);
  }
  if (action === "refuse") {
    await tabTo(page, "Powód odmowy", { max: 60 });
    await page.keyboard.type("Zasługi nie zostały udokumentowane.");
  }
  await tabTo(page, /^Potwierdzam:/, { max: 60 });
  await page.keyboard.press("Enter");
  await page.locator("[data-toast=success] .toast__title").filter({ hasText: done }).waitFor();
  expect(await page.locator("[data-toast]").getByRole("link", { name: "Wróć do wniosków" }).count()).toBe(1);
  await expectNoAxeViolations(page);
  expectNoPageErrors(page);
}

async function bulk(page: TrackedPage, listPath: string, action: keyof typeof ACTION_STEPS, done: RegExp, count = 3) {
  await openBulk(page, listPath, action, count);
  await confirmBulk(page, action, count, done);
}

describeInBrowser("the Honoris Gratia desk in the browser", () => {
  const session = useBrowser();

  test("three applications entered with the keyboard only, verified and granted in bulk, then assigned to a new gala and marked attending", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp04 });
    const surname = uniqueSurname();
    await visit(page, "/hg/new");

    // The first field has the focus on load: no Tab before typing.
    expect(await focusedLabel(page)).toMatch(/^Kanał/);
    // The date is one field (one tab stop): typed the Polish way, then the ISO way.
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toMatch(/^Data wpływu/);
    const received = addDays(todayIso(), -3);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(received.split("-").reverse().join("."));
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toMatch(/^Znak sprawy/);
    await page.keyboard.type("KP-04.0012.900.2026");
    await tabTo(page, "Wnioskodawca: nazwa lub imię i nazwisko", { max: 3 });
    await page.keyboard.type("Towarzystwo Klawiaturowe");
    // The postal address the letters go to (issue 16).
    await tabTo(page, "Ulica i numer", { max: 3 });
    await page.keyboard.type("ul. Klawiszowa 1");
    await page.keyboard.press("Tab");
    await page.keyboard.type("31-004");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kraków");
    await tabTo(page, "Laureat 1: imiona", { max: 5 });
    await typeLaureate(page, "Adam", surname);
    await tabTo(page, "Proponowana data wręczenia", { max: 5 });
    await page.keyboard.type("2099-06-05");
    let previous = page.url();
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.search.includes("after=") && u.href !== previous);
    await page
      .getByRole("status")
      .filter({ hasText: `Zapisano wniosek: Adam ${surname}` })
      .waitFor();
    // Both dates were read: the next entry shows them the Polish way.
    expect(await page.getByLabel("Data wpływu").inputValue()).toBe(received.split("-").reverse().join("."));
    expect(await page.getByLabel("Proponowana data wręczenia").inputValue()).toBe("05.06.2099");

    // The next two: the applicant is kept and the focus waits in the laureate's first field.
    for (const given of ["Bartosz", "Cyprian"]) {
      expect(await focusedLabel(page)).toMatch(/^Laureat 1: imiona/);
      expect(await page.getByLabel("Wnioskodawca: nazwa lub imię i nazwisko").inputValue()).toBe("Towarzystwo Klawiaturowe");
      await typeLaureate(page, given, surname);
      previous = page.url();
      await page.keyboard.press("Enter");
      await settle(page, (u) => u.search.includes("after=") && u.href !== previous);
      await page
        .getByRole("status")
        .filter({ hasText: `Zapisano wniosek: ${given} ${surname}` })
        .waitFor();
    }

    // Granted straight from „wpłynął”: the page says they must be verified first and offers both steps in one run.
    const listPath = `/hg?status=all&q=${surname.toLowerCase()}`;
    await openBulk(page, listPath, "grant", 3);
    await page.getByText("3\u00a0wnioski mają status „wpłynął”: przed przyznaniem odznaki trzeba je zweryfikować.").waitFor();
    await tabTo(page, "Zweryfikuj i przyznaj w jednym przebiegu", { max: 40 });
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.searchParams.get("verifyFirst") === "on");
    await confirmBulk(page, "grant", 3, /^Przyznano odznakę: 3\s+wnioski\.$/);
    // The summary shows the badge numbers given.
    expect(
      await page
        .locator("main li")
        .filter({ hasText: /wpłynął → zweryfikowany → przyznano, odznaka nr \S+/ })
        .count(),
    ).toBe(3);
    const decision = page.getByRole("link", { name: "Decyzja Prezydenta i pisma do wnioskodawców" });
    const href = await decision.getAttribute("href");
    expect(href).toMatch(/^\/hg\/decisions\/[^/]+$/);
    await visit(page, href!);
    await page.getByRole("heading", { level: 1, name: /^Zarządzenie nr \d+\/2026$/ }).waitFor();

    // On the list, the three are granted with badge numbers.
    await visit(page, listPath);
    const rows = page.locator("main tbody tr");
    expect(await rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(await rows.nth(i).locator("td").nth(4).innerText()).toBe("przyznano");
      expect(await rows.nth(i).locator("td").last().innerText()).toMatch(/^\d+/);
    }

    // The batch hand-over: the three granted go to a new gala, chosen from the keyboard.
    await tabTo(page, "Zaznacz wszystkie pasujące do filtra (3)", { max: 60 });
    await page.keyboard.press("Space");
    await tabTo(page, "Przekaż przyznane do wręczenia…", { max: 5 });
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.pathname === "/hg/handover");
    expect(await page.locator("main table tbody tr").count()).toBe(3);
    await tabTo(page, /^istniejąca/, { max: 60 });
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /^nowa/ }).isChecked()).toBe(true);
    await tabTo(page, "Rodzaj uroczystości", { max: 3 });
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe("GALA");
    await tabTo(page, "Nazwa", { max: 3 });
    await page.keyboard.press("Control+A"); // replaces a name proposed by the applications, if any
    await page.keyboard.type(`Gala ${surname}`);
    await tabTo(page, /^Data$/, { max: 3 });
    await page.locator(":focus").fill("2027-05-20");
    await tabTo(page, /^Potwierdzam: przekaż do wręczenia \(3\)/, { max: 30 });
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Dodano laureatów: 3" }).waitFor();
    await expectNoAxeViolations(page);
    await tabTo(page, /^Otwórz uroczystość/, { max: 60 });
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.pathname.startsWith("/ceremonies/"));
    await page.getByRole("heading", { level: 1, name: `Gala ${surname}` }).waitFor();
    expect(await page.locator("table.laureate-table > tbody > tr").count()).toBe(3);
    // All three attend: choose the attendance, then „Ustaw wszystkim” (2 actions).
    await page.getByLabel("Obecność do ustawienia").selectOption("ATTENDS");
    await Promise.all([page.waitForLoadState("networkidle"), page.getByRole("button", { name: "Ustaw wszystkim (3)" }).click()]);
    await expect
      .poll(() => page.getByRole("combobox", { name: /^Obecność: / }).evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)), { timeout: 15_000 })
      .toEqual(["ATTENDS", "ATTENDS", "ATTENDS"]);
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
  });

  test("an application refused in bulk, then the letter to its applicant downloaded from the refusals page, with the keyboard only", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp04 });
    const surname = uniqueSurname();
    await visit(page, "/hg/new");
    await tabTo(page, "Wnioskodawca: nazwa lub imię i nazwisko", { max: 40 });
    await page.keyboard.type("Towarzystwo Odmowne");
    await tabTo(page, "Laureat 1: imiona", { max: 8 });
    await typeLaureate(page, "Edward", surname);
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.search.includes("after="));
    await page
      .getByRole("status")
      .filter({ hasText: `Zapisano wniosek: Edward ${surname}` })
      .waitFor();

    const listPath = `/hg?status=all&q=${surname.toLowerCase()}`;
    await bulk(page, listPath, "verify", /^Zweryfikowano: 1\s+wniosek\.$/, 1);
    await bulk(page, listPath, "refuse", /^Odmówiono: 1\s+wniosek\.$/, 1);
    await tabTo(page, "Pisma do wnioskodawców o odmowie", { max: 60 });
    await page.keyboard.press("Enter");
    await settle(page, (u) => u.pathname === "/hg/refusals");

    // Nothing chosen: the error stands next to the choice, and nothing is downloaded.
    await tabTo(page, "Pobierz pisma (PDF)", { max: 60 });
    await page.keyboard.press("Enter");
    await page.getByText("Zaznacz co najmniej jedną odmowę albo wszystkie z wybranego okresu.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/hg/refusals");
    await expectNoAxeViolations(page);

    // The form's validation moves the focus to the first checkbox, which may already be this one.
    const row = new RegExp(`^Zaznacz: .*${surname}`);
    if (!row.test(await focusedLabel(page))) await tabTo(page, row, { max: 40 });
    await page.keyboard.press("Space");
    await tabTo(page, "Pobierz pisma (PDF)", { max: 40, shift: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^pisma-odmowa-honoris-gratia-\d{4}-\d{2}-\d{2}\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
  });

  test("the desk's other pages are accessible: stock with a planned batch, statistics with the chart, decisions and the draft, an application", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp04 });
    await visit(page, "/hg/stock?batch=100000");
    await page
      .getByRole("status")
      .filter({ hasText: /^Za mało w magazynie: odznaki — potrzeba 100000/ })
      .waitFor();
    await visit(page, "/hg/stats");
    expect(await page.locator("main svg[role=img] rect").count()).toBeGreaterThan(0);
    await visit(page, "/hg/decisions");
    await visit(page, "/hg/decisions/draft");
    await page.getByRole("heading", { level: 1, name: /^Projekt decyzji Prezydenta/ }).waitFor();
    await visit(page, "/hg/refusals?from=2026-03-10&to=2026-03-01");
    await page.getByText("Koniec okresu nie może być przed jego początkiem.").waitFor();
    await visit(page, "/hg?status=all");
    const application = page.locator("main tbody a[href^='/hg/']").first();
    if (await application.count()) await visit(page, (await application.getAttribute("href"))!);
    // A reader sees the list but not the bulk tools, and may not open the bulk page.
    const reader = await session.newPage({ signedInAs: DEMO_USERS.reader });
    await visit(reader, "/hg");
    expect(await reader.getByRole("button", { name: "Dalej: pokaż, co się zmieni" }).count()).toBe(0);
    await visit(reader, "/hg/bulk?bulkAction=verify", { status: 403 });
  });
});

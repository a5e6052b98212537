// User administration and the audit log in a real browser: the demo admin creates an account
// with the keyboard alone, is told off for a duplicate e-mail, and finds the new account in the
// audit log; axe-core checks every page state on the way.
import { expect, test } from "vitest";
import {
  DEMO_USERS,
  describeInBrowser,
  expectNoAxeViolations,
  expectNoPageErrors,
  focusedLabel,
  signIn,
  tabTo,
  useBrowser,
  visit,
  waitForHydration,
} from "./browser";

const NEW_USER = { name: "Zofia Testowa-Przeglądarkowa", password: "haslo-z-przegladarki-1" };

describeInBrowser("user administration and the audit log", () => {
  const session = useBrowser();

  test("the admin creates a user with the keyboard and sees it in the audit log", async () => {
    const email = `zofia.${Date.now()}@krakow.example`;
    const page = await session.newPage({ signedInAs: DEMO_USERS.admin });

    await visit(page, "/admin/users");
    await page.getByRole("heading", { level: 1, name: "Użytkownicy" }).waitFor();
    const demoAdmin = page.getByRole("row").filter({ hasText: DEMO_USERS.admin });
    expect(await demoAdmin.innerText()).toContain("Administrator");

    // From the list to the form, by keyboard.
    await tabTo(page, "Nowy użytkownik");
    await Promise.all([page.waitForURL(/\/admin\/users\/new$/), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "Nowy użytkownik" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    await tabTo(page, "Adres e-mail");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Imię i nazwisko");
    await page.keyboard.type(NEW_USER.name);
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Hasło początkowe");
    await page.keyboard.type(NEW_USER.password);

    // Submitting without a role: the error is shown next to the roles, in Polish.
    await tabTo(page, "Utwórz konto");
    await page.keyboard.press("Enter");
    await page.getByText("Wybierz co najmniej jedną rolę.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/users/new");
    await expectNoAxeViolations(page);

    // Focus moves to the first role; roles are checkboxes with their Polish names: Space ticks one.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("roleKeys");
    await tabTo(page, "Odczyt");
    await page.keyboard.press("Space");
    expect(await page.getByRole("checkbox", { name: "Odczyt" }).isChecked()).toBe(true);
    await tabTo(page, "Utwórz konto");
    await Promise.all([page.waitForURL(/\/admin\/users\/(?!new)[^/?]+$/), page.keyboard.press("Enter")]);
    await page.locator("[data-toast=success] .toast__title").filter({ hasText: "Konto zostało utworzone." }).waitFor();
    await page.getByRole("heading", { level: 1, name: `Użytkownik: ${NEW_USER.name}` }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Odczyt" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Konto aktywne" }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
    const userPath = new URL(page.url()).pathname;

    // The same address again: a Polish error at the e-mail field, not a crash.
    await visit(page, "/admin/users/new");
    await page.getByLabel("Adres e-mail").fill(email.toUpperCase());
    await page.getByLabel("Imię i nazwisko").fill("Ktoś Inny");
    await page.getByLabel("Hasło początkowe").fill(NEW_USER.password);
    await page.getByRole("checkbox", { name: "Odczyt" }).check();
    await page.getByRole("button", { name: "Utwórz konto" }).click();
    await page.getByText("Użytkownik o tym adresie e-mail już istnieje.").waitFor();
    expect(await page.getByLabel("Adres e-mail").getAttribute("aria-invalid")).toBe("true");
    // The refused submission is the form's data request answered 400, which Chromium logs as a
    // failed load: that answer is the one under test, not an error of the page.
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !/status of 400/.test(p)));
    expectNoPageErrors(page);
    await expectNoAxeViolations(page);

    // The list shows the new account.
    await visit(page, "/admin/users");
    const row = page.getByRole("row").filter({ hasText: email });
    expect(await row.innerText()).toContain(NEW_USER.name);
    expect(await row.innerText()).toContain("Odczyt");

    // The audit log records who created it; the filter narrows to users.
    await visit(page, "/audit");
    await page.getByRole("heading", { level: 1, name: "Dziennik zdarzeń" }).waitFor();
    await page.getByLabel("Rodzaj obiektu").selectOption({ label: "użytkownik" });
    await Promise.all([page.waitForURL(/\/audit\?.*type=User/), page.getByRole("button", { name: "Pokaż" }).click()]);
    const event = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: NEW_USER.name }) })
      .first();
    await event.waitFor();
    const text = await event.innerText();
    expect(text).toContain("Administrator Demonstracyjny");
    expect(text).toContain("utworzenie");
    expect(text).toContain(email);
    expect(text).toContain("Odczyt");
    expect(await event.getByRole("link", { name: NEW_USER.name }).getAttribute("href")).toBe(userPath);
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);

    // The new account works.
    const newcomer = await session.newPage({ signedInAs: null });
    await signIn(newcomer, email, NEW_USER.password);
    expect(new URL(newcomer.url()).pathname).toBe("/");
  });

  test("the audit log and user pages are closed to a reader", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.reader });
    await visit(page, "/audit", { status: 403 });
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Brak uprawnień" }).waitFor();
    await visit(page, "/admin/users", { status: 403 });
  });

  test("the audit log filters and pages work without JavaScript", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp09, javaScriptEnabled: false });
    await visit(page, "/audit?from=2000-01-01&to=2000-01-02&page=abc");
    await page.getByText("Żadne zdarzenie nie pasuje do wybranych kryteriów.").waitFor();
    expect(await page.getByLabel("Od dnia").inputValue()).toBe("2000-01-01");
    await visit(page, "/audit");
    expect(await page.getByRole("table").count()).toBe(1);
  });
});

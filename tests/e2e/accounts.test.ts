// Signing in and out, permissions in the interface, and the pages of one's account, in a real
// browser with axe-core on every page.
import { expect, test } from "vitest";
import { DEMO_USERS, describeInBrowser, signIn, useBrowser, visit } from "./browser";

describeInBrowser("accounts in the browser", () => {
  const session = useBrowser();

  test("an anonymous visit leads to sign-in, which returns to the page asked for", async () => {
    const page = await session.newPage({ signedInAs: null });
    await page.goto("/nominations?honour=HONORIS_GRATIA");
    expect(new URL(page.url()).pathname).toBe("/login");
    await visit(page, page.url().replace(/^https?:\/\/[^/]+/, ""));

    await page.getByLabel("Adres e-mail").fill(DEMO_USERS.kp09);
    await page.getByLabel("Hasło").fill("zle-haslo-123");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await page.getByRole("alert").filter({ hasText: "Nieprawidłowy adres e-mail lub hasło." }).waitFor();
    expect(await page.getByLabel("Adres e-mail").inputValue()).toBe(DEMO_USERS.kp09);

    await page.getByLabel("Hasło").fill("Merenti-demo-2026");
    await Promise.all([page.waitForURL(/\/nominations\?honour=HONORIS_GRATIA$/), page.getByRole("button", { name: "Zaloguj się" }).click()]);
    await page.getByRole("heading", { level: 1, name: "Wnioski" }).waitFor();
  });

  test("KP-04 works on Honoris Gratia only: no Cracoviae Merenti editing, 403 when forced", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp04 });
    await visit(page, "/nominations?honour=CRACOVIAE_MERENTI");
    const firstLink = page.locator("table.data-table tbody a").first();
    const href = (await firstLink.getAttribute("href"))!;
    await visit(page, href);
    expect(await page.getByRole("link", { name: "Edytuj wniosek" }).count()).toBe(0);

    await visit(page, `${href}/edit`, { status: 403 });
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Brak uprawnień" }).waitFor();
    expect(await page.locator(".error-page").innerText()).toContain("rejestrowanie i edycja wniosków o Medal");

    await visit(page, "/nominations/new");
    const honours = await page.getByRole("combobox", { name: "Wyróżnienie", exact: true }).locator("option").allInnerTexts();
    expect(honours).toEqual(["— wybierz —", "Odznaka „Honoris Gratia”"]);
  });

  test("the menu shows what the role may do, and sign-out ends the session", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.reader });
    await visit(page, "/");
    const menu = page.getByRole("navigation", { name: "Główne menu" });
    expect(await menu.getByRole("link").allInnerTexts()).toEqual(["Pulpit", "Wnioski", "Tablica", "Laureaci", "Raporty"]);

    await Promise.all([page.waitForURL(/\/login$/), page.getByRole("button", { name: "Wyloguj" }).click()]);
    await page.goto("/nominations");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  test("changing the password checks the fields in Polish and works", async () => {
    const page = await session.newPage({ signedInAs: null });
    await signIn(page, DEMO_USERS.printing);
    await visit(page, "/account/password");
    await page.getByLabel("Obecne hasło").fill("Merenti-demo-2026");
    await page.getByLabel("Nowe hasło", { exact: true }).fill("nowe-haslo-drukarni-1");
    await page.getByLabel("Powtórz nowe hasło").fill("inne-haslo-drukarni-2");
    await page.getByRole("button", { name: "Zmień hasło" }).click();
    await page.getByText("Hasła nie są takie same.").waitFor();
    await visit(page, "/account/password", { axe: true });

    await page.getByLabel("Obecne hasło").fill("Merenti-demo-2026");
    await page.getByLabel("Nowe hasło", { exact: true }).fill("nowe-haslo-drukarni-1");
    await page.getByLabel("Powtórz nowe hasło").fill("nowe-haslo-drukarni-1");
    await page.getByRole("button", { name: "Zmień hasło" }).click();
    await page.getByRole("status").filter({ hasText: "Hasło zostało zmienione." }).waitFor();

    const again = await session.newPage({ signedInAs: null });
    await signIn(again, DEMO_USERS.printing, "nowe-haslo-drukarni-1");
    expect(new URL(again.url()).pathname).not.toBe("/login");
  });
});

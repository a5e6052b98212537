// Registering, finding and viewing nominations in a real browser, with the keyboard alone, and
// with axe-core checking every page state the tests see.
import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import {
  describeInBrowser,
  expectNoAxeViolations,
  expectNoPageErrors,
  focusedLabel,
  focusOutline,
  tabTo,
  useBrowser,
  visit,
  type TrackedPage,
} from "./browser";

const BOLESLAW = { givenNames: "Bolesław", surname: "Żółkiewski-Ćmielów", full: "Bolesław Żółkiewski-Ćmielów" };
const NOMINATOR = "Towarzystwo Miłośników Historii i Zabytków Krakowa";
const DETAIL_PATH = /\/nominations\/(?!new$)[^/?#]+$/;

/** The control labelled `name` inside the nomination form. */
const control = (page: Page, role: "combobox" | "textbox", name: string) => page.getByRole(role, { name, exact: true });

/** The error text the control points to with aria-describedby (its `-error` element). */
async function errorOf(field: Locator): Promise<string | null> {
  return field.evaluate((el) => {
    const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id.endsWith("-error"));
    const error = ids.length ? document.getElementById(ids[0]!) : null;
    if (!error) return null;
    // "Next to the field": the message lives in the same .field block as the control.
    if (error.closest(".field") !== el.closest(".field")) return `(not next to the field) ${error.textContent}`;
    return error.textContent;
  });
}

async function headingText(page: Page): Promise<string> {
  return (await page.getByRole("heading", { level: 1 }).innerText()).trim();
}

async function waitForHeading(page: Page, text: string) {
  await page.getByRole("heading", { level: 1 }).filter({ hasText: text }).waitFor();
}

describeInBrowser("nominations in the browser", () => {
  const session = useBrowser();
  /** Set by the first test: the path of the nomination it creates, used by the later tests. */
  let created = "";

  test("the new-nomination form shows Polish errors next to the field, keeps the input, and saves names with diacritics", async () => {
    const page = await session.newPage();
    await visit(page, "/nominations/new");

    await control(page, "combobox", "Wyróżnienie").selectOption({ label: "Medal „Cracoviae Merenti”" });
    await control(page, "combobox", "Wnioskowana klasa medalu").selectOption({ label: "srebrny" });
    await control(page, "textbox", "Imiona").fill(BOLESLAW.givenNames);
    await control(page, "combobox", "Rodzaj gramatyczny").selectOption({ label: "męski" });
    await control(page, "textbox", "Tytuł lub zawód").fill("prof. dr hab.");
    await control(page, "textbox", "Miejscowość").fill("Kraków");
    await control(page, "textbox", "Wnioskodawca 1: nazwa lub imię i nazwisko").fill(NOMINATOR);
    await control(page, "textbox", "Opis zasług").fill("Za wieloletnią opiekę nad zabytkami Kazimierza i Podgórza.");
    // The surname is left empty.
    await page.getByRole("button", { name: "Zapisz wniosek" }).click();

    const surname = control(page, "textbox", "Nazwisko");
    await expect.poll(() => errorOf(surname)).toBe("Podaj nazwisko kandydata.");
    expect(await surname.getAttribute("aria-invalid")).toBe("true");
    // Focus moves to the field to fix, so a screen reader reads its label and error.
    expect(await surname.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/nominations/new");
    // Only the missing field is flagged, and what the user typed is still there.
    expect(await page.locator("[aria-invalid=true]").count()).toBe(1);
    expect(await control(page, "combobox", "Wyróżnienie").inputValue()).toBe("CRACOVIAE_MERENTI");
    expect(await control(page, "combobox", "Wnioskowana klasa medalu").inputValue()).toBe("SILVER");
    expect(await control(page, "textbox", "Imiona").inputValue()).toBe(BOLESLAW.givenNames);
    expect(await control(page, "combobox", "Rodzaj gramatyczny").inputValue()).toBe("MASCULINE");
    expect(await control(page, "textbox", "Tytuł lub zawód").inputValue()).toBe("prof. dr hab.");
    expect(await control(page, "textbox", "Wnioskodawca 1: nazwa lub imię i nazwisko").inputValue()).toBe(NOMINATOR);
    await expectNoAxeViolations(page);

    await surname.fill(BOLESLAW.surname);
    await expect.poll(() => errorOf(surname)).toBeNull();
    await page.getByRole("button", { name: "Zapisz wniosek" }).click();
    await page.waitForURL(DETAIL_PATH);
    await waitForHeading(page, BOLESLAW.full);

    expect(await headingText(page)).toBe(`Wniosek: ${BOLESLAW.full}`);
    const details = page.locator("main");
    expect(await details.getByRole("link", { name: BOLESLAW.full, exact: true }).count()).toBe(1);
    const text = await details.innerText();
    expect(text).toContain("Cracoviae Merenti (srebrny)");
    expect(text).toContain("męski");
    expect(text).toContain("prof. dr hab.");
    expect(text).toContain(NOMINATOR);
    expect(text).toContain("Za wieloletnią opiekę nad zabytkami Kazimierza i Podgórza.");
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
    created = new URL(page.url()).pathname;

    // A full reload (server rendering) shows the same name.
    await visit(page, created);
    expect(await headingText(page)).toBe(`Wniosek: ${BOLESLAW.full}`);
  });

  test("without JavaScript the server answers 400 with the errors and the typed values, then saves", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await visit(page, "/nominations/new");
    await control(page, "combobox", "Wyróżnienie").selectOption({ label: "Medal „Cracoviae Merenti”" });
    // The medal class is left unchosen.
    await control(page, "textbox", "Imiona").fill("Zofia Maria");
    await control(page, "textbox", "Nazwisko").fill("Łękawska-Źrebiec");
    await control(page, "combobox", "Rodzaj gramatyczny").selectOption({ label: "żeński" });
    await control(page, "textbox", "Wnioskodawca 1: nazwa lub imię i nazwisko").fill("Rada Dzielnicy I Stare Miasto");

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Zapisz wniosek" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState("load");
    const medalClass = control(page, "combobox", "Wnioskowana klasa medalu");
    expect(await errorOf(medalClass)).toBe("Wybierz klasę medalu.");
    expect(await medalClass.getAttribute("aria-invalid")).toBe("true");
    expect(await control(page, "combobox", "Wyróżnienie").inputValue()).toBe("CRACOVIAE_MERENTI");
    expect(await control(page, "textbox", "Imiona").inputValue()).toBe("Zofia Maria");
    expect(await control(page, "textbox", "Nazwisko").inputValue()).toBe("Łękawska-Źrebiec");
    expect(await control(page, "combobox", "Rodzaj gramatyczny").inputValue()).toBe("FEMININE");
    expect(await control(page, "textbox", "Wnioskodawca 1: nazwa lub imię i nazwisko").inputValue()).toBe("Rada Dzielnicy I Stare Miasto");
    await expectNoAxeViolations(page);

    await medalClass.selectOption({ label: "srebrny" });
    await page.getByRole("button", { name: "Zapisz wniosek" }).click();
    await page.waitForURL(DETAIL_PATH);
    expect(await headingText(page)).toBe("Wniosek: Zofia Maria Łękawska-Źrebiec");
    expect(await page.locator("main").innerText()).toContain("Cracoviae Merenti (srebrny)");
    await expectNoAxeViolations(page);
  });

  test("the list finds the nomination by a folded name and shows an empty state when nothing matches", async () => {
    expect(created, "the creating test must pass first").not.toBe("");
    const page = await session.newPage();
    await visit(page, "/nominations");

    const search = page.getByRole("searchbox", { name: "Szukaj kandydata lub wnioskodawcy" });
    await search.fill("zolkiewski-cmielow");
    await search.press("Enter");
    await page.waitForURL(/[?&]q=zolkiewski-cmielow/);
    await page.getByRole("status").filter({ hasText: "Wyniki 1–1 z 1." }).waitFor();
    const rows = page.getByRole("table", { name: "Lista wniosków" }).locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const link = rows.first().getByRole("link", { name: BOLESLAW.full, exact: true });
    expect(await link.getAttribute("href")).toBe(created);
    expect(await rows.first().innerText()).toContain(NOMINATOR);
    expect(await search.inputValue()).toBe("zolkiewski-cmielow");
    await expectNoAxeViolations(page);

    await search.fill("nie-ma-takiego-kandydata");
    await search.press("Enter");
    await page.waitForURL(/[?&]q=nie-ma-takiego-kandydata/);
    await page.getByRole("status").filter({ hasText: "Brak wyników." }).waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await page.locator(".empty-state").innerText()).toContain("Żaden wniosek nie pasuje do wybranych kryteriów.");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Pokaż wszystkie wnioski" }).click();
    await page.waitForURL((url) => url.pathname === "/nominations" && url.search === "");
    await page
      .getByRole("status")
      .filter({ hasText: /^Wyniki 1–\d+ z \d+\.$/ })
      .waitFor();
    expect(await page.getByRole("table", { name: "Lista wniosków" }).locator("tbody tr").count()).toBeGreaterThan(1);
    expectNoPageErrors(page);
  });

  test("the first Tab focuses a visible skip link that moves focus to the content", async () => {
    const page = await session.newPage();
    await visit(page, "/nominations");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Przejdź do treści");
    const skip = page.getByRole("link", { name: "Przejdź do treści" });
    const box = await skip.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.width).toBeGreaterThan(0);
    // Nothing covers it.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent?.trim(), {
      x: box!.x + box!.width / 2,
      y: box!.y + box!.height / 2,
    });
    expect(onTop).toBe("Przejdź do treści");
    const outline = await focusOutline(page);
    expect(outline?.outlineStyle).not.toBe("none");
    expect(outline?.outlineWidth).toBeGreaterThan(0);

    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tresc");
    // The next Tab continues inside the content, not in the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });

  test("a nomination can be filled in and saved with the keyboard alone, with focus always visible", async () => {
    const page = await session.newPage();
    await visit(page, "/nominations/new");
    const value = () => page.evaluate(() => (document.activeElement as HTMLInputElement | HTMLSelectElement).value);

    // tabTo fails if any element on the way has no focus outline.
    await tabTo(page, "Wyróżnienie");
    await page.keyboard.type("M"); // type-ahead on the closed select: Medal „Cracoviae Merenti”
    expect(await value()).toBe("CRACOVIAE_MERENTI");
    await tabTo(page, "Wnioskowana klasa medalu");
    await page.keyboard.type("b"); // brązowy
    expect(await value()).toBe("BRONZE");
    await tabTo(page, "Imiona");
    await page.keyboard.type("Halina");
    await tabTo(page, "Nazwisko");
    await page.keyboard.type("Łęcka-Śliwińska");
    await tabTo(page, "Rodzaj gramatyczny");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await value()).toBe("FEMININE");
    await tabTo(page, "Wnioskodawca 1: nazwa lub imię i nazwisko");
    await page.keyboard.type("Grupa mieszkańców Nowej Huty");
    await tabTo(page, "Zapisz wniosek");
    await page.keyboard.press("Enter");

    await page.waitForURL(DETAIL_PATH);
    await waitForHeading(page, "Halina Łęcka-Śliwińska");
    expect(await headingText(page)).toBe("Wniosek: Halina Łęcka-Śliwińska");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Cracoviae Merenti (brązowy)");
    expect(text).toContain("żeński");
    expect(text).toContain("Grupa mieszkańców Nowej Huty");
    await expectNoAxeViolations(page);
    expectNoPageErrors(page);
  });

  test("the case's lead is chosen on its page, confirmed in a toast, and the case is in „Moje sprawy” on the dashboard", async () => {
    expect(created, "the creating test must pass first").not.toBe("");
    const page: TrackedPage = await session.newPage();
    await visit(page, created);
    const lead = page.locator("section[aria-labelledby=prowadzacy]");
    const select = lead.getByLabel("Osoba prowadząca sprawę");
    expect(await select.inputValue()).toBe("");
    await select.selectOption({ label: "Katarzyna Demonstracyjna (KP-09)" });
    await lead.getByRole("button", { name: "Zapisz prowadzącego" }).click();
    await page.locator("[data-toast=success] .toast__title").filter({ hasText: "Prowadzący: Katarzyna Demonstracyjna (KP-09)." }).waitFor();
    await expectNoAxeViolations(page);

    await visit(page, "/");
    const mine = page.locator("section[aria-labelledby=moje-sprawy]");
    expect(await mine.getByRole("link", { name: BOLESLAW.full, exact: true }).getAttribute("href")).toBe(created);

    // Unassigned again: the case leaves „Moje sprawy”.
    await visit(page, created);
    await select.selectOption({ label: "nieprzypisana" });
    await lead.getByRole("button", { name: "Zapisz prowadzącego" }).click();
    await page.locator("[data-toast=success] .toast__title").filter({ hasText: "Prowadzący: nikt — sprawa jest nieprzypisana." }).waitFor();
    await visit(page, "/");
    expect(await mine.getByRole("link", { name: BOLESLAW.full, exact: true }).count()).toBe(0);
    expectNoPageErrors(page);
  });

  test("every other page passes axe: dashboard, edit forms, candidate pages, demo records, 404", async () => {
    expect(created, "the creating test must pass first").not.toBe("");
    const page: TrackedPage = await session.newPage();

    await visit(page, "/");
    expect(await headingText(page)).toBe("Pulpit");

    // The edit form, with an error shown, then saved.
    await visit(page, `${created}/edit`);
    expect(await headingText(page)).toBe(`Edycja wniosku: ${BOLESLAW.full}`);
    const nominator = control(page, "textbox", "Wnioskodawca 1: nazwa lub imię i nazwisko");
    expect(await nominator.inputValue()).toBe(NOMINATOR);
    await nominator.fill("");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await expect.poll(() => errorOf(nominator)).toBe("Podaj wnioskodawcę.");
    await expectNoAxeViolations(page);
    await nominator.fill(NOMINATOR);
    await control(page, "textbox", "Znak sprawy").fill("KP-09.0012.3.2026");
    await page.getByRole("button", { name: "Zapisz zmiany" }).click();
    await page.waitForURL((url) => url.pathname === created);
    await page.getByText("KP-09.0012.3.2026").waitFor();
    await expectNoAxeViolations(page);

    // The candidate's page and its edit form.
    const candidateHref = await page.locator("main").getByRole("link", { name: BOLESLAW.full, exact: true }).getAttribute("href");
    expect(candidateHref).toMatch(/^\/candidates\/[^/]+$/);
    await visit(page, candidateHref!);
    expect(await headingText(page)).toBe(BOLESLAW.full);
    expect(await page.getByRole("link", { name: "Cracoviae Merenti (srebrny)" }).getAttribute("href")).toBe(created);
    await visit(page, `${candidateHref}/edit`);
    expect(await control(page, "textbox", "Nazwisko").inputValue()).toBe(BOLESLAW.surname);

    // A demo record, with its history, and its candidate.
    await visit(page, "/nominations");
    const firstDemo = page.getByRole("table", { name: "Lista wniosków" }).locator("tbody tr", { hasText: "fikcyjne" }).first().getByRole("link").first();
    const demoHref = await firstDemo.getAttribute("href");
    expect(demoHref).toMatch(DETAIL_PATH);
    await visit(page, demoHref!);
    const demoCandidate = await page.locator("section[aria-labelledby=kandydat]").getByRole("link").first().getAttribute("href");
    await visit(page, demoCandidate!);

    // A demo medal case forwarded to the Council: the step indicator marks where it stands and
    // shows what each step recorded (the opinion with its class, the Mayor's ordinance).
    await visit(page, "/nominations?honour=CRACOVIAE_MERENTI&status=FORWARDED");
    const forwarded = await page.getByRole("table", { name: "Lista wniosków" }).locator("tbody tr").first().getByRole("link").first().getAttribute("href");
    await visit(page, forwarded!);
    const procedure = page.locator("section[aria-labelledby=przebieg] ol");
    expect(await procedure.locator("> li").count()).toBe(9);
    expect(await procedure.locator("> li[aria-current=step]").innerText()).toMatch(/^przekazany Radzie Miasta/m);
    expect(await procedure.locator("> li[aria-current=step]").innerText()).toMatch(/Zarządzenie Prezydenta nr \d+\/\d{4} z dnia \d+ \S+ \d{4}/);
    expect(await procedure.locator("> li", { hasText: "opinia pozytywna" }).innerText()).toMatch(
      /Opinia Komisji Medalu z dnia .*\n.*Klasa medalu w opinii: (złoty|srebrny|brązowy)/s,
    );

    // A filtered list, from a dashboard link.
    await visit(page, "/nominations?honour=CRACOVIAE_MERENTI");

    // Unknown addresses: the Polish 404 page inside the layout.
    await visit(page, "/nie-ma-takiej-strony", { status: 404 });
    expect(await headingText(page)).toBe("Nie znaleziono strony (404)");
    await visit(page, "/nominations/nie-ma-takiego-wniosku", { status: 404 });
    expect(await page.locator("main").innerText()).toContain("Nie znaleziono wniosku.");
    await visit(page, "/candidates/nie-ma-takiego-kandydata", { status: 404 });
  });
});

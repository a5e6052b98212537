// The app on a phone (375 px) and on paper: no page of any role's menu, nor the public registry,
// is wider than the screen (the menu folds behind a „Menu” button, lists stand as cards), and a
// printed list of 25 rows prints 25 rows, its header repeated on every page and no case
// reference or date broken inside.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { DEMO_USERS, describeInBrowser, signIn, useBrowser, visit, type TrackedPage } from "./browser";

const PHONE = { width: 375, height: 800 };

async function signInAnyway(page: TrackedPage, email: string) {
  // tests/e2e/accounts.test.ts changes the printing desk's password in the shared database.
  await signIn(page, email);
  if (new URL(page.url()).pathname === "/login") await signIn(page, email, "nowe-haslo-drukarni-1");
  expect(new URL(page.url()).pathname).not.toBe("/login");
}

/** How far the document is wider than the window (0 when nothing sticks out sideways). */
async function overflow(page: TrackedPage): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describeInBrowser("at phone width", () => {
  const session = useBrowser();

  test.each(Object.entries(DEMO_USERS))("%s: every page of the menu fits 375 px", async (_role, email) => {
    const page = await session.newPage({ signedInAs: null, viewport: PHONE });
    await signInAnyway(page, email);
    const menu = page.getByRole("navigation", { name: "Główne menu" });
    // Folded: the links are hidden until the „Menu” button opens them.
    await expect.poll(() => menu.isVisible()).toBe(false);
    const toggle = page.locator("summary", { hasText: "Menu" });
    await toggle.click();
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await toggle.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).toBe(true);
    const paths = [...new Set([...(await menu.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))), "/account/password"])];
    expect(paths.length).toBeGreaterThan(1);
    const wide: string[] = [];
    for (const p of paths) {
      await visit(page, p);
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${p}: ${extra} px too wide`);
    }
    expect(wide).toEqual([]);
  });

  test("the folded menu opens without JavaScript; on a wide screen it is open and has no button", async () => {
    const phone = await session.newPage({ signedInAs: DEMO_USERS.kp09, viewport: PHONE, javaScriptEnabled: false });
    await visit(phone, "/nominations");
    const menu = phone.getByRole("navigation", { name: "Główne menu" });
    expect(await menu.isVisible()).toBe(false);
    await phone.locator("summary", { hasText: "Menu" }).click();
    expect(await menu.getByRole("link", { name: "Tablica" }).isVisible()).toBe(true);

    const desk = await session.newPage({ signedInAs: DEMO_USERS.kp09, viewport: { width: 1366, height: 800 }, javaScriptEnabled: false });
    await visit(desk, "/nominations");
    expect(await desk.getByRole("navigation", { name: "Główne menu" }).getByRole("link", { name: "Tablica" }).isVisible()).toBe(true);
    expect(await desk.locator("summary", { hasText: "Menu" }).isVisible()).toBe(false);
  });

  test("the public registry, filtered and unfiltered, and a permalink fit 375 px; rows show their column names", async () => {
    const page = await session.newPage({ signedInAs: null, viewport: PHONE, javaScriptEnabled: false });
    for (const p of ["/rejestr", "/rejestr?honour=CRACOVIAE_MERENTI&sort=name", "/rejestr?q=qqqqzzzz"]) {
      await visit(page, p);
      expect(await overflow(page), p).toBeLessThanOrEqual(0);
    }
    await visit(page, "/rejestr");
    const firstRow = page.locator("table.data-table tbody tr").first();
    const labels = await firstRow.locator("td").evaluateAll((tds) => tds.map((td) => getComputedStyle(td, "::before").content));
    expect(labels).toEqual(['"Wyróżniony"', '"Wyróżnienie"', '"Akt nadania"', '"Data nadania"']);
    const permalink = await firstRow.getByRole("link").first().getAttribute("href");
    await visit(page, permalink!);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});

describeInBrowser("a list on paper", () => {
  const session = useBrowser();

  test("a printed list of 25 rows prints 25 rows, with the header on every page and nothing broken mid-word", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp09 });
    await visit(page, "/nominations");
    const rows = page.locator("table.data-table tbody tr");
    expect(await rows.count()).toBe(25);
    const refs = (await rows.locator("td.case-ref").allInnerTexts()).map((t) => t.trim()).filter((t) => t !== "—");
    const dates = (await rows.locator("time").allInnerTexts()).map((t) => t.trim());
    expect(dates).toHaveLength(25);

    const dir = mkdtempSync(path.join(tmpdir(), "merenti-print-"));
    try {
      const file = path.join(dir, "list.pdf");
      writeFileSync(file, await page.pdf({ format: "A4" }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(pages).toBeGreaterThan(1);
      // The header row is repeated on every page (thead as a table-header-group).
      expect(text.match(/Kandydat\s+Wyróżnienie\s+Status/g)).toHaveLength(pages);
      // Every row is printed: each date and each case reference, whole.
      const printedDates = text.match(/\b\d{2}\.\d{2}\.\d{4}\b/g) ?? [];
      expect(printedDates.length).toBeGreaterThanOrEqual(25);
      for (const ref of refs) expect(text, ref).toContain(ref);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

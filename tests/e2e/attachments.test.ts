// Attachments on the nomination page in a real browser: a PDF uploaded through the form is
// listed and downloads under its own name; a program renamed .pdf is refused next to the field.
// axe checks every state of the page.
import { createClient } from "@libsql/client";
import { pathToFileURL } from "node:url";
import type { Locator } from "playwright-core";
import { expect, test } from "vitest";
import { databaseFile, describeInBrowser, expectNoAxeViolations, expectNoPageErrors, useBrowser, visit } from "./browser";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(200)]);

async function medalNomination(): Promise<string> {
  const client = createClient({ url: pathToFileURL(databaseFile()).href });
  try {
    const row = await client.execute(`SELECT "id" FROM "Nomination" WHERE "honour" = 'CRACOVIAE_MERENTI' AND "anonymizedAt" IS NULL ORDER BY "id" LIMIT 1`);
    return String(row.rows[0]![0]);
  } finally {
    client.close();
  }
}

/** The error text the control points to with aria-describedby, when it is in the control's own field. */
async function errorOf(field: Locator): Promise<string | null> {
  return field.evaluate((el) => {
    const id = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).find((x) => x.endsWith("-error"));
    const error = id ? document.getElementById(id) : null;
    return error && error.closest(".field") === el.closest(".field") ? error.textContent : null;
  });
}

describeInBrowser("attachments in the browser", () => {
  const session = useBrowser();

  test("a PDF uploaded on the nomination page is listed and downloads under its name; a renamed program is refused", async () => {
    const id = await medalNomination();
    const page = await session.newPage();
    await visit(page, `/nominations/${id}`);
    const section = page.getByRole("region", { name: "Załączniki" });
    // A file input has no ARIA role to find it by; its label is checked by axe.
    const file = section.locator('input[type="file"][name="file"]');

    await file.setInputFiles({ name: "wniosek.pdf", mimeType: "application/pdf", buffer: EXE });
    await section.getByRole("button", { name: "Prześlij plik" }).click();
    await expect.poll(() => errorOf(file)).toMatch(/^Tego rodzaju pliku nie można dołączyć \(to plik EXE/);
    await expectNoAxeViolations(page);
    // The refusal's answer (400 to the fetcher's request) is the one error Chromium logs.
    expect(page.problems.splice(0)).toEqual([expect.stringMatching(/status of 400/)]);

    await file.setInputFiles({ name: "Wniosek Łódź.pdf", mimeType: "application/pdf", buffer: PDF });
    await section.getByRole("combobox", { name: "Rodzaj", exact: true }).selectOption({ label: "pismo z wnioskiem" });
    await section.getByRole("textbox", { name: "Opis", exact: true }).fill("skan z podpisami");
    await section.getByRole("button", { name: "Prześlij plik" }).click();
    const link = section.getByRole("link", { name: "Wniosek Łódź.pdf", exact: true });
    await link.waitFor();
    await page.getByText("Dodano załącznik „Wniosek Łódź.pdf”.").waitFor();
    expect(await section.getByRole("row").nth(1).innerText()).toMatch(/skan z podpisami[\s\S]*pismo z wnioskiem[\s\S]*PDF, 73 B/);
    expect(await errorOf(file)).toBeNull();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("Wniosek Łódź.pdf");
    const answer = await page.request.get((await link.getAttribute("href"))!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/pdf");
    // Once, from the server's own headers: not doubled by the route.
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await answer.body())).toEqual(PDF);
    expectNoPageErrors(page);
  });
});

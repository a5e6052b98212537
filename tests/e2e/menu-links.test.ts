// Every role's menu in a real browser: each page the menu leads to answers 200 and passes axe,
// and no link a user can click from those pages, or from the pages they lead to, ends on an
// error page (a 403 for a link the role may not follow was the usual slip). Links are followed
// with plain requests, one per kind of address, so the whole walk stays fast.
import { expect, test } from "vitest";
import { DEMO_USERS, describeInBrowser, signIn, useBrowser, visit } from "./browser";

/** One link per kind of address: ids (with a digit) replaced, query keys kept (their values not). */
function kindOf(href: string): string {
  const url = new URL(href, "http://x");
  const path = url.pathname.replace(/\/(?=[0-9a-z-]*\d)[0-9a-z-]{8,}(?=\/|$)/gi, "/:id").replace(/\/\d+(?=\/|$)/g, "/:n");
  return `${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

describeInBrowser("every role's menu", () => {
  const session = useBrowser();

  test.each(Object.entries(DEMO_USERS))("%s: the menu's pages pass axe and no link leads to an error", async (_role, email) => {
    const page = await session.newPage({ signedInAs: null });
    await signIn(page, email);
    expect(new URL(page.url()).pathname).not.toBe("/login");
    const menu = page.getByRole("navigation", { name: "Główne menu" });
    const menuPaths = [...new Set([...(await menu.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))), "/account/password"])];

    const kinds = new Set<string>(["/logout?"]);
    const queue: Array<{ href: string; from: string; depth: number }> = [];
    const enqueue = (hrefs: string[], from: string, depth: number) => {
      for (const href of hrefs) {
        const kind = kindOf(href);
        if (kinds.has(kind)) continue;
        kinds.add(kind);
        queue.push({ href, from, depth });
      }
    };
    for (const path of menuPaths) {
      kinds.add(kindOf(path));
      await visit(page, path);
      enqueue(linksIn(await page.content()), path, 1);
    }

    const broken: string[] = [];
    while (queue.length) {
      const { href, from, depth } = queue.shift()!;
      const response = await page.request.get(href, { maxRedirects: 0 });
      if (response.status() >= 400) broken.push(`${href} (HTTP ${response.status()}, linked from ${from})`);
      else if (depth < 2 && (response.headers()["content-type"] ?? "").startsWith("text/html")) enqueue(linksIn(await response.text()), href, depth + 1);
    }
    expect(broken).toEqual([]);
  });

  test("a page the role may not open is titled as the error it is, not as a missing record", async () => {
    const printing = await session.newPage({ signedInAs: DEMO_USERS.printing });
    await visit(printing, "/nominations/no-such-id", { status: 403 });
    expect(await printing.title()).toBe("Brak uprawnień · Merenti");
    await visit(printing, "/candidates/no-such-id", { status: 403 });
    expect(await printing.title()).toBe("Brak uprawnień · Merenti");

    const reader = await session.newPage({ signedInAs: DEMO_USERS.reader });
    await visit(reader, "/nominations/no-such-id", { status: 404 });
    expect(await reader.title()).toBe("Nie znaleziono wniosku · Merenti");
  });
});

describeInBrowser("long lists on paper", () => {
  const session = useBrowser();

  test("a printed list is fitted to the A4 width, not clipped by its scrolling box", async () => {
    // 180 mm: A4 less the print stylesheet's 15 mm margins, at 96 px to the inch.
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp09, viewport: { width: 680, height: 900 } });
    await page.emulateMedia({ media: "print" });
    for (const path of ["/nominations", "/conferrals", "/hg", "/audit"]) {
      await visit(page, path, { axe: false });
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          // (.visually-hidden clips on purpose: text for screen readers only.)
          .filter((el) => !el.matches(".visually-hidden") && getComputedStyle(el).overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth} > ${el.clientWidth}`),
      );
      expect(clipped, path).toEqual([]);
    }
  });
});

// The production server's own defences (scripts/server.ts), over plain HTTP with Node's fetch:
// security headers with a per-request CSP nonce, HSTS only over HTTPS, and the CSRF check that
// refuses state-changing requests from other sites. Then, in Chromium, that the app runs under
// that policy and that the browser tests notice a violation.
import { createClient } from "@libsql/client";
import { expect, test } from "vitest";
import { CSRF_REJECTION_MESSAGE } from "#app/utils/csrf.server";
import { baseURL, databaseFile, DEMO_PASSWORD, DEMO_USERS, describeInBrowser, expectNoPageErrors, useBrowser, visit } from "./browser";

const EXPECTED_CSP = [
  "default-src 'self'",
  /^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' *$/,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

function nonceOf(csp: string | null): string {
  const match = /'nonce-([^']+)'/.exec(csp ?? "");
  if (!match) throw new Error(`No nonce in Content-Security-Policy: ${csp}`);
  return match[1]!;
}

/** A page (following a sign-in redirect, if any): its headers and HTML. */
async function getPage(path = "/") {
  const response = await fetch(`${baseURL()}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  return { headers: response.headers, html: await response.text() };
}

async function countNominations(): Promise<number> {
  const db = createClient({ url: `file:${databaseFile()}` });
  try {
    const result = await db.execute("SELECT COUNT(*) AS n FROM Nomination");
    return Number(result.rows[0]!.n);
  } finally {
    db.close();
  }
}

/** A form post as a browser would send it, with the given extra headers. */
function postForm(path: string, headers: Record<string, string>) {
  return fetch(`${baseURL()}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({
      honour: "HONORIS_GRATIA",
      "candidate.candidateKind": "PERSON",
      "candidate.givenNames": "Ewa",
      "candidate.surname": "Podrobiona-Zewnętrzna",
      "candidate.grammaticalGender": "FEMININE",
      "nominators[0].kind": "PERSON",
      "nominators[0].name": "Ktoś z zewnątrz",
    }).toString(),
  });
}

describeInBrowser("HTTP security of the production server", () => {
  test("a page carries the CSP with a fresh nonce that its inline scripts carry", async () => {
    const first = await getPage();
    const csp = first.headers.get("content-security-policy");
    const directives = (csp ?? "").split(";").map((d) => d.trim());
    expect(directives).toHaveLength(EXPECTED_CSP.length);
    EXPECTED_CSP.forEach((expected, i) => {
      if (typeof expected === "string") expect(directives[i]).toBe(expected);
      else expect(directives[i]).toMatch(expected);
    });

    const nonce = nonceOf(csp);
    const scripts = [...first.html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const inline = [...first.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2]!.trim() !== "");
    expect(inline.length, "Remix writes its context and hydration as inline scripts").toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    // No script from anywhere else, no inline handlers or styles the policy would refuse.
    for (const attributes of scripts) {
      const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
      if (src) expect(src).toMatch(/^\/(?!\/)/);
    }
    expect(first.html).not.toMatch(/\son[a-z]+="/i);
    expect(first.html).not.toMatch(/<[a-z][^>]*\sstyle="/i);

    const second = await getPage();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
  });

  test("every response has the other security headers; HSTS only when the request came over HTTPS", async () => {
    const { headers, html } = await getPage();
    const asset = /<link rel="stylesheet" href="(\/assets\/[^"]+)"/.exec(html)?.[1];
    expect(asset, "the page links its stylesheet from /assets").toBeTruthy();
    const assetResponse = await fetch(`${baseURL()}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const notFound = await fetch(`${baseURL()}/nie-ma-takiej-strony`);
    expect(notFound.status).toBe(404);

    for (const h of [headers, assetResponse.headers, notFound.headers]) {
      expect(h.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(h.get("x-content-type-options")).toBe("nosniff");
      expect(h.get("referrer-policy")).toBe("same-origin");
      expect(h.get("x-frame-options")).toBe("DENY");
      expect(h.get("x-powered-by")).toBeNull();
      expect(h.get("strict-transport-security")).toBeNull();
    }
    expect(assetResponse.headers.get("content-security-policy")).not.toBe(headers.get("content-security-policy"));

    // Behind a trusted proxy (the test server trusts loopback) that says the client used HTTPS.
    const overHttps = await fetch(`${baseURL()}/`, { headers: { "X-Forwarded-Proto": "https" }, redirect: "manual" });
    await overHttps.arrayBuffer();
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  test("a form posted from another site is refused with 403 and saves nothing", async () => {
    const before = await countNominations();
    for (const path of ["/nominations/new", "/nominations/new.data", "/login", "/logout"]) {
      const response = await postForm(path, { Origin: "https://evil.example" });
      expect(response.status, `POST ${path}`).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain(CSRF_REJECTION_MESSAGE);
    }
    // Without Origin: a foreign Referer, or a browser saying it is cross-site.
    const foreign: Array<Record<string, string>> = [{ Referer: "https://evil.example/form.html" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "null" }];
    for (const headers of foreign) {
      const response = await postForm("/nominations/new", headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain(CSRF_REJECTION_MESSAGE);
    }
    // The same host over another scheme is another origin.
    const schemeSwap = await postForm("/nominations/new", { Origin: baseURL(), "X-Forwarded-Proto": "https" });
    expect(schemeSwap.status).toBe(403);
    await schemeSwap.arrayBuffer();
    expect(await countNominations()).toBe(before);
  });

  test("a same-origin post passes the CSRF check (whatever the app then answers)", async () => {
    const cases: Array<Record<string, string>> = [
      { Origin: baseURL(), "Sec-Fetch-Site": "same-origin" },
      { Referer: `${baseURL()}/nominations/new` },
      {}, // a script without browser headers
      // Behind a trusted proxy: the public host and scheme are what the browser's Origin names.
      { Origin: "https://merenti.example", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "merenti.example" },
    ];
    for (const headers of cases) {
      const response = await postForm("/nominations/new", headers);
      const body = await response.text();
      expect(body, JSON.stringify(headers)).not.toContain(CSRF_REJECTION_MESSAGE);
      expect([200, 302, 303, 400, 401, 403, 409]).toContain(response.status);
    }
  });
});

describeInBrowser("caching and browser features (issue 15, headers)", () => {
  test("signed-in pages and .data answers are private, no-store; downloads say nosniff once; Permissions-Policy and COOP everywhere", async () => {
    const login = await fetch(`${baseURL()}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: baseURL(), "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: DEMO_USERS.kp09, password: DEMO_PASSWORD, redirectTo: "/" }),
    });
    expect(login.status).toBe(302);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const get = async (path: string) => {
      const res = await fetch(`${baseURL()}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      await res.arrayBuffer();
      return res;
    };
    const page = await get("/nominations");
    const data = await get("/nominations.data");
    const download = await get("/nominations/export");
    expect([page.status, data.status, download.status]).toEqual([200, 200, 200]);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(data.headers.get("cache-control")).toBe("private, no-store");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    for (const res of [page, data, download, await get("/rejestr")]) {
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    }
  });
});

describeInBrowser("the app under its Content-Security-Policy", () => {
  const session = useBrowser();

  test("pages load, hydrate, post forms and navigate with no CSP violation", async () => {
    const page = await session.newPage({ signedInAs: null });
    // Signed out, the dashboard sends the browser to the sign-in page.
    const response = await visit(page, "/");
    expect(response.headers()["content-security-policy"]).toContain("'nonce-");
    expect(new URL(page.url()).pathname).toBe("/login");

    // A form posted by the app's own script (a fetch with the page's Origin) passes the CSRF check.
    await page.getByRole("textbox", { name: "Adres e-mail" }).fill("nikt@merenti.invalid");
    await page.getByLabel("Hasło").fill("to-nie-jest-haslo");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await page.getByText("Nieprawidłowy adres e-mail lub hasło.").waitFor();

    // A client-side navigation: single-fetch data request, redirected back to sign-in.
    await page.getByRole("link", { name: /^Merenti/ }).click();
    await page.waitForURL(/\/login\?redirectTo=%2F$/);
    await page.getByRole("heading", { level: 1, name: "Logowanie" }).waitFor();

    // The refused sign-in's 401 is the answer under test; anything else is a failure.
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !/status of 401/.test(p)));
    expectNoPageErrors(page);
  });

  test("a CSP violation fails the browser tests", async () => {
    const page = await session.newPage({ signedInAs: null });
    await visit(page, "/login", { axe: false });
    // An inline script without the nonce, as an injected one would be.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.title = 'wstrzyknięty';";
      document.body.append(script);
    });
    await expect.poll(() => page.problems.join("\n")).toMatch(/^CSP violation: .*inline script/m);
    expect(await page.title()).not.toBe("wstrzyknięty");
    expect(() => expectNoPageErrors(page)).toThrow(/CSP violation/);
  });
});

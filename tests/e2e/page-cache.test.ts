// The production server's cache of rendered public pages (scripts/server.ts,
// app/utils/page-cache.server.ts): a public page is rendered once and then served with fresh
// security headers; staff pages and signed-in requests never touch it; a commit to the database
// by any process (the server's own writes, `npm run retention` from cron) empties it at once.
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { expect, test } from "vitest";
import { baseURL, databaseFile, describeInBrowser, DEMO_USERS, useBrowser } from "./browser";

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

/** A registry address no other test asks for, so this file sees its own cache entry. */
const uniquePath = () => `/rejestr?q=${randomUUID().slice(0, 8)}x&sort=name-asc`;

/**
 * Asks for a page until an answer comes from the cache: other test files write in parallel,
 * and each write empties it, so one repeat is not always enough.
 */
async function hitOf(path: string): Promise<Response> {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${baseURL()}${path}`);
    if (res.headers.get("x-page-cache") === "hit") return res;
    await res.arrayBuffer();
  }
  throw new Error(`${path} never came from the cache`);
}

describeInBrowser("cache of public pages", () => {
  const session = useBrowser();

  test("a public page is rendered once, then served with its own fresh nonce", async () => {
    const path = uniquePath();
    const first = await fetch(`${baseURL()}${path}`);
    const firstHtml = await first.text();
    const second = await hitOf(path);
    const secondHtml = await second.text();
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(secondHtml).toBe(firstHtml);
    expect(second.headers.get("cache-control")).toBe("public, max-age=10");
    expect(second.headers.get("content-type")).toMatch(/^text\/html/);
    // Every response has its own nonce, and no nonce is baked into the kept HTML.
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(firstHtml).not.toContain(nonceOf(first)!);
    expect(secondHtml).not.toMatch(/nonce=/);
  });

  /** A POST from this server's own origin (the CSRF check lets it through), with `cookie` if given. */
  const post = async (path: string, form: Record<string, string>, cookie?: string) => {
    const headers: Record<string, string> = { Origin: baseURL(), "Content-Type": "application/x-www-form-urlencoded" };
    if (cookie) headers.Cookie = cookie;
    const res = await fetch(`${baseURL()}${path}`, { method: "POST", headers, body: new URLSearchParams(form), redirect: "manual" });
    await res.arrayBuffer();
    return res.status;
  };
  const sourceOf = async (path: string) => {
    const res = await fetch(`${baseURL()}${path}`);
    await res.arrayBuffer();
    return res.headers.get("x-page-cache");
  };
  const staffCookie = async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.kp09 });
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  };

  test("anonymous POSTs (a failed sign-in, a forged session cookie) and a staff request refused keep the cache", async () => {
    const path = uniquePath();
    // Signing in writes a session, which changes the database: before the page is kept.
    const cookie = await staffCookie();
    await hitOf(path);
    expect(await post("/login", { email: "nikt@example.com", password: "zle-haslo" })).toBe(401);
    expect(await sourceOf(path)).toBe("hit");
    expect(await post("/login", { email: "nikt@example.com", password: "zle-haslo" }, "__merenti_session=podrobione.podpis")).toBe(401);
    expect(await sourceOf(path)).toBe("hit");
    // Signed in, but the form is refused (400): nothing was written.
    expect(await post("/nominations/new", { honour: "CRACOVIAE_MERENTI" }, cookie)).toBe(400);
    expect(await sourceOf(path)).toBe("hit");
  });

  test("a completed staff write empties the cache", async () => {
    const path = uniquePath();
    await hitOf(path);
    // Signing out deletes the session row: a write by a signed-in member of staff, answered 302.
    expect(await post("/logout", {}, await staffCookie())).toBe(302);
    expect(await sourceOf(path)).toBe("miss");
  });

  test("a write by another process (a retention run from cron) empties it at once", async () => {
    const path = uniquePath();
    await hitOf(path);
    const other = createClient({ url: `file:${databaseFile()}` });
    const row = "(SELECT min(id) FROM DatedSetting)";
    try {
      await other.execute("PRAGMA busy_timeout = 5000");
      // A real change (SQLite does not count a row rewritten as it was), undone after.
      await other.execute(`UPDATE DatedSetting SET note = note || ' ' WHERE id = ${row}`);
      expect(await sourceOf(path)).toBe("miss");
      await other.execute(`UPDATE DatedSetting SET note = substr(note, 1, length(note) - 1) WHERE id = ${row}`);
    } finally {
      other.close();
    }
  });

  test("staff pages and signed-in requests are never served from it", async () => {
    const page = await session.newPage({ signedInAs: DEMO_USERS.reader });
    for (const path of ["/conferrals", "/conferrals", "/rejestr", "/rejestr"]) {
      const response = await page.goto(`${baseURL()}${path}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["x-page-cache"]).toBeUndefined();
    }
    // Signed out, the same registry page comes from the cache, and never a staff page.
    const anonymous = await fetch(`${baseURL()}/rejestr`);
    expect(anonymous.headers.get("x-page-cache")).toMatch(/^(hit|miss|shared)$/);
    expect(await anonymous.text()).not.toContain("Wnioski</a>");
    const staff = await fetch(`${baseURL()}/conferrals`, { redirect: "manual" });
    expect(staff.status).toBe(302);
    expect(staff.headers.get("x-page-cache")).toBeNull();
  });
});

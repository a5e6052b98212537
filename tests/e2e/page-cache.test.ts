// The production server's cache of rendered public pages (scripts/server.ts,
// app/utils/page-cache.server.ts): a public page is rendered once and then served with fresh
// security headers; staff pages and signed-in requests never touch it; any write empties it.
import { randomUUID } from "node:crypto";
import { expect, test } from "vitest";
import { baseURL, describeInBrowser, DEMO_USERS, useBrowser } from "./browser";

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
    expect(second.headers.get("cache-control")).toBe("public, max-age=60");
    expect(second.headers.get("content-type")).toMatch(/^text\/html/);
    // Every response has its own nonce, and no nonce is baked into the kept HTML.
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(firstHtml).not.toContain(nonceOf(first)!);
    expect(secondHtml).not.toMatch(/nonce=/);
  });

  test("any write empties the cache", async () => {
    const path = uniquePath();
    await (await hitOf(path)).text();
    const write = await fetch(`${baseURL()}/logout`, { method: "POST", headers: { Origin: baseURL() }, redirect: "manual" });
    await write.arrayBuffer();
    expect((await fetch(`${baseURL()}${path}`)).headers.get("x-page-cache")).toBe("miss");
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

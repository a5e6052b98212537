// Issue 15, items 12 and 13: downloads sent `X-Content-Type-Options: nosniff, nosniff` (a route
// set it and the server added its own), and the public registry's JSON let browsers keep it
// 60 s. Every download of the real server, public and staff, says nosniff exactly once; the
// public ones are kept by browsers for at most 10 s, the staff ones not at all. No route module
// sets the header itself: the server (scripts/server.ts) sends it with every response.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT } from "../setup/template-db";
import { openDatabase, signIn, startFaultServer } from "./helpers";

const server = await startFaultServer();
const database = openDatabase(server);
afterAll(() => database.close());

const ROUTES_DIR = path.join(ROOT, "app/routes");

async function firstId(sql: string): Promise<string> {
  const rows = await database.execute(sql);
  return String(rows.rows[0]![0]);
}

describe("download headers", () => {
  test("no route module sets X-Content-Type-Options: the server sends it once with everything", () => {
    const setters = readdirSync(ROUTES_DIR).filter((f) => /x-content-type-options/i.test(readFileSync(path.join(ROUTES_DIR, f), "utf8")));
    expect(setters).toEqual([]);
    const utils = readdirSync(path.join(ROOT, "app/utils")).filter((f) =>
      /x-content-type-options/i.test(readFileSync(path.join(ROOT, "app/utils", f), "utf8")),
    );
    expect(utils).toEqual([]);
  });

  test("every download answers nosniff once; public ones cached 10 s at most, staff ones not at all", async () => {
    // The admin, and protocol for the ceremony's files.
    const cookie = await signIn(server.baseURL);
    const protocol = await signIn(server.baseURL, "protokol@merenti.example");
    const ceremony = await firstId("SELECT id FROM Ceremony ORDER BY id LIMIT 1");
    const candidate = await firstId("SELECT candidateId FROM Conferral WHERE isDemo = 1 ORDER BY id LIMIT 1");
    const publicDownloads = ["/rejestr.csv", "/rejestr.json", "/sitemap.xml"];
    const protocolDownloads = new Set([
      `/ceremonies/${ceremony}/invitations.csv`,
      `/ceremonies/${ceremony}/calendar.ics`,
      `/ceremonies/${ceremony}/programme.pdf`,
    ]);
    const staffDownloads = [
      "/nominations/export",
      "/conferrals/export",
      "/hg/export",
      "/hg/stats/export",
      "/import/export",
      "/admin/name-lexicon.csv",
      "/reports/years.csv",
      `/ceremonies/${ceremony}/invitations.csv`,
      `/ceremonies/${ceremony}/calendar.ics`,
      `/ceremonies/${ceremony}/programme.pdf`,
      `/candidates/${candidate}/export`,
    ];
    const checked: string[] = [];
    for (const [url, signedIn] of [...publicDownloads.map((u) => [u, false] as const), ...staffDownloads.map((u) => [u, true] as const)]) {
      const headers: Record<string, string> = signedIn ? { Cookie: protocolDownloads.has(url) ? protocol : cookie } : {};
      const res = await fetch(`${server.baseURL}${url}`, { headers, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 404) continue;
      expect(res.status, url).toBe(200);
      expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
      const cacheControl = res.headers.get("cache-control") ?? "";
      if (signedIn) expect(cacheControl, url).toMatch(/no-store/);
      else expect(Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? "0"), url).toBeLessThanOrEqual(10);
      checked.push(url);
    }
    // A 404 (no such record in the demo data) is skipped; these must have been checked.
    expect(checked).toEqual(expect.arrayContaining([...publicDownloads, "/nominations/export", "/import/export", `/ceremonies/${ceremony}/invitations.csv`]));
  });
});

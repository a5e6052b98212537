// Helpers of the fault tests: a server of the built app on a fresh copy of the demo database,
// signing in over HTTP, and the database file's rows.
import { createClient, type Client } from "@libsql/client";
import { afterAll, inject } from "vitest";
import { startAppServer, type AppServer } from "../setup/app-server";

export const DEMO_PASSWORD = "Merenti-demo-2026";
export const ADMIN = "admin@merenti.example";

export type FaultServer = AppServer & { databaseUrl: string };

/** A server of the built app on its own copy of the demo database, stopped after the file's tests. */
export async function startFaultServer(): Promise<FaultServer> {
  const server = await startAppServer({ templateDb: inject("demoTemplateDb") });
  afterAll(() => server.stop());
  return { ...server, databaseUrl: `file:${server.databaseFile}` };
}

/** The headers a same-origin form post of the app's own page carries (the CSRF check wants them). */
export function formHeaders(baseURL: string, cookie: string): Record<string, string> {
  return { Origin: baseURL, "Sec-Fetch-Site": "same-origin", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" };
}

/** Signs in through the login form; the session cookie. */
export async function signIn(baseURL: string, email = ADMIN): Promise<string> {
  const res = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseURL, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  const answer = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed: HTTP ${res.status} ${textOf(answer)}`);
  return cookie;
}

/** A page's visible text, shortened: what an answer said, for a test's failure message. */
export function textOf(html: string): string {
  const text = html
    .replace(/<(script|style)[^]*?<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** A dated setting's row as the edit form wants it back, for a write that always changes something. */
export type SettingRow = { id: string; key: string; value: string; validFrom: string; validTo: string | null; note: string; version: number };

export async function settingRows(database: Client, count: number): Promise<SettingRow[]> {
  const rows = await database.execute({ sql: "SELECT id, key, value, validFrom, validTo, note, version FROM DatedSetting ORDER BY id LIMIT ?", args: [count] });
  return rows.rows.map((r) => ({ ...(r as unknown as SettingRow), version: Number(r.version) }));
}

/** Posts the setting's edit form with a new note; the HTTP status (302 when saved). */
export async function editSettingNote(server: FaultServer, cookie: string, row: SettingRow, note: string): Promise<Response> {
  const body = new URLSearchParams({ value: row.value, validFrom: row.validFrom, validTo: row.validTo ?? "", note, version: String(row.version) });
  return fetch(`${server.baseURL}/admin/settings/values/${row.id}`, { method: "POST", redirect: "manual", headers: formHeaders(server.baseURL, cookie), body });
}

export function openDatabase(server: FaultServer): Client {
  return createClient({ url: server.databaseUrl });
}

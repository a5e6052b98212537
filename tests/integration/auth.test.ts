import { describe, expect, test } from "vitest";
import { LOCK_MS, MAX_FAILED_SIGN_INS, createUser, signIn, userOfSession, updateUser } from "#app/models/user.server";
import { action as loginAction } from "#app/routes/login";
import { action as logoutAction } from "#app/routes/logout";
import { loader as nominationList } from "#app/routes/nominations._index";
import { db } from "#app/utils/db.server";
import { SESSION_TTL_MS } from "#app/utils/session.server";
import { callAction, settle } from "./helpers";
import * as clock from "#app/domain/clock";

async function user(email: string, password = "poprawne-haslo-1") {
  return createUser({ email, name: "Użytkownik Testowy", password, roleKeys: ["READER"] }, { userId: null });
}

function withCookie(cookie: string) {
  return new Request("http://localhost/nominations", { headers: { Cookie: cookie } });
}

describe("signing in", () => {
  test("the right password gives an HttpOnly, SameSite=Lax session cookie that opens the register", async () => {
    await user("jan@test.example");
    const answer = await settle(async () =>
      loginAction({
        request: new Request("http://localhost/login", {
          method: "POST",
          body: new URLSearchParams({ email: " JAN@test.example ", password: "poprawne-haslo-1", redirectTo: "/nominations" }),
        }),
        params: {},
        context: {},
      }),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/nominations");
    const raw = await loginAction({
      request: new Request("http://localhost/login", {
        method: "POST",
        body: new URLSearchParams({ email: "jan@test.example", password: "poprawne-haslo-1" }),
      }),
      params: {},
      context: {},
    });
    const setCookie = (raw as Response).headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0]!;
    const page = await settle(() => nominationList({ request: withCookie(cookie), params: {}, context: {} }));
    expect(page.status).toBe(200);
  });

  test("a wrong password or an unknown user gets the same Polish answer and changes nothing else", async () => {
    await user("ewa@test.example");
    const wrong = await callAction<{ result: { error: Record<string, string[]> } }>(loginAction, "/login", { email: "ewa@test.example", password: "zle" });
    const unknown = await callAction<{ result: { error: Record<string, string[]> } }>(loginAction, "/login", { email: "nikt@test.example", password: "zle" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data!.result.error[""]).toEqual(["Nieprawidłowy adres e-mail lub hasło."]);
    expect(unknown.data!.result.error[""]).toEqual(["Nieprawidłowy adres e-mail lub hasło."]);
    expect(await db().session.count({ where: { user: { email: "ewa@test.example" } } })).toBe(0);
  });

  test(`${MAX_FAILED_SIGN_INS} failures lock the account for 15 minutes, even against the right password`, async () => {
    await user("zablokowany@test.example");
    const t0 = new Date("2026-11-26T10:00:00Z");
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn("zablokowany@test.example", "zle", t0)).kind).toBe("invalid");
    const locked = await signIn("zablokowany@test.example", "zle", t0);
    expect(locked).toEqual({ kind: "locked", until: new Date(t0.getTime() + LOCK_MS) });
    expect((await signIn("zablokowany@test.example", "poprawne-haslo-1", new Date(t0.getTime() + LOCK_MS - 1000))).kind).toBe("locked");
    expect((await signIn("zablokowany@test.example", "poprawne-haslo-1", new Date(t0.getTime() + LOCK_MS + 1000))).kind).toBe("ok");
    const audit = await db().auditEvent.findMany({ where: { entityType: "User", reason: { startsWith: "nieudane logowanie" } } });
    expect(audit.length).toBeGreaterThanOrEqual(MAX_FAILED_SIGN_INS);
  });

  test("the locked answer through the form is Polish and says until when", async () => {
    await user("blok2@test.example");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn("blok2@test.example", "zle");
    const answer = await callAction<{ result: { error: Record<string, string[]> } }>(loginAction, "/login", {
      email: "blok2@test.example",
      password: "poprawne-haslo-1",
    });
    expect(answer.status).toBe(429);
    expect(answer.data!.result.error[""]![0]).toMatch(/^Zbyt wiele nieudanych prób\. Konto jest zablokowane do \d\d:\d\d\.$/);
  });
});

describe("sessions", () => {
  test("a session expires after the working day", async () => {
    await user("wygasa@test.example");
    const start = new Date("2026-11-26T07:00:00Z");
    const result = await signIn("wygasa@test.example", "poprawne-haslo-1", start);
    if (result.kind !== "ok") throw new Error("sign-in failed");
    expect(await userOfSession(result.sessionId, new Date(start.getTime() + SESSION_TTL_MS - 1000))).not.toBeNull();
    expect(await userOfSession(result.sessionId, new Date(start.getTime() + SESSION_TTL_MS + 1000))).toBeNull();
  });

  test("an expired, tampered or signed-out session goes to sign-in", async () => {
    const u = await user("sesja@test.example");
    const result = await signIn("sesja@test.example", "poprawne-haslo-1");
    if (result.kind !== "ok") throw new Error("sign-in failed");
    const { commitSessionId } = await import("#app/utils/session.server");
    const cookie = (await commitSessionId(result.sessionId)).split(";")[0]!;

    // Tampered: the signed value altered by one character.
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const t = await settle(() => nominationList({ request: withCookie(tampered), params: {}, context: {} }));
    expect(t.status).toBe(302);
    expect(t.location).toMatch(/^\/login/);

    // Signed out: the server forgets the session, the old cookie no longer works.
    const out = await settle(() =>
      logoutAction({ request: new Request("http://localhost/logout", { method: "POST", headers: { Cookie: cookie } }), params: {}, context: {} }),
    );
    expect(out.location).toBe("/login");
    expect(await db().session.count({ where: { userId: u.id } })).toBe(0);
    const after = await settle(() => nominationList({ request: withCookie(cookie), params: {}, context: {} }));
    expect(after.status).toBe(302);

    // Expired in the database.
    const again = await signIn("sesja@test.example", "poprawne-haslo-1");
    if (again.kind !== "ok") throw new Error("sign-in failed");
    await db().session.update({ where: { id: again.sessionId }, data: { expiresAt: new Date(clock.now().getTime() - 1000) } });
    const expiredCookie = (await commitSessionId(again.sessionId)).split(";")[0]!;
    expect((await settle(() => nominationList({ request: withCookie(expiredCookie), params: {}, context: {} }))).status).toBe(302);
  });

  test("deactivating a user ends their sessions", async () => {
    const u = await user("odchodzi@test.example");
    const result = await signIn("odchodzi@test.example", "poprawne-haslo-1");
    if (result.kind !== "ok") throw new Error("sign-in failed");
    expect(await updateUser(u.id, { name: u.name, active: false, roleKeys: ["READER"], version: 1 }, { userId: null })).toBe("ok");
    expect(await userOfSession(result.sessionId)).toBeNull();
    expect((await signIn("odchodzi@test.example", "poprawne-haslo-1")).kind).toBe("invalid");
  });
});

// Issue 15, items 4, 6 and 8: the lockout counted from a stale read (30 parallel wrong passwords
// never locked the account), a locked account answered differently and faster than an unknown
// address, and a password change left the user's other sessions open.
import { describe, expect, test } from "vitest";
import * as clock from "#app/domain/clock";
import { changePassword, createUser, LOCK_MS, MAX_FAILED_SIGN_INS, MAX_SIGN_INS_PER_ADDRESS, signIn, userOfSession } from "#app/models/user.server";
import { action as loginAction } from "#app/routes/login";
import { db } from "#app/utils/db.server";
import { settle } from "#tests/integration/helpers";

const PASSWORD = "poprawne-haslo-1";
let n = 0;
const freshEmail = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2)}@test.example`;

async function account(what: string) {
  const email = freshEmail(what);
  await createUser({ email, name: "Konto Testowe", password: PASSWORD, roleKeys: ["READER"] }, { userId: null });
  return email;
}

type LoginAnswer = { result: { error: Record<string, string[]> } };

async function postLogin(email: string, password: string, clientAddress?: string) {
  const started = performance.now();
  let retryAfter: string | null = null;
  const answer = await settle<LoginAnswer>(async () => {
    const out = await loginAction({
      request: new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ email, password }) }),
      params: {},
      context: { clientAddress },
    });
    const init = (out as { init?: ResponseInit | null }).init;
    retryAfter = new Headers(init?.headers).get("Retry-After");
    return out;
  });
  return { ...answer, ms: performance.now() - started, retryAfter: retryAfter as string | null, message: answer.data?.result?.error[""]?.[0] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("item 4: the failure count is atomic", () => {
  test("30 parallel wrong passwords lock the account after exactly the allowed number of failures", { timeout: 180_000 }, async () => {
    const email = await account("rownolegle");
    const started = clock.now().getTime();
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn(email, "zle-haslo")));
    expect(results.filter((r) => r.kind === "invalid")).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(results.filter((r) => r.kind === "locked")).toHaveLength(30 - (MAX_FAILED_SIGN_INS - 1));
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThanOrEqual(started + LOCK_MS);
    expect((await signIn(email, PASSWORD)).kind).toBe("locked");
  });
});

describe("item 6: a lock does not reveal which addresses have accounts", () => {
  test("after the same failures, a known and an unknown address answer the same status and message", async () => {
    const known = await account("znane");
    const unknown = freshEmail("nieznane");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const [a, b] = [await postLogin(known, "zle-haslo"), await postLogin(unknown, "zle-haslo")];
      expect(a.status).toBe(b.status);
      expect(a.message).toBe(b.message);
    }
    const [a, b] = [await postLogin(known, PASSWORD), await postLogin(unknown, PASSWORD)];
    expect(a.status).toBe(429);
    expect(b.status).toBe(429);
    expect(a.message).toMatch(/^Zbyt wiele nieudanych prób\. Konto jest zablokowane do \d\d:\d\d\.$/);
    expect(b.message).toMatch(/^Zbyt wiele nieudanych prób\. Konto jest zablokowane do \d\d:\d\d\.$/);
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
    expect(Number(b.retryAfter)).toBeGreaterThan(0);
  });

  test("a locked account takes as long to answer as an unknown address (one password hash each)", async () => {
    const locked = await account("zablokowane");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn(locked, "zle-haslo");
    const lockedTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      lockedTimes.push((await postLogin(locked, "zle-haslo")).ms);
      unknownTimes.push((await postLogin(freshEmail("nieznane"), "zle-haslo")).ms);
    }
    // Generous: the same work within a factor of two, on a shared machine.
    expect(median(lockedTimes)).toBeGreaterThan(median(unknownTimes) / 2);
    expect(median(unknownTimes)).toBeGreaterThan(median(lockedTimes) / 2);
  });
});

describe("item 5: attempts per client address", () => {
  test(
    `after ${MAX_SIGN_INS_PER_ADDRESS} failures from one address it gets 429 with Retry-After, in Polish; other addresses do not`,
    { timeout: 180_000 },
    async () => {
      const address = "203.0.113.45";
      for (let i = 0; i < MAX_SIGN_INS_PER_ADDRESS; i++) expect((await postLogin(freshEmail("zalew"), "zle-haslo", address)).status).toBe(401);
      const refused = await postLogin(await account("ofiara"), PASSWORD, address);
      expect(refused.status).toBe(429);
      expect(refused.message).toMatch(/^Zbyt wiele nieudanych prób logowania z tego komputera\. Spróbuj ponownie za \d+\u00a0minut/);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(refused.ms).toBeLessThan(100);
      expect((await postLogin(freshEmail("inny"), "zle-haslo", "203.0.113.46")).status).toBe(401);
    },
  );

  test("successful sign-ins do not use up the address's allowance", { timeout: 180_000 }, async () => {
    const address = "203.0.113.77";
    const email = await account("biuro");
    for (let i = 0; i < MAX_SIGN_INS_PER_ADDRESS + 5; i++) expect((await postLogin(email, PASSWORD, address)).status).toBe(302);
  });
});

describe("item 8: a password change ends the user's other sessions", () => {
  test("the other sessions end, the one that changed the password stays", async () => {
    const email = await account("zmiana");
    const sessions = await Promise.all([signIn(email, PASSWORD), signIn(email, PASSWORD), signIn(email, PASSWORD)]);
    const [current, ...others] = sessions.map((s) => (s.kind === "ok" ? s : null)!);
    expect(await changePassword(current!.userId, PASSWORD, "nowe-haslo-bardzo-dlugie", current!.sessionId)).toBe("ok");
    expect(await userOfSession(current!.sessionId)).not.toBeNull();
    for (const other of others) expect(await userOfSession(other!.sessionId)).toBeNull();
  });
});

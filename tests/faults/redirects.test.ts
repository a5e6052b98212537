// Issue 15, item 7: the sign-in page's redirectTo sent users to other sites ("/\t/evil.example"
// is "//evil.example" to a browser) and gave a 500 for "\n", "\r\n" or U+3000 (not allowed in a
// Location header). Hostile and proper targets, through the real loader and action.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "#app/models/user.server";
import { action as loginAction, loader as loginLoader } from "#app/routes/login";
import { settle, signInAs, signOut } from "#tests/integration/helpers";

const SITE = "http://localhost";
const EMAIL = "przekierowanie@test.example";
const PASSWORD = "poprawne-haslo-1";

/** The page a browser opens for this Location header, or null if there is none. */
const destination = (location: string | null) => (location === null ? null : new URL(location, `${SITE}/login`));

let cookie: string;

async function signedInGet(redirectTo: string) {
  const url = `${SITE}/login?redirectTo=${encodeURIComponent(redirectTo)}`;
  return settle(() => loginLoader({ request: new Request(url, { headers: { Cookie: cookie } }), params: {}, context: {} }));
}

async function signInPost(redirectTo: string) {
  const body = new URLSearchParams({ email: EMAIL, password: PASSWORD, redirectTo });
  return settle(() => loginAction({ request: new Request(`${SITE}/login`, { method: "POST", body }), params: {}, context: {} }));
}

beforeAll(async () => {
  await createUser({ email: EMAIL, name: "Przekierowany", password: PASSWORD, roleKeys: ["READER"] }, { userId: null });
  cookie = (await signInAs("READER")).cookie;
  signOut();
});

const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
  "https://evil.example/",
  "/\u3000",
  "/a\nb",
  "/a\r\nb",
];

/** Any string, weighted towards the characters browsers and header parsers treat specially. */
const ANY_TARGET = fc.oneof(
  fc.string({ unit: "binary" }),
  fc
    .array(fc.constantFrom("/", "\\", "\t", "\n", "\r", ".", "%2F", "evil.example", ":", "@", "\u3000", "\u0000", "?", "#", "ą"), { maxLength: 10 })
    .map((parts) => parts.join("")),
);

describe("hostile redirectTo", () => {
  test.each(HOSTILE)("%j: a signed-in GET stays on this site", async (to) => {
    const answer = await signedInGet(to);
    expect(answer.status).toBe(302);
    expect(destination(answer.location)!.origin).toBe(SITE);
  });

  test.each(HOSTILE)("%j: signing in stays on this site", async (to) => {
    const answer = await signInPost(to);
    expect(answer.status).toBe(302);
    expect(destination(answer.location)!.origin).toBe(SITE);
  });

  test("any string: never a 500, and the Location is always on this site", async () => {
    await fc.assert(
      fc.asyncProperty(ANY_TARGET, async (to) => {
        const answer = await signedInGet(to);
        expect(answer.status).toBe(302);
        expect(destination(answer.location)!.origin).toBe(SITE);
      }),
      { numRuns: 300 },
    );
  });
});

describe("proper redirectTo", () => {
  test.each([
    ["/nominations?q=nowak", "/nominations?q=nowak"],
    ["/nominations/abc#historia", "/nominations/abc#historia"],
    ["/rejestr?q=Łódź", "/rejestr?q=%C5%81%C3%B3d%C5%BA"],
  ])("%j goes to %j after sign-in and from the signed-in GET", async (to, expected) => {
    expect((await signedInGet(to)).location).toBe(expected);
    expect((await signInPost(to)).location).toBe(expected);
  });
});

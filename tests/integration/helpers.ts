// Calling real loaders and actions with real Requests, and reading what they answer.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import * as clock from "#app/domain/clock";

export type Fields = Record<string, string | string[] | undefined>;

export function formData(fields: Fields): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) fd.append(key, v);
  }
  return fd;
}

// The session cookie sent with every request a test makes; set it with signInAs().
let currentCookie: string | null = null;

function headers(): HeadersInit {
  return currentCookie ? { Cookie: currentCookie } : {};
}

/** Creates a user with the given roles and a session; later requests are made as that user. */
export async function signInAs(roleKeys: string | string[]): Promise<{ userId: string; cookie: string }> {
  const { createUser } = await import("#app/models/user.server");
  const { db } = await import("#app/utils/db.server");
  const { commitSessionId, SESSION_TTL_MS } = await import("#app/utils/session.server");
  const keys = Array.isArray(roleKeys) ? roleKeys : [roleKeys];
  const user = await createUser(
    {
      email: `${keys.join("-").toLowerCase()}-${Math.random().toString(36).slice(2)}@test.example`,
      name: `Test ${keys.join("+")}`,
      password: "test-password-123",
      roleKeys: keys,
    },
    { userId: null },
  );
  const session = await db().session.create({ data: { userId: user.id, expiresAt: new Date(clock.now().getTime() + SESSION_TTL_MS) } });
  const cookie = (await commitSessionId(session.id)).split(";")[0]!;
  currentCookie = cookie;
  return { userId: user.id, cookie };
}

export function signOut() {
  currentCookie = null;
}

/** Makes later requests with a session from an earlier signInAs() (no new user). */
export function resumeSession(cookie: string) {
  currentCookie = cookie;
}

export function postRequest(path: string, fields: Fields): Request {
  return new Request(`http://localhost${path}`, { method: "POST", body: formData(fields), headers: headers() });
}

/** A toast an answer carries to the next page (app/utils/toast.server.ts). */
export type ToastAnswer = { type: string; title: string; description?: string; link?: { href: string; label: string } };

export type Answer<T> = { status: number; data: T | undefined; location: string | null; toast: ToastAnswer | null };

/** The toast a response's Set-Cookie carries, read as root's loader would on the next request. */
export async function toastOfHeaders(headers: Headers | undefined): Promise<ToastAnswer | null> {
  const cookie = headers?.get("Set-Cookie")?.match(/__merenti_toast=[^;]*/)?.[0];
  if (!cookie) return null;
  const { getToast } = await import("#app/utils/toast.server");
  return (await getToast(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toast;
}

/** Unwraps what a loader/action returned or threw: a Response, a data() value or plain data. */
export async function settle<T>(run: () => Promise<unknown>): Promise<Answer<T>> {
  let out: unknown;
  try {
    out = await run();
  } catch (thrown) {
    out = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (out instanceof Response) {
    const text = await out.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // a plain-text Response (error message) stays text
    }
    return { status: out.status, data: data as T, location: out.headers.get("Location"), toast: await toastOfHeaders(out.headers) };
  }
  if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
    const d = out as { data: T; init: ResponseInit | null };
    return {
      status: d.init?.status ?? 200,
      data: d.data,
      location: null,
      toast: await toastOfHeaders(d.init?.headers ? new Headers(d.init.headers) : undefined),
    };
  }
  return { status: 200, data: out as T, location: null, toast: null };
}

export function callAction<T>(action: (args: ActionFunctionArgs) => Promise<unknown>, path: string, fields: Fields, params: Record<string, string> = {}) {
  return settle<T>(() => action({ request: postRequest(path, fields), params, context: {} }));
}

export function callLoader<T>(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, params: Record<string, string> = {}) {
  return settle<T>(() => loader({ request: new Request(`http://localhost${path}`, { headers: headers() }), params, context: {} }));
}

let token = 0;
/** A valid create-form submission for a person; override any field. */
export function personNomination(overrides: Fields = {}): Fields {
  token++;
  return {
    creationToken: `test-token-${Date.now()}-${token}`,
    honour: "CRACOVIAE_MERENTI",
    requestedClass: "SILVER",
    "candidate.candidateKind": "PERSON",
    "candidate.givenNames": "Bolesław",
    "candidate.surname": "Żółkiewski",
    "candidate.grammaticalGender": "MASCULINE",
    "candidate.birthYear": "1950",
    "candidate.city": "Kraków",
    "nominators[0].kind": "ORGANIZATION",
    "nominators[0].name": "Towarzystwo Przyjaciół Sztuk Pięknych",
    receivedDate: "2025-03-10",
    caseReference: "KP-09.0012.1.2025",
    merits: "Zasługi dla miasta.",
    attachments: "pismo.pdf\nżyciorys.pdf",
    ...overrides,
  };
}

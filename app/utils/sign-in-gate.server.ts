// An address over its sign-in limit is refused before the app (scripts/server.ts asks here
// first). Through the app, each refusal cost about 7 ms of the server's CPU (session, route
// matching, the form parsed, the login page rendered again), so a flood from one address took
// the event loop from staff pages (issue 15, item 5). The count is the one the login action
// keeps (attemptsByAddress); nothing here reads the body, the session or the database. The
// answer says what the login action says, in the form each client can show: a small page in
// Polish without JavaScript, the form's error for the app's own fetch (/login.data).
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "turbo-stream";
import { attemptsByAddress, retryAfterSeconds, throttledMessage } from "./sign-in-throttle.server";

/** The login route's paths: the page, and its data for the app's JavaScript (Remix single fetch). */
const LOGIN_PATH = /^\/login\/?$/i;
const LOGIN_DATA_PATH = /^\/login\.data$/i;
/** The methods that run a route's action. */
const ACTION_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A refusal is held back this long before it is answered (a tarpit): a flood that waits for its
 * answers, as scripts do, then gets one per connection a second instead of as many as the CPU
 * can give. At most MAX_HELD are held at once (each holds a socket); past that they go at once.
 */
const HOLD_MS = 1_000;
const MAX_HELD = 500;
let held = 0;

async function holdBack(): Promise<void> {
  if (held >= MAX_HELD) return;
  held++;
  try {
    await sleep(HOLD_MS);
  } finally {
    held--;
  }
}

export type SignInRefusal = { status: 429; headers: Record<string, string>; body: string };

/**
 * The answer to a sign-in attempt from an address over its limit, or null when the request is
 * not a sign-in attempt or the address may still try (the login action then counts it).
 */
export async function refusalBeforeSignIn(
  request: { method: string; path: string; search: string; clientAddress: string | undefined },
  nowMs: number,
): Promise<SignInRefusal | null> {
  if (!request.clientAddress || !ACTION_METHODS.has(request.method)) return null;
  const path = decodedPath(request.path);
  const data = LOGIN_DATA_PATH.test(path);
  if (!data && !LOGIN_PATH.test(path)) return null;
  const waitMs = attemptsByAddress.waitOf(request.clientAddress, nowMs);
  if (waitMs === 0) return null;
  await holdBack();
  const message = throttledMessage(waitMs);
  const headers = { "Retry-After": retryAfterSeconds(waitMs), "Cache-Control": "private, no-store" };
  if (data) {
    return {
      status: 429,
      headers: { ...headers, "Content-Type": "text/x-script; charset=utf-8", "X-Remix-Response": "yes" },
      body: await actionDataOf(message),
    };
  }
  return { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: refusalPage(message, request.search) };
}

/** The path as the app's router matches it (percent-decoded), so an encoded path is not let past. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// The messages differ only in their minutes: ten of them at most.
const encodedActionData = new Map<string, Promise<string>>();

/**
 * The login action's refusal as Remix's single fetch carries it (turbo-stream, the version
 * Remix uses): the form's error, the typed e-mail address left as it is (no initialValue).
 */
function actionDataOf(message: string): Promise<string> {
  let encoded = encodedActionData.get(message);
  if (!encoded) {
    encoded = new Response(encode({ data: { result: { status: "error", error: { "": [message] } } } })).text();
    encodedActionData.set(message, encoded);
  }
  return encoded;
}

/** A page that needs nothing else: the message, and the way back to the sign-in form. */
function refusalPage(message: string, search: string): string {
  return (
    `<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Zbyt wiele prób logowania · Merenti</title></head><body><main><h1>Logowanie</h1>` +
    `<p role="alert">${message}</p><p><a href="/login${escapeHtml(search)}">Wróć do logowania</a></p></main></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

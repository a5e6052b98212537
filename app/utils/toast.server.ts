// Toasts: the message that confirms an action („Zapisano…”), kept as flash data in a cookie
// session of its own (the Epic Stack's pattern) instead of the URL, so a reload or a shared link
// does not repeat it. An action calls redirectWithToast (or dataWithToast when it stays on the
// page); root's loader reads and clears it with getToast and the root layout shows it.
import { createCookieSessionStorage, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server";
import { sessionSecret } from "./session.server";

const FLASH_KEY = "toast";

/** A same-site path ("/x…", never "//host" or "/\host"): a toast's link never leaves the app. */
const SameSitePath = z.string().regex(/^\/(?![/\\])[^\s]*$/);

const ToastSchema = z.object({
  id: z.string().default(() => Math.random().toString(36).slice(2, 10)),
  type: z.enum(["success", "error", "info"]).default("success"),
  title: z.string().min(1),
  description: z.string().optional(),
  /** „where the user came from”: e.g. back to the board, the search, the list. */
  link: z.object({ href: SameSitePath, label: z.string().min(1) }).optional(),
});

export type Toast = z.infer<typeof ToastSchema>;
export type ToastInput = z.input<typeof ToastSchema>;

type FlashData = { [FLASH_KEY]: Toast };
let storage: ReturnType<typeof createCookieSessionStorage<Record<string, never>, FlashData>> | undefined;

function toastStorage() {
  storage ??= createCookieSessionStorage<Record<string, never>, FlashData>({
    cookie: {
      name: "__merenti_toast",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env().PUBLIC_BASE_URL.startsWith("https:"),
      secrets: [sessionSecret()],
    },
  });
  return storage;
}

/** The Set-Cookie header that carries a toast to the next page the user sees. */
export async function createToastHeaders(input: ToastInput): Promise<Headers> {
  const session = await toastStorage().getSession();
  session.flash(FLASH_KEY, ToastSchema.parse(input));
  return new Headers({ "Set-Cookie": await toastStorage().commitSession(session) });
}

function mergeHeaders(base: HeadersInit | undefined, extra: Headers): Headers {
  const headers = new Headers(base);
  extra.forEach((value, name) => headers.append(name, value));
  return headers;
}

/** Redirects to `url` and shows the toast there. */
export async function redirectWithToast(url: string, toast: ToastInput, init?: ResponseInit): Promise<ReturnType<typeof redirect>> {
  return redirect(url, { ...init, headers: mergeHeaders(init?.headers, await createToastHeaders(toast)) });
}

/** Answers an action that stays on its page (a fetcher, a form that shows errors) and shows the toast. */
export async function dataWithToast<T>(value: T, toast: ToastInput, init?: ResponseInit) {
  return data(value, { ...init, headers: mergeHeaders(init?.headers, await createToastHeaders(toast)) });
}

/** The toast waiting for this request, if any, and the header that clears it (for root's loader). */
export async function getToast(request: Request): Promise<{ toast: Toast | null; headers: Headers | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("__merenti_toast")) return { toast: null, headers: null };
  const session = await toastStorage().getSession(cookie);
  const parsed = ToastSchema.safeParse(session.get(FLASH_KEY));
  return {
    toast: parsed.success ? parsed.data : null,
    headers: new Headers({ "Set-Cookie": await toastStorage().destroySession(session) }),
  };
}

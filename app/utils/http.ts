/** Throws a Response (404, 403, …) that the route's error boundary shows in Polish. */
export function invariantResponse(condition: unknown, message: string, init?: ResponseInit): asserts condition {
  if (!condition) {
    throw new Response(message, { status: 400, ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init?.headers } });
  }
}

/**
 * Cache-Control of the public registry's pages: the same for everyone, but kept by browsers and
 * proxies for seconds only, so a record anonymised or corrected is gone from them at once too.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=10";

/** Throws a Response (404, 403, …) that the route's error boundary shows in Polish. */
export function invariantResponse(condition: unknown, message: string, init?: ResponseInit): asserts condition {
  if (!condition) {
    throw new Response(message, { status: 400, ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init?.headers } });
  }
}

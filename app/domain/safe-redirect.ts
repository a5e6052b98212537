// Where to send a user after sign-in (`redirectTo`) or after a form (`returnTo`): only a path on
// this site. The target is parsed as a browser would parse it (WHATWG URL), because browsers drop
// tabs and line breaks and read "\" as "/": "/\t/evil.example" is "//evil.example" to them.

const SELF = "http://merenti.invalid";

/**
 * A same-origin path (with its query and fragment) for a Location header, or `fallback`.
 * The answer is the URL parser's own serialisation: ASCII only, no control characters, so it
 * can always go into a header.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, SELF);
  } catch {
    return fallback;
  }
  if (url.origin !== SELF) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

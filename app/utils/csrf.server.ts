// Cross-site request forgery: the one decision whether a request may change state, used by the
// middleware in scripts/server.ts. Pure, so tests/unit/csrf.test.ts covers every case.
//
// The policy (docs/decisions/003-http-security.md):
// - GET, HEAD and OPTIONS never change state here and always pass.
// - A browser that says the request comes from another site (Sec-Fetch-Site: cross-site or
//   same-site) is refused, whatever the other headers say.
// - With an Origin header, it must be exactly this server's origin (scheme, host and port);
//   "null" (sandboxed frames, privacy redirects) is refused.
// - Without Origin, a Referer must point to this server's origin.
// - With neither (curl, scripts, some privacy tools strip both): allowed when Sec-Fetch-Site is
//   absent (not a browser, so there are no victim's cookies to abuse) or "same-origin";
//   refused when a browser says "none" or anything else. Every current browser sends Origin on
//   a POST, so a real form never lands here.

export const CSRF_REJECTION_MESSAGE = "Żądanie odrzucone: formularz wysłano z innej witryny.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type StateChangeRequest = {
  method: string;
  /** The Origin header, if any. */
  origin?: string | null;
  /** The Referer header, if any. */
  referer?: string | null;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite?: string | null;
  /** The host (and port) the request was addressed to: the Host header, or X-Forwarded-Host behind a trusted proxy. */
  host?: string | null;
  /** "http" or "https", as the client used it (X-Forwarded-Proto behind a trusted proxy). */
  protocol: string;
};

/** The origin ("https://host:port", default port left out) of a URL, or null when it has none. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** True when the request may go on to the app; false when it must be refused with 403. */
export function isStateChangeAllowed({ method, origin, referer, secFetchSite, host, protocol }: StateChangeRequest): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;

  const site = secFetchSite?.trim().toLowerCase() || null;
  if (site === "cross-site" || site === "same-site") return false;

  const own = host ? originOf(`${protocol.replace(/:$/, "")}://${host}`) : null;

  if (origin) {
    const claimed = originOf(origin.trim());
    return own !== null && claimed === own;
  }
  if (referer) {
    const claimed = originOf(referer.trim());
    return own !== null && claimed === own;
  }
  return site === null || site === "same-origin";
}

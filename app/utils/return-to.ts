// `?returnTo=`: where a „fill it in here” link sends the user back after saving. Only a path on
// this site is accepted (never "//host", "/\host" or a scheme), so the parameter cannot be used
// to send someone off-site after a save (an open redirect).
import { safeRedirect } from "#app/domain/safe-redirect";

/** `to` when it is a same-site path ("/…") without spaces or backslashes, else `fallback`. */
export function safeReturnTo(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || /[\s\\]/.test(to)) return fallback;
  // The one same-origin check (also catches "/.//host", which the URL parser turns into "//host").
  return safeRedirect(to, fallback);
}

/** A link's href with `?returnTo=<here>` added, so the page it opens can send the user back. */
export function withReturnTo(href: string, returnTo: string): string {
  const hashAt = href.indexOf("#");
  const [path, hash] = hashAt < 0 ? [href, ""] : [href.slice(0, hashAt), href.slice(hashAt)];
  return `${path}${path.includes("?") ? "&" : "?"}returnTo=${encodeURIComponent(returnTo)}${hash}`;
}

const RETURN_LABELS: [prefix: string, label: string][] = [
  ["/board", "Wróć do tablicy"],
  ["/nominations/", "Wróć do wniosku"],
  ["/nominations", "Wróć do listy wniosków"],
  ["/drafts/", "Wróć do projektu uchwały"],
  ["/drafts", "Wróć do projektów uchwał"],
  ["/ceremonies/", "Wróć do uroczystości"],
  ["/hg", "Wróć do Honoris Gratia"],
  ["/diplomas", "Wróć do druku dyplomów"],
  ["/candidates/", "Wróć do kandydata"],
];

/** The words of a link back to `path` („Wróć do tablicy”). */
export function returnLabel(path: string): string {
  return RETURN_LABELS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? (path === "/" ? "Wróć do pulpitu" : "Wróć");
}

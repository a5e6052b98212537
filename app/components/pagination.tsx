import { Link, useLocation } from "@remix-run/react";

/** The address of page `page` of the list at `pathname?search`, without the parameters in `omit`. */
export function pageHref(search: string, page: number, pathname: string, omit: readonly string[]) {
  const params = new URLSearchParams(search);
  for (const name of omit) params.delete(name);
  if (page === 1) params.delete("page");
  else params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Links to the pages of a list, keeping the address's filters; `omit` names parameters that are not filters (a form's answer). */
export function Pagination({ page, pages, omit = [] }: { page: number; pages: number; omit?: readonly string[] }) {
  const { search, pathname } = useLocation();
  if (pages <= 1) return null;
  const around = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages);
  const shown = Array.from(new Set([1, ...around, pages])).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Strony wyników">
      <ul>
        <li>
          {page > 1 ? (
            <Link to={pageHref(search, page - 1, pathname, omit)} rel="prev">
              ‹ Poprzednia
            </Link>
          ) : (
            <span aria-disabled="true">‹ Poprzednia</span>
          )}
        </li>
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && p - shown[i - 1]! > 1 ? <span className="pagination__gap">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="pagination__current">
                <span className="visually-hidden">Strona </span>
                {p}
              </span>
            ) : (
              <Link to={pageHref(search, p, pathname, omit)} aria-label={`Strona ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        <li>
          {page < pages ? (
            <Link to={pageHref(search, page + 1, pathname, omit)} rel="next">
              Następna ›
            </Link>
          ) : (
            <span aria-disabled="true">Następna ›</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

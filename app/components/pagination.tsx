import { Link, useLocation } from "@remix-run/react";

function hrefFor(search: string, page: number, pathname: string) {
  const params = new URLSearchParams(search);
  if (page === 1) params.delete("page");
  else params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { search, pathname } = useLocation();
  if (pages <= 1) return null;
  const around = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages);
  const shown = Array.from(new Set([1, ...around, pages])).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Strony wyników">
      <ul>
        <li>
          {page > 1 ? (
            <Link to={hrefFor(search, page - 1, pathname)} rel="prev">
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
              <Link to={hrefFor(search, p, pathname)} aria-label={`Strona ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        <li>
          {page < pages ? (
            <Link to={hrefFor(search, page + 1, pathname)} rel="next">
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

import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { usePublicPage } from "./site-header";

const TITLES: Record<number, string> = {
  400: "Nieprawidłowe żądanie",
  403: "Brak uprawnień",
  404: "Nie znaleziono strony",
  405: "Niedozwolona metoda",
  409: "Konflikt zmian",
  503: "Chwilowa przerwa",
};

const HINTS: Record<number, string> = {
  403: "Nie masz uprawnień do tej strony lub czynności. Jeśli są Ci potrzebne, zwróć się do administratora.",
  404: "Strona, której szukasz, nie istnieje albo została usunięta. Sprawdź adres lub wróć do listy wniosków.",
};

/**
 * The title of a page whose loader failed: its own "not found" title for a 404, otherwise the
 * error page's heading (a 403 is not titled „Nie znaleziono wniosku”).
 */
export function errorPageTitle(error: unknown, notFound: string): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return notFound;
  return `${TITLES[status] ?? (status >= 500 ? "Błąd aplikacji" : "Błąd")} · Merenti`;
}

/** The one error boundary every route exports: a Polish page instead of a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const publicPage = usePublicPage();
  let status = 500;
  let detail = "";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    detail = typeof error.data === "string" ? error.data : "";
  } else if (typeof document === "undefined") {
    console.error(error);
  }
  const title = TITLES[status] ?? (status >= 500 ? "Błąd aplikacji" : "Błąd");
  const hint =
    HINTS[status] ??
    (status >= 500
      ? "Coś poszło nie tak po naszej stronie. Twoje dane nie zostały zmienione. Spróbuj ponownie za chwilę; jeśli błąd się powtarza, zgłoś go administratorowi."
      : "");
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">
        {title} <span className="error-page__code">({status})</span>
      </h1>
      {/* A 503 says why (a busy database): the other 5xx never show their text. */}
      {detail && (status < 500 || status === 503) ? <p className="error-page__detail">{detail}</p> : null}
      {hint && !(publicPage && status === 404) ? <p>{hint}</p> : null}
      {publicPage ? (
        <p>
          <Link to="/rejestr">Rejestr wyróżnień</Link>
        </p>
      ) : (
        <p>
          <Link to="/">Wróć na pulpit</Link> · <Link to="/nominations">Lista wniosków</Link>
        </p>
      )}
    </section>
  );
}

import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import appStyles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="pl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#tresc">
          Przejdź do treści
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <NavLink to="/" className="brand" end>
              Merenti <span className="brand__sub">rejestr wyróżnień Krakowa</span>
            </NavLink>
            <nav aria-label="Główne menu">
              <ul className="nav">
                <li>
                  <NavLink to="/" end>
                    Pulpit
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/nominations" end>
                    Wnioski
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/nominations/new">Nowy wniosek</NavLink>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="tresc" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">Merenti · Urząd Miasta Krakowa</footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

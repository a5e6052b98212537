import { Form, NavLink, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { Permission } from "#app/domain/permissions";
import type { SessionUser } from "#app/utils/auth.server";

/** The signed-in user as the root loader gives it to every page (null on public pages). */
export function useOptionalUser() {
  return (useRouteLoaderData("root") as { user: SessionUser | null } | undefined)?.user ?? null;
}

export function useCan() {
  const user = useOptionalUser();
  return (permission: Permission) => Boolean(user?.permissions.includes(permission));
}

/** Pages for the public (the registry) say so with `handle = { publicPage: true }`: no staff navigation. */
export function usePublicPage(): boolean {
  const matches = useMatches();
  const last = matches[matches.length - 1]?.handle as { publicPage?: boolean } | undefined;
  return Boolean(last?.publicPage);
}

/** The staff menu: each page with the permissions that show it (any one of them). */
const MENU: { to: string; label: string; shownTo: Permission[]; end?: boolean }[] = [
  { to: "/", label: "Pulpit", shownTo: ["nomination:read"], end: true },
  { to: "/nominations", label: "Wnioski", shownTo: ["nomination:read"], end: true },
  { to: "/board", label: "Tablica", shownTo: ["nomination:read"] },
  { to: "/nominations/new", label: "Nowy wniosek", shownTo: ["nomination:write:council", "nomination:write:hg"] },
  { to: "/conferrals", label: "Laureaci", shownTo: ["laureate:read"] },
  { to: "/reports", label: "Raporty", shownTo: ["laureate:read"] },
  { to: "/hg", label: "Honoris Gratia", shownTo: ["nomination:write:hg", "hg:decide"] },
  { to: "/drafts", label: "Projekty uchwał", shownTo: ["resolution:draft"] },
  { to: "/ceremonies", label: "Uroczystości", shownTo: ["ceremony:schedule"] },
  { to: "/diplomas", label: "Dyplomy", shownTo: ["diploma:print", "diploma:text"] },
  { to: "/audit", label: "Dziennik zdarzeń", shownTo: ["audit:read"] },
  { to: "/admin/users", label: "Użytkownicy", shownTo: ["user:manage"] },
  { to: "/admin/retention", label: "Ochrona danych", shownTo: ["personal-data:manage"] },
  { to: "/admin/settings", label: "Ustawienia", shownTo: ["settings:manage"] },
  { to: "/import", label: "Import", shownTo: ["settings:manage"] },
];

export function SiteHeader() {
  const user = useOptionalUser();
  const can = useCan();
  if (usePublicPage()) {
    return (
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/rejestr" className="brand" end>
            Rejestr wyróżnień <span className="brand__sub">Stołeczne Królewskie Miasto Kraków</span>
          </NavLink>
        </div>
      </header>
    );
  }
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <NavLink to="/" className="brand" end>
          Merenti <span className="brand__sub">rejestr wyróżnień Krakowa</span>
        </NavLink>
        {user ? (
          <>
            <MenuDisclosure>
              <nav aria-label="Główne menu">
                <ul className="nav">
                  {MENU.filter((item) => item.shownTo.some(can)).map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            </MenuDisclosure>
            <div className="account">
              <NavLink to="/account/password" className="account__name" title="Zmiana hasła">
                {user.name}
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="button--link">
                  Wyloguj
                </button>
              </Form>
            </div>
          </>
        ) : (
          <div className="account">
            <NavLink to="/login">Zaloguj się</NavLink>
          </div>
        )}
      </div>
    </header>
  );
}

/** Wide enough for the menu in a row (app.css uses the same width). */
const WIDE_MENU = "(min-width: 56rem)";

/**
 * On a phone the menu folds behind a „Menu” button: a <details> element, so it opens and
 * closes without JavaScript too. On a wide screen it is always open and its button hidden (the
 * stylesheet shows a closed menu's content there; the effect opens it for browsers that cannot).
 * After a client-side navigation a folded menu closes again.
 */
function MenuDisclosure({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const wide = window.matchMedia(WIDE_MENU);
    const sync = () => {
      if (ref.current) ref.current.open = wide.matches;
    };
    sync();
    wide.addEventListener("change", sync);
    return () => wide.removeEventListener("change", sync);
  }, [pathname]);
  return (
    <details className="menu" ref={ref}>
      <summary className="menu__toggle">Menu</summary>
      {children}
    </details>
  );
}

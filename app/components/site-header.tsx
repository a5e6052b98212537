import {
  Form,
  NavLink,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { Permission } from "#app/domain/permissions";
import type { SessionUser } from "#app/utils/auth.server";

/** The signed-in user as the root loader gives it to every page (null on public pages). */
export function useOptionalUser() {
  return (useRouteLoaderData("root") as { user: SessionUser | null } | undefined)?.user ?? null;
}

export function useCan() {
  const user = useOptionalUser();
  return (permission: Permission) =>
    Boolean(user?.permissions.includes(permission));
}

/** Pages for the public (the registry) say so with `handle = { publicPage: true }`: no staff navigation. */
export function usePublicPage(): boolean {
  const matches = useMatches();
  const last = matches[matches.length - 1]?.handle as
    | { publicPage?: boolean }
    | undefined;
  return Boolean(last?.publicPage);
}

export function SiteHeader() {
  const user = useOptionalUser();
  const can = useCan();
  if (usePublicPage()) {
    return (
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/rejestr" className="brand" end>
            Rejestr wyróżnień{" "}
            <span className="brand__sub">
              Stołeczne Królewskie Miasto Kraków
            </span>
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
                  {can("nomination:read") ? (
                    <>
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
                        <NavLink to="/board">Tablica</NavLink>
                      </li>
                    </>
                  ) : null}
                  {can("nomination:write:council") ||
                  can("nomination:write:hg") ? (
                    <li>
                      <NavLink to="/nominations/new">Nowy wniosek</NavLink>
                    </li>
                  ) : null}
                  {can("laureate:read") ? (
                    <>
                      <li>
                        <NavLink to="/conferrals">Laureaci</NavLink>
                      </li>
                      <li>
                        <NavLink to="/reports">Raporty</NavLink>
                      </li>
                    </>
                  ) : null}
                  {can("nomination:write:hg") || can("hg:decide") ? (
                    <li>
                      <NavLink to="/hg">Honoris Gratia</NavLink>
                    </li>
                  ) : null}
                  {can("resolution:draft") ? (
                    <li>
                      <NavLink to="/drafts">Projekty uchwał</NavLink>
                    </li>
                  ) : null}
                  {can("ceremony:schedule") ? (
                    <li>
                      <NavLink to="/ceremonies">Uroczystości</NavLink>
                    </li>
                  ) : null}
                  {can("diploma:print") || can("diploma:text") ? (
                    <li>
                      <NavLink to="/diplomas">Dyplomy</NavLink>
                    </li>
                  ) : null}
                  {can("audit:read") ? (
                    <li>
                      <NavLink to="/audit">Dziennik zdarzeń</NavLink>
                    </li>
                  ) : null}
                  {can("user:manage") ? (
                    <li>
                      <NavLink to="/admin/users">Użytkownicy</NavLink>
                    </li>
                  ) : null}
                  {can("personal-data:manage") ? (
                    <li>
                      <NavLink to="/admin/retention">Ochrona danych</NavLink>
                    </li>
                  ) : null}
                  {can("settings:manage") ? (
                    <li>
                      <NavLink to="/admin/settings">Ustawienia</NavLink>
                    </li>
                  ) : null}
                  {can("settings:manage") ? (
                    <li>
                      <NavLink to="/import">Import</NavLink>
                    </li>
                  ) : null}
                </ul>
              </nav>
            </MenuDisclosure>
            <div className="account">
              <NavLink
                to="/account/password"
                className="account__name"
                title="Zmiana hasła"
              >
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

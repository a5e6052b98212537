import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./utils/nonce-provider";
import { SiteHeader, usePublicPage } from "./components/site-header";
import { ToastMessage } from "./components/toast";
import { getUser } from "./utils/auth.server";
import { getToast } from "./utils/toast.server";
import appStyles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { toast, headers } = await getToast(request);
  return data({ user: user ? { name: user.name, permissions: user.permissions } : null, toast }, headers ? { headers } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // The public registry is plain HTML: GET forms and links need no script, so the page is
  // lighter to render and to load, and nothing of the app's code is sent to the public.
  const publicPage = usePublicPage();
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
        <SiteHeader />
        <main id="tresc" tabIndex={-1}>
          <ToastMessage />
          {children}
        </main>
        <footer className="site-footer">
          Merenti · Urząd Miasta Krakowa · <Link to="/rejestr">Publiczny rejestr wyróżnień</Link>
        </footer>
        {publicPage ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
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

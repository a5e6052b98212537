import { Link, type LinkProps } from "@remix-run/react";
import { mayOpen } from "#app/domain/link-permissions";
import { useOptionalUser } from "./site-header";

/** Whether the signed-in user may open an address of the app (see app/domain/link-permissions.ts). */
export function useMayOpen() {
  const permissions = useOptionalUser()?.permissions ?? [];
  return (href: string) => mayOpen(href, permissions);
}

/** A link for users who may open the page; for others its text alone, not a way to a 403 page. */
export function PermittedLink({ to, children, ...props }: LinkProps & { to: string }) {
  const may = useMayOpen();
  if (!may(to)) return <>{children}</>;
  return (
    <Link to={to} {...props}>
      {children}
    </Link>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { listUsers } from "#app/models/user.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import * as clock from "#app/domain/clock";

export const meta: MetaFunction = () => [{ title: "Użytkownicy · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "user:manage");
  const now = clock.now();
  const users = await listUsers();
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      roles: u.roles.map((r) => r.role.name).sort((a, b) => a.localeCompare(b, "pl")),
      active: u.active,
      isDemo: u.isDemo,
      lastLogin: u.lastLoginAt ? { iso: u.lastLoginAt.toISOString(), text: formatWarsawDateTime(u.lastLoginAt) } : null,
      // Only a lock still in force: an expired one means nothing to the reader.
      lockedUntil: u.lockedUntil && u.lockedUntil > now ? { iso: u.lockedUntil.toISOString(), text: formatWarsawDateTime(u.lockedUntil) } : null,
    })),
  };
}

export default function UsersList() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Użytkownicy</h1>
        <Link className="button" to="/admin/users/new">
          Nowy użytkownik
        </Link>
      </div>
      <p className="result-count">Kont: {users.length}. Czas według strefy Europe/Warsaw.</p>
      <div className="table-wrap">
        <table className="data-table data-table--stack">
          <caption className="visually-hidden">Konta użytkowników</caption>
          <thead>
            <tr>
              <th scope="col">Imię i nazwisko</th>
              <th scope="col">Adres e-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Aktywne</th>
              <th scope="col">Ostatnie logowanie</th>
              <th scope="col">Zablokowane do</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td data-label="Imię i nazwisko">
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.isDemo ? (
                    <>
                      {" "}
                      <span className="demo-mark" title="Konto demonstracyjne">
                        demo
                      </span>
                    </>
                  ) : null}
                </td>
                <td data-label="Adres e-mail">{u.email}</td>
                <td data-label="Role">{u.roles.length ? u.roles.join(", ") : <span className="muted">brak ról</span>}</td>
                <td data-label="Aktywne">{u.active ? "tak" : <strong className="warn">nie</strong>}</td>
                <td data-label="Ostatnie logowanie">
                  {u.lastLogin ? <time dateTime={u.lastLogin.iso}>{u.lastLogin.text}</time> : <span className="muted">nigdy</span>}
                </td>
                <td data-label="Zablokowane do">{u.lockedUntil ? <time dateTime={u.lockedUntil.iso}>{u.lockedUntil.text}</time> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// The Mayor's Honoris Gratia decisions (ordinances), newest first, each with its documents.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { HgNav } from "#app/components/hg";
import { formatShortDate } from "#app/domain/polish-dates";
import { listHgDecisions } from "#app/models/hg-decisions.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Decyzje „Honoris Gratia” · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  return { decisions: await listHgDecisions() };
}

export default function HgDecisions() {
  const { decisions } = useLoaderData<typeof loader>();
  return (
    <>
      <HgNav />
      <h1>Decyzje Prezydenta i pisma do wnioskodawców</h1>
      <p className="lead">
        Decyzję zapisuje się, przyznając odznaki na liście wniosków (czynność „Przyznaj odznakę”); tu są jej dokumenty. Przed decyzją:{" "}
        <Link to="/hg/decisions/draft">projekt decyzji</Link> z wniosków w przygotowaniu.
      </p>
      {decisions.length === 0 ? (
        <div className="empty-state">
          <p>Nie zapisano jeszcze żadnej decyzji.</p>
        </div>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Zarządzenie</th>
              <th scope="col">Data</th>
              <th scope="col">Odznak</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/hg/decisions/${d.id}`}>nr {d.number}</Link>
                </td>
                <td>
                  <time dateTime={d.issuedOn}>{formatShortDate(d.issuedOn)}</time>
                </td>
                <td>{d._count.conferrals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

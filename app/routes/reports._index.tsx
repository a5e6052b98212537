import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { REPORT_DESCRIPTION, REPORT_TITLE, REPORTS } from "#app/domain/reports";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Raporty · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "laureate:read");
  // The status report counts nominations: only for those who may read them.
  return { reports: REPORTS.filter((r) => r !== "statuses" || user.permissions.includes("nomination:read")) };
}

export default function Reports() {
  const { reports } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Raporty</h1>
      <p className="lead">Każdy raport można wydrukować i pobrać jako plik CSV (UTF-8, średniki), który Excel otwiera z polskimi znakami.</p>
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r}>
            <Link to={`/reports/${r}`}>{REPORT_TITLE[r]}</Link>
            <p className="field-hint">{REPORT_DESCRIPTION[r]}</p>
          </li>
        ))}
      </ul>
      <p>
        Zobacz też: <Link to="/conferrals">Laureaci</Link> (lista nadań z eksportem CSV) i <Link to="/rejestr">publiczny rejestr wyróżnień</Link>.
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "#app/components/bar-chart";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { PrintButton } from "#app/components/print-button";
import { REPORT_DESCRIPTION, REPORT_TITLE } from "#app/domain/reports";
import { buildReport } from "#app/models/reports.server";
import { requireReport } from "#app/utils/report-access.server";
import * as clock from "#app/domain/clock";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? REPORT_TITLE[data.key] : "Raport"} · Merenti` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await requireReport(request, params.report);
  const report = await buildReport(key);
  return { key, ...report, generatedAt: clock.now().toISOString() };
}

const CHART_DESCRIPTION = "Słupki: łączna liczba nadań wszystkich wyróżnień w kolejnych latach. Te same liczby są w tabeli poniżej.";

export default function ReportPage() {
  const { key, table, bars, generatedAt } = useLoaderData<typeof loader>();
  const title = REPORT_TITLE[key];
  return (
    <>
      <p className="no-print">
        <Link to="/reports">‹ Raporty</Link>
      </p>
      <div className="page-head">
        <h1>{title}</h1>
        <div className="page-head__actions no-print">
          <a className="button button--secondary" href={`/reports/${key}/csv`} download>
            Pobierz CSV
          </a>
          <PrintButton />
        </div>
      </div>
      <p className="lead">{REPORT_DESCRIPTION[key]}</p>
      <p className="print-only">Stan na {new Date(generatedAt).toLocaleString("pl-PL", { timeZone: "Europe/Warsaw" })}.</p>
      {bars && bars.length > 0 ? <BarChart id="chart-years" title="Liczba nadań w kolejnych latach" description={CHART_DESCRIPTION} bars={bars} /> : null}
      {table.rows.length === 0 ? (
        <div className="empty-state">
          <p>Brak danych do raportu.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table report-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} className={row.includes("limit przekroczony") ? "report-row--exceeded" : undefined}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} className={typeof cell === "number" ? "num" : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// Honoris Gratia statistics: badges per year (chart and table), per channel, average days from
// receipt to the Mayor's decision and the share decided within a month; CSV of the same figures.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { BarChart } from "#app/components/bar-chart";
import { HgNav } from "#app/components/hg";
import { hgStatisticsData } from "#app/models/hg-statistics.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { daysText, percentText } from "#app/domain/honoris-gratia";

export const meta: MetaFunction = () => [{ title: "Statystyki „Honoris Gratia” · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const stats = await hgStatisticsData();
  return { stats };
}

export default function HgStats() {
  const { stats } = useLoaderData<typeof loader>();
  return (
    <>
      <HgNav />
      <div className="page-head">
        <h1>Statystyki Odznaki „Honoris Gratia”</h1>
        <a href="/hg/stats/export">Pobierz CSV</a>
      </div>
      <dl className="details">
        <dt>Decyzje (przyznania i odmowy z datą)</dt>
        <dd>{stats.decisions}</dd>
        <dt>Średnio dni od wpływu do decyzji</dt>
        <dd>{daysText(stats.averageDaysToDecision)}</dd>
        <dt>Rozpatrzone w ciągu miesiąca</dt>
        <dd>{percentText(stats.shareWithinMonth)}</dd>
      </dl>
      <h2>Odznaki w kolejnych latach</h2>
      {stats.perYear.length === 0 ? (
        <div className="empty-state">
          <p>Nie nadano jeszcze żadnej odznaki.</p>
        </div>
      ) : (
        <>
          <BarChart
            id="chart-badges"
            title="Liczba nadanych odznak w kolejnych latach"
            description="Słupki od najstarszego roku do najnowszego; te same liczby są w tabeli poniżej."
            bars={stats.perYear.map((y) => ({ label: String(y.year), value: y.badges }))}
          />
          <table className="data-table">
            <caption className="visually-hidden">Odznaki w kolejnych latach</caption>
            <thead>
              <tr>
                <th scope="col">Rok</th>
                <th scope="col">Odznak</th>
              </tr>
            </thead>
            <tbody>
              {stats.perYear.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.badges}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Odznaki według kanału wpływu</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Kanał</th>
            <th scope="col">Odznak</th>
          </tr>
        </thead>
        <tbody>
          {stats.perChannel.map((c) => (
            <tr key={c.channel}>
              <th scope="row">{c.label}</th>
              <td>{c.badges}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { HONOUR_LABEL, HONOURS } from "#app/domain/honours";
import { STATUS_LABEL, statusesOf } from "#app/domain/workflow";
import { nominationCountsByHonourAndStatus } from "#app/models/nomination.server";
import { requireUser } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Pulpit · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Every signed-in role lands here; the counts hold no personal data.
  await requireUser(request);
  const counts = await nominationCountsByHonourAndStatus();
  return {
    honours: HONOURS.map((honour) => {
      const byStatus = statusesOf(honour).map((status) => ({
        status,
        count: counts.find((c) => c.honour === honour && c.status === status)?.count ?? 0,
      }));
      return { honour, byStatus, total: byStatus.reduce((s, x) => s + x.count, 0) };
    }),
  };
}

export default function Dashboard() {
  const { honours } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Pulpit</h1>
      <div className="cards">
        {honours.map((h) => (
          <section key={h.honour} className="card" aria-labelledby={`h-${h.honour}`}>
            <h2 id={`h-${h.honour}`}>
              <Link to={`/nominations?honour=${h.honour}`}>{HONOUR_LABEL[h.honour]}</Link>
            </h2>
            <p className="card__total">
              Wnioski: <strong>{h.total}</strong>
            </p>
            <table className="data-table data-table--compact">
              <caption className="visually-hidden">Liczba wniosków według statusu: {HONOUR_LABEL[h.honour]}</caption>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Liczba
                  </th>
                </tr>
              </thead>
              <tbody>
                {h.byStatus.map((s) => (
                  <tr key={s.status}>
                    <th scope="row">
                      <Link to={`/nominations?honour=${h.honour}&status=${s.status}`}>{STATUS_LABEL[s.status]}</Link>
                    </th>
                    <td className="num">{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <section aria-labelledby="terminy" className="card">
        <h2 id="terminy">Najbliższe terminy</h2>
        <p className="empty-state">Brak terminów do wyświetlenia. Terminy naboru i załatwienia wniosków pojawią się tutaj.</p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

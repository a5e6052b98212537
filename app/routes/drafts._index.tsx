import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { honourText, StatusBadge } from "#app/components/labels";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { listWaitingDrafts } from "#app/models/draft.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Projekty uchwał oczekujące na Radę · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "resolution:draft");
  const drafts = await listWaitingDrafts();
  return {
    drafts: drafts.map((d) => ({
      id: d.id,
      honour: d.honour,
      medalClass: d.medalClass,
      printNumber: d.printNumber,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      version: d.versions[0]?.number ?? 0,
      nominations: d.nominations.map((l) => ({ id: l.nomination.id, name: l.nomination.candidate.displayName, status: l.nomination.status })),
    })),
  };
}

export default function WaitingDrafts() {
  const { drafts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Projekty uchwał oczekujące na Radę</h1>
      {drafts.length === 0 ? (
        <p className="empty-state">Żaden projekt uchwały nie czeka na decyzję Rady.</p>
      ) : (
        <table className="data-table data-table--stack">
          <thead>
            <tr>
              <th scope="col">Kandydat</th>
              <th scope="col">Wyróżnienie</th>
              <th scope="col">Druk nr</th>
              <th scope="col">Status wniosku</th>
              <th scope="col">Wersja</th>
              <th scope="col">Utworzono</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td data-label="Kandydat">
                  <Link to={`/drafts/${d.id}`}>{d.nominations.map((n) => n.name).join(", ")}</Link>
                </td>
                <td data-label="Wyróżnienie">{honourText(d.honour, d.medalClass)}</td>
                <td data-label="Druk nr">{d.printNumber || "—"}</td>
                <td data-label="Status wniosku">{d.nominations[0] ? <StatusBadge status={d.nominations[0].status} /> : null}</td>
                <td data-label="Wersja">{d.version}</td>
                <td data-label="Utworzono">{formatWarsawDateTime(new Date(d.createdAt))}</td>
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

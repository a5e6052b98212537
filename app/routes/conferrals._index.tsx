// Laureates for staff: every conferral (anonymised ones too), with the registry's filters plus
// hand-over and source, and a CSV export of exactly the current filter.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark, StatusBadge } from "#app/components/labels";
import { Pagination } from "#app/components/pagination";
import { PermittedLink } from "#app/components/permitted-link";
import { actText, conferredHonourText, FilterSelect, RegistryFilterFields } from "#app/components/registry";
import { formatShortDate } from "#app/domain/polish-dates";
import { resultCountText } from "#app/domain/result-count";
import {
  HANDOVER_FILTER_LABEL,
  HANDOVER_FILTERS,
  isFiltered,
  parseRegistryQuery,
  REGISTRY_PAGE_SIZE,
  registrySearchParams,
  SOURCE_FILTER_LABEL,
  SOURCE_FILTERS,
} from "#app/domain/registry";
import { listCouncilTermNumbers } from "#app/models/council-term.server";
import { listConferralYears, listStaffConferrals } from "#app/models/registry.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Laureaci · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "laureate:read");
  const query = parseRegistryQuery(new URL(request.url).searchParams, "staff");
  const [{ total, rows }, terms, years] = await Promise.all([listStaffConferrals(query), listCouncilTermNumbers(), listConferralYears()]);
  return {
    query,
    total,
    exportSearch: registrySearchParams(query).toString(),
    rows: rows.map((r) => ({
      id: r.id,
      publicId: r.publicId,
      name: r.candidate.displayName,
      candidateId: r.candidateId,
      honour: conferredHonourText(r),
      act: actText(r),
      conferredOn: r.conferredOn,
      handedOverOn: r.handedOverOn,
      handoverPlace: r.handoverPlace,
      nominationId: r.nominationId,
      status: r.nomination?.status ?? null,
      caseReference: r.nomination?.caseReference ?? "",
      anonymized: Boolean(r.anonymizedAt || r.candidate.anonymizedAt),
      isDemo: r.isDemo,
    })),
    terms,
    years,
  };
}

export default function Conferrals() {
  const { query, total, rows, terms, years, exportSearch } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = isFiltered(query);
  const pages = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  return (
    <>
      <div className="page-head">
        <h1>Laureaci</h1>
        <div className="page-head__actions no-print">
          <a className="button button--secondary" href={`/conferrals/export${exportSearch ? `?${exportSearch}` : ""}`} download>
            Eksportuj CSV
          </a>
          <Link to="/reports">Raporty</Link>
        </div>
      </div>

      <Form method="get" className="filters no-print" role="search" aria-label="Szukaj i filtruj laureatów">
        <RegistryFilterFields query={query} terms={terms} years={years} searchLabel="Szukaj laureata" />
        <FilterSelect
          name="handedOver"
          label="Wręczenie"
          value={query.handedOver}
          options={HANDOVER_FILTERS.map((h) => [h, HANDOVER_FILTER_LABEL[h]] as const)}
        />
        <FilterSelect name="source" label="Źródło" value={query.source} options={SOURCE_FILTERS.map((x) => [x, SOURCE_FILTER_LABEL[x]] as const)} />
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          {filtered ? <Link to="/conferrals">Wyczyść filtry</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading" ? "Wczytywanie…" : resultCountText(total, query.page, REGISTRY_PAGE_SIZE)}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>Żadne nadanie nie pasuje do wybranych kryteriów.</p>
              <p>
                <Link to="/conferrals">Pokaż wszystkich laureatów</Link>
              </p>
            </>
          ) : (
            <p>Nie ma jeszcze żadnych nadań: pojawią się tu po podjęciu uchwały lub decyzji Prezydenta.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">Laureaci</caption>
            <thead>
              <tr>
                <th scope="col">Laureat</th>
                <th scope="col">Wyróżnienie</th>
                <th scope="col">Akt nadania</th>
                <th scope="col">Nadano</th>
                <th scope="col">Wręczono</th>
                <th scope="col">Wniosek</th>
                <th scope="col">Rejestr publiczny</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="Laureat">
                    <PermittedLink to={`/candidates/${r.candidateId}`}>{r.name}</PermittedLink> <DemoMark isDemo={r.isDemo} />
                  </td>
                  <td data-label="Wyróżnienie">{r.honour}</td>
                  <td data-label="Akt nadania">{r.act}</td>
                  <td data-label="Nadano">
                    <time dateTime={r.conferredOn}>{formatShortDate(r.conferredOn)}</time>
                  </td>
                  <td data-label="Wręczono">
                    {r.handedOverOn ? (
                      <>
                        <time dateTime={r.handedOverOn}>{formatShortDate(r.handedOverOn)}</time>
                        {r.handoverPlace ? `, ${r.handoverPlace}` : ""}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label="Wniosek">
                    {r.nominationId ? (
                      <>
                        <PermittedLink to={`/nominations/${r.nominationId}`} className="case-ref">
                          {r.caseReference || "wniosek"}
                        </PermittedLink>{" "}
                        {r.status ? <StatusBadge status={r.status} /> : null}
                      </>
                    ) : (
                      "historyczne"
                    )}
                  </td>
                  <td data-label="Rejestr publiczny">{r.anonymized ? "niepubliczne" : <Link to={`/rejestr/${encodeURIComponent(r.publicId)}`}>wpis</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

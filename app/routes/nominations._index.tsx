import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { FilterSelect } from "#app/components/forms";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark, honourText, StatusBadge, termText } from "#app/components/labels";
import { Pagination } from "#app/components/pagination";
import { useCan } from "#app/components/site-header";
import { HONOUR_LABEL, HONOURS, MEDAL_CLASS_LABEL, MEDAL_CLASSES } from "#app/domain/honours";
import { pageCount, PAGE_SIZE, parseNominationListQuery, SORT_LABEL, SORTS } from "#app/domain/nomination-list";
import { honoraryCitizenshipDeadline } from "#app/domain/deadlines";
import { formatPolishDate, formatShortDate } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import { STATUS_LABEL, STATUSES } from "#app/domain/workflow";
import { resultCountText } from "#app/domain/result-count";
import { listCouncilTermNumbers } from "#app/models/council-term.server";
import { listNominations, listYears } from "#app/models/nomination-list.server";
import { allAssigneeCandidates } from "#app/models/assignee.server";
import { AssigneeFilterSelect } from "#app/components/assignee";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Wnioski · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  const query = parseNominationListQuery(new URL(request.url).searchParams);
  const [{ total, rows }, terms, years, assignees] = await Promise.all([
    listNominations(query, user.id),
    listCouncilTermNumbers(),
    listYears(),
    allAssigneeCandidates(),
  ]);
  // The export carries the current filter and search; not the page: it holds every matching row.
  const exportParams = new URLSearchParams(new URL(request.url).search);
  exportParams.delete("page");
  return { query, total, rows, terms, years, assignees, exportSearch: exportParams.toString() };
}

export default function NominationsList() {
  const { query, total, rows, terms, years, assignees, exportSearch } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const can = useCan();
  const pages = pageCount(total);
  const filtered = Boolean(query.q || query.honour || query.medalClass || query.status || query.term || query.year || query.round || query.prowadzacy);

  return (
    <>
      <div className="page-head">
        <h1>Wnioski</h1>
        <div className="page-head__actions no-print">
          <a className="button button--secondary" href={`/nominations/export${exportSearch ? `?${exportSearch}` : ""}`} download>
            Eksportuj CSV
          </a>
          {can("nomination:write:council") || can("nomination:write:hg") ? (
            <Link className="button" to="/nominations/new">
              Nowy wniosek
            </Link>
          ) : null}
        </div>
      </div>

      <Form method="get" className="filters no-print" role="search" aria-label="Szukaj i filtruj wnioski">
        <div className="field field--wide">
          <label htmlFor="q">Szukaj kandydata lub wnioskodawcy</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="np. zolkiewski" />
        </div>
        <FilterSelect name="honour" label="Wyróżnienie" value={query.honour} options={HONOURS} labels={HONOUR_LABEL} />
        <FilterSelect name="medalClass" label="Klasa medalu" value={query.medalClass} options={MEDAL_CLASSES} labels={MEDAL_CLASS_LABEL} />
        <FilterSelect name="status" label="Status" value={query.status} options={STATUSES} labels={STATUS_LABEL} />
        <div className="field">
          <label htmlFor="term">Kadencja</label>
          <select id="term" name="term" defaultValue={query.term ?? ""}>
            <option value="">wszystkie</option>
            {terms.map((n) => (
              <option key={n} value={n}>
                {toRoman(n)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">Rok wpływu</label>
          <select id="year" name="year" defaultValue={query.year ?? ""}>
            <option value="">wszystkie</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <AssigneeFilterSelect value={query.prowadzacy} people={assignees} />
        <div className="field">
          <label htmlFor="sort">Sortuj według</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {query.round ? (
          <p className="field field--wide">
            <input type="hidden" name="round" value={query.round} />
            Tylko nabór {query.round} wniosków o Honorowe Obywatelstwo (termin: {formatPolishDate(honoraryCitizenshipDeadline(query.round))}).
          </p>
        ) : null}
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          {filtered ? <Link to="/nominations">Wyczyść filtry</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading" ? "Wczytywanie…" : resultCountText(total, query.page, PAGE_SIZE)}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>Żaden wniosek nie pasuje do wybranych kryteriów.</p>
              <p>
                <Link to="/nominations">Pokaż wszystkie wnioski</Link>
              </p>
            </>
          ) : (
            <>
              <p>W rejestrze nie ma jeszcze żadnych wniosków.</p>
              <p>
                <Link to="/nominations/new">Zarejestruj pierwszy wniosek</Link>
              </p>
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">Lista wniosków</caption>
            <thead>
              <tr>
                <th scope="col">Kandydat</th>
                <th scope="col">Wyróżnienie</th>
                <th scope="col">Status</th>
                <th scope="col">Data wpływu</th>
                <th scope="col">Kadencja</th>
                <th scope="col">Wnioskodawca</th>
                <th scope="col">Znak sprawy</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id}>
                  <td data-label="Kandydat">
                    <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link> <DemoMark isDemo={n.candidate.isDemo} />
                  </td>
                  <td data-label="Wyróżnienie">{honourText(n.honour, n.requestedClass)}</td>
                  <td data-label="Status">
                    <StatusBadge status={n.status} />
                  </td>
                  <td data-label="Data wpływu">
                    <time dateTime={n.receivedDate}>{formatShortDate(n.receivedDate)}</time>
                  </td>
                  <td data-label="Kadencja">{termText(n.councilTerm?.number)}</td>
                  <td data-label="Wnioskodawca">{n.nominators.map((x) => x.name).join("; ")}</td>
                  <td data-label="Znak sprawy" className="case-ref">
                    {n.caseReference || "—"}
                  </td>
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

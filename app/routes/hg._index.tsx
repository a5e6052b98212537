// The Honoris Gratia desk: by default the deadline board (every application awaiting the Mayor's
// decision, most urgent first, overdue ones on top); filters widen it to the whole list. Rows are
// selected (or "all matching") for bulk work, and the CSV holds exactly the current filter.
import { FilterSelect } from "#app/components/forms";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { StatusBadge } from "#app/components/labels";
import { Pagination } from "#app/components/pagination";
import { useCan } from "#app/components/site-header";
import { DueDate, HgNav } from "#app/components/hg";
import { HG_OPEN_STATUSES } from "#app/domain/deadlines";
import {
  BULK_ACTIONS,
  BULK_LABEL,
  CHANNEL_LABEL,
  CHANNELS,
  HG_PAGE_SIZE,
  HG_STATUSES,
  hgQueryParams,
  parseHgListQuery,
  type Channel,
} from "#app/domain/honoris-gratia";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { resultCountText } from "#app/domain/result-count";
import { hgDeadlineCounts, listHg } from "#app/models/hg-list.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Odznaka „Honoris Gratia” · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const today = todayIso();
  const query = parseHgListQuery(new URL(request.url).searchParams);
  const counts = await hgDeadlineCounts(today);
  const plainBoard = query.status === "open" && !query.channel && !query.year && !query.q && !query.due;
  const { total, rows } = await listHg(query, today, plainBoard ? counts.open : undefined);
  return { query, params: hgQueryParams(query).toString(), total, rows, counts, today };
}

export default function HgDesk() {
  const { query, params, total, rows, counts, today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const can = useCan();
  const pages = Math.max(1, Math.ceil(total / HG_PAGE_SIZE));
  const filtered = query.status !== "open" || Boolean(query.channel || query.year || query.q || query.due);
  const decide = can("hg:decide");
  // Granted laureates go to a hand-over event from the same selection.
  const handover = can("ceremony:schedule");
  const select = decide || handover;

  return (
    <>
      <HgNav />
      <div className="page-head">
        <h1>Odznaka „Honoris Gratia”: wnioski i terminy</h1>
        {can("nomination:write:hg") ? (
          <Link className="button" to="/hg/new">
            Nowy wniosek
          </Link>
        ) : null}
      </div>
      <ul className="hg-counts">
        <li>
          Oczekuje na decyzję: <strong>{counts.open}</strong>
        </li>
        <li>
          <Link to="/hg?status=open&due=overdue">
            Po terminie: <strong>{counts.overdue}</strong>
          </Link>
        </li>
        <li>
          <Link to="/hg?status=open&due=this-week">
            Termin w ciągu 7 dni: <strong>{counts.thisWeek}</strong>
          </Link>
        </li>
      </ul>

      <Form method="get" className="filters no-print" role="search" aria-label="Filtruj wnioski „Honoris Gratia”">
        <div className="field field--wide">
          <label htmlFor="q">Szukaj laureata lub wnioskodawcy</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status}>
            <option value="open">oczekujące na decyzję</option>
            <option value="all">wszystkie</option>
            {HG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect name="channel" label="Kanał" value={query.channel} options={CHANNELS} labels={CHANNEL_LABEL} />
        <div className="field">
          <label htmlFor="due">Termin</label>
          <select id="due" name="due" defaultValue={query.due ?? ""}>
            <option value="">każdy</option>
            <option value="overdue">po terminie</option>
            <option value="this-week">w ciągu 7 dni</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="year">Rok wpływu</label>
          <input id="year" name="year" type="number" min={1990} max={2200} defaultValue={query.year ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          {filtered ? <Link to="/hg">Wyczyść filtry</Link> : null}
          <a href={`/hg/export?${params}`}>Pobierz CSV ({total})</a>
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading"
          ? "Wczytywanie…"
          : resultCountText(total, query.page, HG_PAGE_SIZE, { shown: "Wyniki", none: "Brak wyników", after: ", najpilniejsze najpierw" })}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? <p>Żaden wniosek nie pasuje do wybranych kryteriów.</p> : <p>Żaden wniosek nie czeka na decyzję.</p>}
          {can("nomination:write:hg") ? (
            <p>
              <Link to="/hg/new">Zarejestruj wniosek</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <Form method="get" action="/hg/bulk" aria-label="Czynności na zaznaczonych wnioskach">
          {[...new URLSearchParams(params)].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {select ? (
            <fieldset className="bulk-bar no-print">
              <legend>Czynność na zaznaczonych wnioskach</legend>
              <label className="choice">
                <input type="checkbox" name="allMatching" value="on" /> Zaznacz wszystkie pasujące do filtra ({total})
              </label>
              {decide ? (
                <>
                  <div className="field">
                    <label htmlFor="bulkAction">Czynność</label>
                    <select id="bulkAction" name="bulkAction" defaultValue="verify">
                      {BULK_ACTIONS.map((a) => (
                        <option key={a} value={a}>
                          {BULK_LABEL[a]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit">Dalej: pokaż, co się zmieni</button>
                </>
              ) : null}
              {handover ? (
                <button type="submit" formAction="/hg/handover" className={decide ? "button--secondary" : undefined}>
                  Przekaż przyznane do wręczenia…
                </button>
              ) : null}
            </fieldset>
          ) : null}
          <div className="table-wrap">
            <table className="data-table data-table--stack">
              <caption className="visually-hidden">Wnioski „Honoris Gratia”, najpilniejsze najpierw</caption>
              <thead>
                <tr>
                  {select ? <th scope="col">Zaznacz</th> : null}
                  <th scope="col">Laureat</th>
                  <th scope="col">Wnioskodawca</th>
                  <th scope="col">Kanał</th>
                  <th scope="col">Status</th>
                  <th scope="col">Wpłynął</th>
                  <th scope="col">Termin decyzji</th>
                  <th scope="col">Nr odznaki</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    {select ? (
                      <td data-label="Zaznacz">
                        <input type="checkbox" name="ids" value={r.id} aria-label={`Zaznacz: ${r.candidate.displayName}`} />
                      </td>
                    ) : null}
                    <td data-label="Laureat">
                      <Link to={`/nominations/${r.id}`}>{r.candidate.displayName}</Link>
                    </td>
                    <td data-label="Wnioskodawca">{r.hgApplication ? <Link to={`/hg/${r.hgApplication.id}`}>{r.hgApplication.applicantName}</Link> : "—"}</td>
                    <td data-label="Kanał">{r.hgApplication ? CHANNEL_LABEL[r.hgApplication.channel as Channel] : "—"}</td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Wpłynął">
                      <time dateTime={r.receivedDate}>{formatShortDate(r.receivedDate)}</time>
                    </td>
                    <td data-label="Termin decyzji">
                      <DueDate dueDate={r.dueDate} today={today} open={(HG_OPEN_STATUSES as readonly string[]).includes(r.status as Status)} />
                    </td>
                    <td data-label="Nr odznaki">{r.badgeNumber ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Form>
      )}
      <Pagination page={query.page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /ceremonies: the coming ceremonies (a list, 20 a page) and a month calendar (?month=YYYY-MM).
import { pageOf } from "#app/domain/form-fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CeremonyStatus } from "#app/components/ceremony";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Pagination } from "#app/components/pagination";
import { useCan } from "#app/components/site-header";
import { ceremonyKindLabel, Month, monthGrid, shiftMonth } from "#app/domain/ceremony";
import { formatPolishDate, MONTHS_NOMINATIVE, parseIsoDate, todayIso } from "#app/domain/polish-dates";
import { ceremoniesBetween, upcomingCeremonies } from "#app/models/ceremony.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Uroczystości · Merenti" }];

const PAGE_SIZE = 20;
const WEEKDAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const params = new URL(request.url).searchParams;
  const today = todayIso();
  const parsedMonth = Month.safeParse(params.get("month"));
  const month = parsedMonth.success ? parsedMonth.data : today.slice(0, 7);
  const page = pageOf(params);
  const past = params.get("okres") === "wczesniejsze";
  const weeks = monthGrid(month);
  const [upcoming, inMonth] = await Promise.all([
    upcomingCeremonies(today, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, past }),
    ceremoniesBetween(weeks[0]![0]!.date, weeks.at(-1)!.at(-1)!.date),
  ]);
  return {
    today,
    past,
    month,
    previous: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
    weeks,
    inMonth,
    page,
    pages: Math.max(1, Math.ceil(upcoming.total / PAGE_SIZE)),
    upcoming: upcoming.rows.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      date: c.date,
      startTime: c.startTime,
      endTime: c.endTime,
      status: c.status,
      venue: c.venue?.name ?? "",
      laureates: c._count.laureates,
    })),
  };
}

function monthTitle(month: string): string {
  const { year, month: m } = parseIsoDate(`${month}-01`);
  return `${MONTHS_NOMINATIVE[m - 1]} ${year}`;
}

export default function Ceremonies() {
  const { today, past, month, previous, next, weeks, inMonth, upcoming, page, pages } = useLoaderData<typeof loader>();
  const can = useCan();
  return (
    <>
      <div className="page-head">
        <h1>Uroczystości</h1>
        {can("ceremony:schedule") ? (
          <p className="page-actions no-print">
            <Link to="/ceremonies/new">Zaplanuj uroczystość</Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="najblizsze">
        <h2 id="najblizsze">{past ? "Wcześniejsze uroczystości" : "Najbliższe uroczystości"}</h2>
        <p className="no-print">
          {past ? (
            <Link to="/ceremonies">Pokaż najbliższe uroczystości</Link>
          ) : (
            <Link to="/ceremonies?okres=wczesniejsze">Pokaż wcześniejsze uroczystości (np. do zamknięcia)</Link>
          )}
        </p>
        {upcoming.length === 0 ? (
          <p className="empty-state">
            {past
              ? "Nie ma wcześniejszych uroczystości."
              : "Nie zaplanowano żadnej uroczystości od dziś. Zaplanuj pierwszą przyciskiem „Zaplanuj uroczystość”."}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table data-table--stack">
              <thead>
                <tr>
                  <th scope="col">Data i godzina</th>
                  <th scope="col">Uroczystość</th>
                  <th scope="col">Rodzaj</th>
                  <th scope="col">Miejsce</th>
                  <th scope="col" className="num">
                    Laureaci
                  </th>
                  <th scope="col">Stan</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((c) => (
                  <tr key={c.id}>
                    <td data-label="Data i godzina" className="nowrap">
                      {formatPolishDate(c.date)}, {c.startTime}–{c.endTime}
                    </td>
                    <td data-label="Uroczystość">
                      <Link to={`/ceremonies/${c.id}`}>{c.title}</Link>
                    </td>
                    <td data-label="Rodzaj">{ceremonyKindLabel(c.kind)}</td>
                    <td data-label="Miejsce">{c.venue || "—"}</td>
                    <td data-label="Laureaci" className="num">
                      {c.laureates}
                    </td>
                    <td data-label="Stan">
                      <CeremonyStatus status={c.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} />
      </section>

      <section aria-labelledby="kalendarz">
        <h2 id="kalendarz">Kalendarz: {monthTitle(month)}</h2>
        <nav aria-label="Miesiące" className="page-actions no-print">
          <Link to={`?month=${previous}#kalendarz`}>‹ {monthTitle(previous)}</Link> · <Link to={`?month=${today.slice(0, 7)}#kalendarz`}>bieżący miesiąc</Link>{" "}
          · <Link to={`?month=${next}#kalendarz`}>{monthTitle(next)} ›</Link>
        </nav>
        {/* A week is wider than a phone: the calendar scrolls sideways in its own region, reachable by keyboard. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to be scrolled by keyboard */}
        <div className="table-wrap" role="region" aria-labelledby="kalendarz" tabIndex={0}>
          <table className="data-table month-calendar">
            <caption className="visually-hidden">Uroczystości w miesiącu: {monthTitle(month)}</caption>
            <thead>
              <tr>
                {WEEKDAYS.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]!.date}>
                  {week.map((day) => {
                    const events = inMonth.filter((c) => c.date === day.date);
                    return (
                      <td key={day.date} className={`${day.inMonth ? "" : "muted"} ${day.date === today ? "month-calendar__today" : ""}`}>
                        <span className="month-calendar__day">
                          {Number(day.date.slice(8))}
                          {day.date === today ? <span className="visually-hidden"> (dziś)</span> : null}
                        </span>
                        {events.length ? (
                          <ul className="month-calendar__events">
                            {events.map((c) => (
                              <li key={c.id}>
                                <Link to={`/ceremonies/${c.id}`}>
                                  {c.startTime} {c.title}
                                </Link>
                                {c.status === "CANCELLED" ? " (odwołana)" : null}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {inMonth.length === 0 ? <p className="empty-state">W tym miesiącu nie ma uroczystości.</p> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

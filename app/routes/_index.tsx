import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { NOUNS } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";
import { DemoMark, StatusBadge } from "#app/components/labels";
import { PermittedLink } from "#app/components/permitted-link";
import { useCan } from "#app/components/site-header";
import { CM_AWAITING_COMMISSION, daysBetween, DUE_SOON_DAYS, urgencyOf } from "#app/domain/deadlines";
import { HONOUR_LABEL, HONOURS } from "#app/domain/honours";
import { formatPolishDate, formatShortDate, todayIso } from "#app/domain/polish-dates";
import { STATUS_LABEL, statusesOf } from "#app/domain/workflow";
import { dashboardDeadlines, type DeadlineItem } from "#app/models/deadlines.server";
import { nominationCountsByHonourAndStatus } from "#app/models/nomination.server";
import { myOpenCases } from "#app/models/assignee.server";
import { MINE } from "#app/domain/assignee";
import { honourText } from "#app/components/labels";
import { NOMINATION_WRITE_PERMISSIONS } from "#app/domain/permissions";
import { requireUser, userCan } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Pulpit · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Every signed-in role lands here; the counts hold no personal data. The deadline lists name
  // candidates, so only users who may read nominations get them.
  const user = await requireUser(request);
  const today = todayIso();
  const reads = userCan(user, "nomination:read");
  const [counts, deadlines, myCases] = await Promise.all([
    nominationCountsByHonourAndStatus(),
    reads ? dashboardDeadlines(today) : Promise.resolve(null),
    // „Moje sprawy”: for whoever may lead cases, or still has some assigned.
    reads ? myOpenCases(user.id) : Promise.resolve(null),
  ]);
  const withUrgency = <T extends Pick<DeadlineItem, "dueDate">>(items: T[]) =>
    items.map((item) => ({ ...item, urgency: item.dueDate ? urgencyOf(item.dueDate, today) : null }));
  const leads = NOMINATION_WRITE_PERMISSIONS.some((p) => userCan(user, p));
  return {
    today,
    myCases: myCases && (leads || myCases.count > 0) ? { ...myCases, items: withUrgency(myCases.items) } : null,
    honours: HONOURS.map((honour) => {
      const byStatus = statusesOf(honour).map((status) => ({
        status,
        count: counts.find((c) => c.honour === honour && c.status === status)?.count ?? 0,
      }));
      return { honour, byStatus, total: byStatus.reduce((s, x) => s + x.count, 0) };
    }),
    deadlines: deadlines && {
      ...deadlines,
      honorisGratia: {
        overdue: { ...deadlines.honorisGratia.overdue, items: withUrgency(deadlines.honorisGratia.overdue.items) },
        dueSoon: { ...deadlines.honorisGratia.dueSoon, items: withUrgency(deadlines.honorisGratia.dueSoon.items) },
      },
    },
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Deadlines = NonNullable<Data["deadlines"]>;

export default function Dashboard() {
  const { honours, deadlines, today, myCases } = useLoaderData<typeof loader>();
  const can = useCan();
  return (
    <>
      <h1>Pulpit</h1>
      {myCases ? <MyCases cases={myCases} today={today} /> : null}
      <div className="cards">
        {honours.map((h) => (
          <section key={h.honour} className="card" aria-labelledby={`h-${h.honour}`}>
            <h2 id={`h-${h.honour}`}>
              <PermittedLink to={`/nominations?honour=${h.honour}`}>{HONOUR_LABEL[h.honour]}</PermittedLink>
            </h2>
            <p className="card__total">
              Wnioski: <strong>{h.total}</strong>
            </p>
            {can("nomination:read") ? (
              <p>
                <Link to={`/board/${h.honour}`}>
                  Tablica wniosków<span className="visually-hidden"> — {HONOUR_LABEL[h.honour]}</span>
                </Link>
              </p>
            ) : null}
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
                      <PermittedLink to={`/nominations?honour=${h.honour}&status=${s.status}`}>{STATUS_LABEL[s.status]}</PermittedLink>
                    </th>
                    <td className="num">{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      {deadlines ? <UpcomingDeadlines deadlines={deadlines} today={today} /> : null}
    </>
  );
}

function UpcomingDeadlines({ deadlines, today }: { deadlines: Deadlines; today: string }) {
  const { honoraryCitizenship: hc, honorisGratia: hg, medalCommission: cm } = deadlines;
  const hgDue = hg.overdue.count + hg.dueSoon.count > 0;
  const nothingDue = hc.count === 0 && !hgDue && cm.count === 0;
  return (
    <section aria-labelledby="terminy" className="card">
      <h2 id="terminy">Najbliższe terminy</h2>
      {nothingDue ? (
        <p className="empty-state">Brak terminów do wyświetlenia. Terminy naboru i załatwienia wniosków pojawią się tutaj.</p>
      ) : (
        <div className="deadlines">
          {hc.count > 0 ? (
            <section aria-labelledby="terminy-ho" className="deadlines__group">
              <h3 id="terminy-ho">Honorowe Obywatelstwo: nabór {hc.year}</h3>
              <p>
                Wnioski do Przewodniczącego Rady do <time dateTime={hc.deadline}>{formatPolishDate(hc.deadline)}</time>
                {hc.daysLeft === 0 ? " (dziś)" : hc.daysLeft === 1 ? " (jutro)" : ` (za ${countOf(hc.daysLeft, NOUNS.day)})`}.
              </p>
              <p>
                <Link to={`/nominations?honour=HONORARY_CITIZENSHIP&round=${hc.year}`}>
                  Wnioski w naborze {hc.year}: <strong>{hc.count}</strong>
                </Link>
              </p>
            </section>
          ) : null}
          {hgDue ? (
            <section aria-labelledby="terminy-hg" className="deadlines__group">
              <h3 id="terminy-hg">Odznaka „Honoris Gratia”: termin załatwienia</h3>
              {hg.overdue.count > 0 ? <DeadlineList id="terminy-hg-po" title="Po terminie" list={hg.overdue} today={today} /> : null}
              {hg.dueSoon.count > 0 ? (
                <DeadlineList id="terminy-hg-tydzien" title={`Termin w ciągu ${DUE_SOON_DAYS} dni`} list={hg.dueSoon} today={today} />
              ) : null}
              <p>
                <Link to="/board/HONORIS_GRATIA">Tablica wniosków „Honoris Gratia”</Link> ·{" "}
                <Link to="/hg?status=open&due=overdue">
                  Terminy „Honoris Gratia”: po terminie <strong>{hg.overdue.count}</strong>
                </Link>
              </p>
            </section>
          ) : null}
          {cm.count > 0 ? (
            <section aria-labelledby="terminy-cm" className="deadlines__group">
              <h3 id="terminy-cm">Medal „Cracoviae Merenti”: czeka na opinię Komisji Medalu</h3>
              <ul className="deadline-list">
                {cm.items.map((n) => (
                  <li key={n.id}>
                    <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link> <DemoMark isDemo={n.candidate.isDemo} />
                    <span className="muted">
                      {" "}
                      — wpłynął <time dateTime={n.receivedDate}>{formatShortDate(n.receivedDate)}</time>
                    </span>
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/nominations?honour=CRACOVIAE_MERENTI&status=${CM_AWAITING_COMMISSION}`}>
                  Wszystkie czekające na Komisję Medalu: <strong>{cm.count}</strong>
                </Link>
              </p>
            </section>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** A case's due date on the dashboard: „— termin 6 gru 2026 (3 dni po terminie)”, or „(dziś)”. */
function DueDate({ dueDate, urgency, today }: { dueDate: string | null; urgency: string | null; today: string }) {
  if (!dueDate) return null;
  const overdue = urgency === "overdue";
  return (
    <span className={overdue ? "deadline-late" : "muted"}>
      {" "}
      — termin <time dateTime={dueDate}>{formatShortDate(dueDate)}</time>
      {overdue ? ` (${countOf(daysBetween(dueDate, today), NOUNS.day)} po terminie)` : dueDate === today ? " (dziś)" : ""}
    </span>
  );
}

function MyCases({ cases, today }: { cases: NonNullable<Data["myCases"]>; today: string }) {
  const more = cases.count - cases.items.length;
  return (
    <section aria-labelledby="moje-sprawy" className="card">
      <h2 id="moje-sprawy">Moje sprawy</h2>
      {cases.count === 0 ? (
        <p className="empty-state">Nie prowadzisz żadnej otwartej sprawy. Prowadzącego wybiera się na stronie wniosku.</p>
      ) : (
        <>
          <ul className="deadline-list">
            {cases.items.map((n) => (
              <li key={n.id}>
                <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link> <DemoMark isDemo={n.candidate.isDemo} />{" "}
                <span className="muted">{honourText(n.honour, n.requestedClass)}</span> <StatusBadge status={n.status} />
                <DueDate dueDate={n.dueDate} urgency={n.urgency} today={today} />
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="muted">…i jeszcze {more}.</p> : null}
        </>
      )}
      <p>
        <Link to={`/nominations?prowadzacy=${MINE}`}>Moje sprawy na liście wniosków (także zamknięte)</Link>
      </p>
    </section>
  );
}

type DeadlineListData = Deadlines["honorisGratia"]["overdue"];

function DeadlineList({ id, title, list, today }: { id: string; title: string; list: DeadlineListData; today: string }) {
  const more = list.count - list.items.length;
  return (
    <>
      <h4 id={id}>
        {title}: <span className={list.items[0]?.urgency === "overdue" ? "deadline-count deadline-count--overdue" : "deadline-count"}>{list.count}</span>
      </h4>
      <ul className="deadline-list" aria-labelledby={id}>
        {list.items.map((n) => (
          <li key={n.id}>
            <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link> <DemoMark isDemo={n.candidate.isDemo} /> <StatusBadge status={n.status} />
            <DueDate dueDate={n.dueDate} urgency={n.urgency} today={today} />
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="muted">…i jeszcze {more}: wszystkie na tablicy, według terminu.</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

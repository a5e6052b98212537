import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AssigneeFilterSelect } from "#app/components/assignee";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark } from "#app/components/labels";
import { AssigneeFilter, assigneeIdOf } from "#app/domain/assignee";
import { boardHonourOf, boardSteps } from "#app/domain/board";
import { urgencyOf } from "#app/domain/deadlines";
import { HONOUR_LABEL, HONOUR_SHORT_LABEL, HONOURS, MEDAL_CLASS_LABEL, type MedalClass } from "#app/domain/honours";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import { STATUS_LABEL } from "#app/domain/workflow";
import { allAssigneeCandidates } from "#app/models/assignee.server";
import { boardOf } from "#app/models/board.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `Tablica: ${HONOUR_SHORT_LABEL[data.honour]} · Merenti` : errorPageTitle(error, "Nie znaleziono tablicy · Merenti") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  const honour = boardHonourOf(params.honour);
  invariantResponse(honour, "Nie ma tablicy dla takiego wyróżnienia.", { status: 404 });
  const today = todayIso();
  const parsed = AssigneeFilter.safeParse(new URL(request.url).searchParams.get("prowadzacy") ?? "");
  const prowadzacy = parsed.success ? parsed.data : undefined;
  const [columns, people] = await Promise.all([boardOf(honour, assigneeIdOf(prowadzacy, user.id)), allAssigneeCandidates()]);
  return {
    honour,
    prowadzacy,
    people,
    columns: columns.map((c) => ({
      status: c.status,
      final: c.final,
      count: c.count,
      showsDueDate: c.order === "due",
      // The same steps for every card of a column: computed once, sent once.
      steps: boardSteps(honour, c.status, user.permissions).map((t) => ({ to: t.to, label: t.label })),
      cards: c.cards.map((n) => ({
        id: n.id,
        name: n.candidate.displayName,
        isDemo: n.candidate.isDemo,
        medalClass: (n.opinionClass ?? n.requestedClass) as MedalClass | null,
        receivedDate: n.receivedDate,
        dueDate: n.dueDate,
        urgency: c.order === "due" && n.dueDate ? urgencyOf(n.dueDate, today) : null,
      })),
    })),
  };
}

const URGENCY_TEXT = { overdue: "po terminie", "this-week": "w tym tygodniu", later: "" } as const;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default function Board() {
  const { honour, columns, prowadzacy, people } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>Tablica: {HONOUR_LABEL[honour]}</h1>
        <div className="page-actions no-print">
          <Link className="button button--secondary" to={`/nominations?honour=${honour}`}>
            Lista wniosków
          </Link>
        </div>
      </div>
      <nav aria-label="Tablice wyróżnień" className="board-switch no-print">
        <ul>
          {HONOURS.map((h) => (
            <li key={h}>
              <Link to={`/board/${h}`} aria-current={h === honour ? "page" : undefined}>
                {HONOUR_SHORT_LABEL[h]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters no-print">
        <AssigneeFilterSelect value={prowadzacy} people={people} />
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
        </div>
      </Form>
      <p className="muted">
        Kolumna to etap wniosku. Przycisk na karcie otwiera formularz kroku, ten sam co na stronie wniosku. Tablicę przewija się w poziomie (także strzałkami,
        gdy jest zaznaczona).
      </p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <div className="board" role="region" aria-label={`Etapy wniosków: ${HONOUR_LABEL[honour]}`} tabIndex={0}>
        {columns.map((c) => {
          const headingId = `kolumna-${c.status}`;
          const hidden = c.count - c.cards.length;
          return (
            <div key={c.status} className={`board-column${c.final ? " board-column--final" : ""}`}>
              <h2 id={headingId} className="board-column__title">
                {capitalised(STATUS_LABEL[c.status])} <span className="board-column__count">({c.count})</span>
              </h2>
              {c.final && hidden > 0 ? (
                <p className="board-column__note">
                  Ostatnio zmienione {c.cards.length} z {c.count}.
                </p>
              ) : null}
              {c.cards.length === 0 ? (
                <p className="board-column__empty">Brak wniosków.</p>
              ) : (
                <ul className="board-cards" aria-labelledby={headingId}>
                  {c.cards.map((n) => (
                    <li key={n.id} className={`board-card${n.urgency === "overdue" ? " board-card--overdue" : ""}`}>
                      <p className="board-card__name">
                        <Link to={`/nominations/${n.id}`}>{n.name}</Link> <DemoMark isDemo={n.isDemo} />
                      </p>
                      <dl className="board-card__facts">
                        {n.medalClass ? (
                          <>
                            <dt>Klasa</dt>
                            <dd>{MEDAL_CLASS_LABEL[n.medalClass]}</dd>
                          </>
                        ) : null}
                        <dt>Wpłynął</dt>
                        <dd>
                          <time dateTime={n.receivedDate}>{formatShortDate(n.receivedDate)}</time>
                        </dd>
                        {c.showsDueDate && n.dueDate ? (
                          <>
                            <dt>Termin</dt>
                            <dd>
                              <time dateTime={n.dueDate}>{formatShortDate(n.dueDate)}</time>
                              {n.urgency && URGENCY_TEXT[n.urgency] ? (
                                <strong className={`urgency urgency--${n.urgency}`}> {URGENCY_TEXT[n.urgency]}</strong>
                              ) : null}
                            </dd>
                          </>
                        ) : null}
                      </dl>
                      {c.steps.length ? (
                        <ul className="board-card__steps no-print" aria-label={`Kroki: ${n.name}`}>
                          {c.steps.map((t) => (
                            <li key={t.to}>
                              <Link
                                to={`/nominations/${n.id}/step/${t.to}?returnTo=${encodeURIComponent(`/board/${honour}`)}`}
                                className={t.to === "WITHDRAWN" ? "board-step board-step--secondary" : "board-step"}
                                aria-label={`${t.label}: ${n.name}`}
                              >
                                {t.label}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {hidden > 0 ? (
                <p className="board-column__more">
                  <Link to={`/nominations?honour=${honour}&status=${c.status}`}>
                    Pokaż wszystkie ({c.count})<span className="visually-hidden"> — {STATUS_LABEL[c.status]}</span>
                  </Link>
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

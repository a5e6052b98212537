import { NAME_FORMS_ORIGIN_LABEL } from "#app/domain/name-forms";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark, honourText, StatusBadge } from "#app/components/labels";
import { CANDIDATE_KIND_LABEL, type CandidateKind } from "#app/domain/honours";
import { CANDIDATE_FIELD_LABEL, timelineEntries } from "#app/domain/audit-log";
import { AuditTimeline } from "#app/components/audit-timeline";
import { formatPolishDate, formatShortDate } from "#app/domain/polish-dates";
import { auditTrailOf } from "#app/models/audit.server";
import { getCandidate } from "#app/models/candidate.server";
import { invariantResponse } from "#app/utils/http";
import { mayWriteCandidate } from "#app/domain/permissions";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { useCan } from "#app/components/site-header";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `${data.candidate.displayName} · Merenti` : errorPageTitle(error, "Nie znaleziono kandydata · Merenti") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  const candidate = await getCandidate(params.id!);
  invariantResponse(candidate, "Nie znaleziono kandydata.", { status: 404 });
  const history = await auditTrailOf("Candidate", candidate.id);
  const honours = [...candidate.nominations, ...candidate.conferrals].map((r) => r.honour);
  return {
    candidate,
    // Editing follows the honours the user may write: KP-04 may not change a medal candidate's names.
    mayEdit: mayWriteCandidate(user.permissions, honours),
    history: timelineEntries(history, CANDIDATE_FIELD_LABEL),
  };
}

export default function CandidateView() {
  const { candidate: c, mayEdit, history } = useLoaderData<typeof loader>();
  const can = useCan();
  return (
    <>
      <div className="page-head">
        <h1>
          {c.displayName} <DemoMark isDemo={c.isDemo} />
        </h1>
        {can("nomination:write:council") || can("nomination:write:hg") || can("personal-data:manage") ? (
          <div className="page-actions no-print">
            {can("nomination:write:council") || can("nomination:write:hg") ? (
              <>
                {mayEdit ? (
                  <Link className="button" to={`/candidates/${c.id}/edit`}>
                    Edytuj dane kandydata
                  </Link>
                ) : null}
                <Link className="button button--secondary" to={`/nominations/new?candidate=${c.id}`}>
                  Nowy wniosek dla tego kandydata
                </Link>
              </>
            ) : null}
            {can("personal-data:manage") ? (
              // A file download (resource route), not a page: a plain link, no client-side navigation.
              <a className="button button--secondary" href={`/candidates/${c.id}/export`} download>
                Eksport danych (RODO)
              </a>
            ) : null}
          </div>
        ) : null}
      </div>
      <dl className="details">
        <dt>Rodzaj</dt>
        <dd>{CANDIDATE_KIND_LABEL[c.kind as CandidateKind]}</dd>
        {c.title ? (
          <>
            <dt>Tytuł lub zawód</dt>
            <dd>{c.title}</dd>
          </>
        ) : null}
        {c.birthYear ? (
          <>
            <dt>Rok urodzenia</dt>
            <dd>{c.birthYear}</dd>
          </>
        ) : null}
        <dt>Miejscowość</dt>
        <dd>{c.city || "—"}</dd>
        <dt>Formy nazwy w dokumentach</dt>
        <dd>
          mianownik: {c.nameNominative || "—"}; dopełniacz: {c.nameGenitive || "—"}; celownik: {c.nameDative || "—"}{" "}
          {c.nameFormsConfirmedAt ? <span className="ok">(potwierdzone)</span> : <span className="warn">(niepotwierdzone)</span>}
          {!c.nameFormsConfirmedAt && c.nameFormsSource ? <> · źródło: {NAME_FORMS_ORIGIN_LABEL[c.nameFormsSource] ?? c.nameFormsSource}</> : null}
        </dd>
      </dl>

      <section aria-labelledby="wyroznienia">
        <h2 id="wyroznienia">Nadane wyróżnienia</h2>
        {c.conferrals.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Wyróżnienie</th>
                <th scope="col">Numer</th>
                <th scope="col">Akt</th>
                <th scope="col">Data nadania</th>
                <th scope="col">Wręczono</th>
              </tr>
            </thead>
            <tbody>
              {c.conferrals.map((k) => (
                <tr key={k.id}>
                  <td>{honourText(k.honour, k.medalClass)}</td>
                  <td>{k.number ?? "—"}</td>
                  <td>{k.resolution ? `uchwała nr ${k.resolution.number}` : k.ordinance ? `zarządzenie nr ${k.ordinance.number}` : "—"}</td>
                  <td>{formatPolishDate(k.conferredOn)}</td>
                  <td>{k.handedOverOn ? `${formatPolishDate(k.handedOverOn)}${k.handoverPlace ? `, ${k.handoverPlace}` : ""}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Kandydat nie otrzymał jeszcze żadnego wyróżnienia.</p>
        )}
      </section>

      <section aria-labelledby="wnioski">
        <h2 id="wnioski">Wnioski</h2>
        {c.nominations.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Wyróżnienie</th>
                <th scope="col">Status</th>
                <th scope="col">Data wpływu</th>
                <th scope="col">Znak sprawy</th>
              </tr>
            </thead>
            <tbody>
              {c.nominations.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/nominations/${n.id}`}>{honourText(n.honour, n.requestedClass)}</Link>
                  </td>
                  <td>
                    <StatusBadge status={n.status} />
                  </td>
                  <td>{formatShortDate(n.receivedDate)}</td>
                  <td className="case-ref">{n.caseReference || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Brak wniosków.</p>
        )}
      </section>

      <AuditTimeline entries={history} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

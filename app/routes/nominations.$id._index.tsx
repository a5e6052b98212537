import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { DemoMark, honourText, StatusBadge, termText } from "#app/components/labels";
import { CANDIDATE_KIND_LABEL, GENDER_LABEL, NOMINATOR_KIND_LABEL, type CandidateKind, type Gender, type NominatorKind } from "#app/domain/honours";
import { formatPolishDate, formatPolishDateWithDnia } from "#app/domain/polish-dates";
import type { Status } from "#app/domain/workflow";
import { auditTrailOf } from "#app/models/audit.server";
import { getNomination, NOMINATION_FIELD_LABEL } from "#app/models/nomination.server";
import { invariantResponse } from "#app/utils/http";
import { requireUserWithPermission, userCan } from "#app/utils/auth.server";
import { eligibilityOf } from "#app/models/eligibility.server";
import { timelineEntries } from "#app/domain/audit-log";
import { AuditTimeline } from "#app/components/audit-timeline";
import { ProcedureSteps } from "#app/components/procedure-steps";
import { procedureOfNomination } from "#app/models/nomination-history.server";
import { PrintLogTable } from "#app/components/diploma-print";
import { conferralOf } from "#app/models/conferral.server";
import { ceremoniesOfConferral } from "#app/models/ceremony.server";
import { ceremonyStatusLabel } from "#app/domain/ceremony";
import { printLogOfNomination } from "#app/models/diploma.server";
import { availableSteps } from "#app/domain/permissions";
import type { Honour } from "#app/domain/honours";
import { useCan } from "#app/components/site-header";
import { nominationWritePermission } from "#app/domain/permissions";
import { AttachmentsSection } from "#app/components/attachments";
import { attachmentSizeLimit, fileAttachmentsOf } from "#app/models/attachment.server";
import { AssigneeSection } from "#app/components/assignee";
import { assigneeCandidates, assigneeName } from "#app/models/assignee.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `Wniosek: ${data.nomination.candidate.displayName} · Merenti` : errorPageTitle(error, "Nie znaleziono wniosku · Merenti") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  const nomination = await getNomination(params.id!);
  invariantResponse(nomination, "Nie znaleziono wniosku.", { status: 404 });
  const [history, findings, conferral, diplomaPrints, attachmentFiles, attachmentMaxBytes, assignee, assignees] = await Promise.all([
    auditTrailOf("Nomination", nomination.id),
    eligibilityOf(nomination.id),
    conferralOf(nomination.id),
    printLogOfNomination(nomination.id),
    fileAttachmentsOf(nomination.id),
    attachmentSizeLimit(),
    assigneeName(nomination.assigneeId),
    // Only whoever may write the nomination may choose who leads it.
    userCan(user, nominationWritePermission(nomination.honour)) ? assigneeCandidates(nomination.honour) : Promise.resolve([]),
  ]);
  const steps = availableSteps(nomination.honour as Honour, nomination.status as Status, user.permissions);
  return {
    nomination,
    steps,
    procedure: procedureOfNomination(nomination, conferral, history),
    findings,
    conferral,
    ceremonies: conferral ? await ceremoniesOfConferral(conferral.id) : [],
    diplomaPrints,
    history: timelineEntries(history, NOMINATION_FIELD_LABEL),
    attachmentFiles,
    attachmentMaxBytes,
    assignee: nomination.assigneeId && assignee ? { id: nomination.assigneeId, name: assignee } : null,
    assignees,
  };
}

export default function NominationView() {
  const {
    nomination: n,
    history,
    steps,
    procedure,
    findings,
    conferral,
    ceremonies,
    diplomaPrints,
    attachmentFiles,
    attachmentMaxBytes,
    assignee,
    assignees,
  } = useLoaderData<typeof loader>();
  const c = n.candidate;
  const can = useCan();
  return (
    <>
      <div className="page-head">
        <h1>
          Wniosek: {c.displayName} <DemoMark isDemo={c.isDemo} />
        </h1>
        <div className="page-actions no-print">
          {can(nominationWritePermission(n.honour)) ? (
            <Link className="button" to={`/nominations/${n.id}/edit`}>
              Edytuj wniosek
            </Link>
          ) : null}
          {n.honour !== "HONORIS_GRATIA" && can("resolution:draft") ? (
            <Link className="button button--secondary" to={`/nominations/${n.id}/drafts`}>
              Projekty uchwał
            </Link>
          ) : null}
        </div>
      </div>
      <dl className="details">
        <dt>Wyróżnienie</dt>
        <dd>{honourText(n.honour, n.requestedClass)}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={n.status} />
          {n.closingReason ? ` — ${n.closingReason}` : null}
        </dd>
        <dt>Data wpływu</dt>
        <dd>{formatPolishDate(n.receivedDate)}</dd>
        <dt>Kadencja Rady</dt>
        <dd>{termText(n.councilTerm?.number)}</dd>
        <dt>Znak sprawy</dt>
        <dd>{n.caseReference || "—"}</dd>
      </dl>

      <AssigneeSection nominationId={n.id} version={n.version} assignee={assignee} candidates={assignees} />

      {findings.length ? (
        <section aria-labelledby="uwagi" className={findings.some((f) => f.level === "refuse") ? "alert alert--error" : "alert alert--warn"}>
          <h2 id="uwagi">Uwagi do wniosku</h2>
          <ul>
            {findings.map((f) => (
              <li key={f.code}>
                <strong>{f.level === "refuse" ? "Niedopuszczalne: " : "Ostrzeżenie: "}</strong>
                {f.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {steps.length ? (
        <section aria-labelledby="kroki" className="no-print">
          <h2 id="kroki">Następny krok</h2>
          <ul className="steps">
            {steps.map((t) => (
              <li key={t.to}>
                <Link className={t.to === "WITHDRAWN" ? "button button--secondary" : "button"} to={`/nominations/${n.id}/step/${t.to}`}>
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ProcedureSteps steps={procedure} />

      {conferral ? (
        <section aria-labelledby="nadanie">
          <h2 id="nadanie">Nadanie</h2>
          <dl className="details">
            <dt>Akt</dt>
            <dd>
              {conferral.resolution
                ? `uchwała nr ${conferral.resolution.number} Rady Miasta Krakowa ${formatPolishDateWithDnia(conferral.resolution.adoptedOn)} (${termText(conferral.resolution.councilTerm.number)})`
                : conferral.ordinance
                  ? `zarządzenie nr ${conferral.ordinance.number} Prezydenta Miasta Krakowa ${formatPolishDateWithDnia(conferral.ordinance.issuedOn)}`
                  : "—"}
            </dd>
            {conferral.number ? (
              <>
                <dt>Numer</dt>
                <dd>{conferral.number}</dd>
              </>
            ) : null}
            {conferral.limitOverrideText ? (
              <>
                <dt>Ponad limit kadencji na podstawie</dt>
                <dd>{conferral.limitOverrideText}</dd>
              </>
            ) : null}
            <dt>Wręczono</dt>
            <dd>
              {conferral.handedOverOn
                ? `${formatPolishDate(conferral.handedOverOn)}${conferral.handoverPlace ? `, ${conferral.handoverPlace}` : ""}`
                : "jeszcze nie"}
            </dd>
            <dt>Uroczystość</dt>
            <dd>
              {ceremonies.length
                ? ceremonies.map(({ ceremony: u }, i) => (
                    <span key={u.id}>
                      {i > 0 ? "; " : ""}
                      {can("ceremony:schedule") ? <Link to={`/ceremonies/${u.id}`}>{u.title}</Link> : u.title}, {formatPolishDate(u.date)}, godz. {u.startTime}{" "}
                      ({ceremonyStatusLabel(u.status)})
                    </span>
                  ))
                : "nie zaplanowano"}
            </dd>
          </dl>
          {can("diploma:text") || can("diploma:print") ? (
            <p>
              <Link to={`/conferrals/${conferral.id}/diploma`}>Dyplom</Link>
            </p>
          ) : null}
          <h3 id="wydruki-dyplomu">Wydruki dyplomu</h3>
          {diplomaPrints.length ? <PrintLogTable prints={diplomaPrints} caption="Wydruki dyplomu" /> : <p>Dyplom nie był jeszcze drukowany.</p>}
        </section>
      ) : null}

      <section aria-labelledby="kandydat">
        <h2 id="kandydat">Kandydat</h2>
        <dl className="details">
          <dt>{c.kind === "PERSON" ? "Imiona i nazwisko" : "Nazwa"}</dt>
          <dd>
            <Link to={`/candidates/${c.id}`}>{c.displayName}</Link>
          </dd>
          <dt>Rodzaj</dt>
          <dd>{CANDIDATE_KIND_LABEL[c.kind as CandidateKind]}</dd>
          {c.kind === "PERSON" ? (
            <>
              <dt>Rodzaj gramatyczny</dt>
              <dd>{c.grammaticalGender ? GENDER_LABEL[c.grammaticalGender as Gender] : "—"}</dd>
              <dt>Tytuł lub zawód</dt>
              <dd>{c.title || "—"}</dd>
              <dt>Urodzenie</dt>
              <dd>{c.birthDate ? formatPolishDate(c.birthDate) : (c.birthYear ?? "—")}</dd>
              {c.deceased ? (
                <>
                  <dt>Uwaga</dt>
                  <dd>osoba zmarła</dd>
                </>
              ) : null}
            </>
          ) : (
            <>
              <dt>Nazwa skrócona</dt>
              <dd>{c.shortName || "—"}</dd>
            </>
          )}
          <dt>Miejscowość</dt>
          <dd>{c.city || "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="wnioskodawcy">
        <h2 id="wnioskodawcy">Wnioskodawcy</h2>
        <ul>
          {n.nominators.map((x) => (
            <li key={x.id}>
              {x.name} ({NOMINATOR_KIND_LABEL[x.kind as NominatorKind] ?? x.kind}){x.contact ? `, ${x.contact}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="zaslugi">
        <h2 id="zaslugi">Opis zasług</h2>
        {n.merits ? <p className="prose">{n.merits}</p> : <p className="muted">Nie wpisano.</p>}
      </section>

      <AttachmentsSection
        nominationId={n.id}
        files={attachmentFiles}
        names={n.attachments.filter((a) => a.sha256 === null)}
        canWrite={can(nominationWritePermission(n.honour))}
        maxBytes={attachmentMaxBytes}
      />

      <AuditTimeline entries={history} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// One Honoris Gratia application (the letter): its channel, applicant, proposed hand-over and
// the laureates it proposed, each a nomination with its status and due date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { BackToDesk, DueDate, HgNav } from "#app/components/hg";
import { StatusBadge } from "#app/components/labels";
import { HG_OPEN_STATUSES } from "#app/domain/deadlines";
import { CANDIDATE_KIND_LABEL, type CandidateKind } from "#app/domain/honours";
import { CHANNEL_LABEL, type Channel } from "#app/domain/honoris-gratia";
import { formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { badgeNumberFormatter } from "#app/models/hg-decisions.server";
import { getHgApplication } from "#app/models/hg-intake.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";

export const meta: MetaFunction = () => [{ title: "Wniosek „Honoris Gratia” · Merenti" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const [application, format] = await Promise.all([getHgApplication(params.id!), badgeNumberFormatter()]);
  invariantResponse(application, "Nie znaleziono wniosku.", { status: 404 });
  const nominations = application.nominations.map((n) => ({ ...n, badgeNumber: n.conferral ? format(n.conferral.number, n.conferral.conferredOn) : null }));
  return { application: { ...application, nominations }, today: todayIso() };
}

export default function HgApplication() {
  const { application: a, today } = useLoaderData<typeof loader>();
  return (
    <>
      <HgNav />
      <h1>Wniosek: {a.applicantName}</h1>
      <dl className="details">
        <dt>Wnioskodawca</dt>
        <dd>
          {a.applicantName} ({CANDIDATE_KIND_LABEL[a.applicantKind as CandidateKind] ?? a.applicantKind}){a.applicantContact ? `, ${a.applicantContact}` : ""}
        </dd>
        <dt>Kanał</dt>
        <dd>
          {CHANNEL_LABEL[a.channel as Channel] ?? a.channel}
          {a.epuapSubmissionId ? `, identyfikator ${a.epuapSubmissionId}` : ""}
          {a.epuapSubmittedOn ? `, przesłany ${formatPolishDate(a.epuapSubmittedOn)}` : ""}
        </dd>
        <dt>Data wpływu</dt>
        <dd>{formatPolishDate(a.receivedDate)}</dd>
        <dt>Znak sprawy</dt>
        <dd>{a.caseReference || "—"}</dd>
        <dt>Proponowane wręczenie</dt>
        <dd>
          {a.proposedEventName || "—"}
          {a.proposedHandoverDate ? `, ${formatPolishDate(a.proposedHandoverDate)}` : ""}
        </dd>
      </dl>
      <h2>Laureaci ({a.nominations.length})</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Laureat</th>
            <th scope="col">Status</th>
            <th scope="col">Termin decyzji</th>
            <th scope="col">Nr odznaki</th>
          </tr>
        </thead>
        <tbody>
          {a.nominations.map((n) => (
            <tr key={n.id}>
              <td>
                <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link>
              </td>
              <td>
                <StatusBadge status={n.status} />
              </td>
              <td>
                <DueDate dueDate={n.dueDate} today={today} open={(HG_OPEN_STATUSES as readonly string[]).includes(n.status)} />
              </td>
              <td>{n.badgeNumber ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BackToDesk />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

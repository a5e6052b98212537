// The Honoris Gratia list as CSV: exactly the rows of the current filter, most urgent first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CHANNEL_LABEL, parseHgListQuery, type Channel } from "#app/domain/honoris-gratia";
import { todayIso } from "#app/domain/polish-dates";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { allHgRows } from "#app/models/hg-list.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";

const HG_CSV_HEADER = [
  "laureat",
  "rok urodzenia",
  "miejscowość",
  "wnioskodawca",
  "kanał",
  "identyfikator ePUAP",
  "status",
  "data wpływu",
  "termin decyzji",
  "proponowana uroczystość",
  "proponowana data wręczenia",
  "numer odznaki",
  "data nadania",
  "znak sprawy",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const today = todayIso();
  const rows = await allHgRows(parseHgListQuery(new URL(request.url).searchParams), today);
  return csvResponse(
    `honoris-gratia-${today}.csv`,
    HG_CSV_HEADER,
    rows.map((r) => [
      r.candidate.displayName,
      r.candidate.birthYear,
      r.candidate.city,
      r.hgApplication?.applicantName,
      r.hgApplication ? CHANNEL_LABEL[r.hgApplication.channel as Channel] : "",
      r.hgApplication?.epuapSubmissionId,
      STATUS_LABEL[r.status as Status] ?? r.status,
      r.receivedDate,
      r.dueDate,
      r.hgApplication?.proposedEventName,
      r.hgApplication?.proposedHandoverDate,
      r.badgeNumber,
      r.conferral?.conferredOn,
      r.caseReference,
    ]),
  );
}

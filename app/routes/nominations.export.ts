// The register of nominations as CSV: every row the list's current filter and search match.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CANDIDATE_KIND_LABEL, HONOUR_LABEL, MEDAL_CLASS_LABEL, type CandidateKind, type Honour, type MedalClass } from "#app/domain/honours";
import { parseNominationListQuery } from "#app/domain/nomination-list";
import { todayIso } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { allNominations } from "#app/models/nomination-list.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";

const HEADER = [
  "Kandydat",
  "Rodzaj",
  "Wyróżnienie",
  "Klasa (wniosek)",
  "Status",
  "Data wpływu",
  "Kadencja",
  "Nabór",
  "Znak sprawy",
  "Wnioskodawcy",
  "Opinia",
  "Termin załatwienia",
  "Numer",
  "Data nadania",
  "Data wręczenia",
  "Powód zamknięcia",
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:read");
  // The page number is ignored: the export holds every matching row.
  const query = parseNominationListQuery(new URL(request.url).searchParams);
  const rows = await allNominations(query, user.id);
  return csvResponse(
    `wnioski-${todayIso()}.csv`,
    HEADER,
    rows.map((n) => [
      n.candidate.displayName,
      CANDIDATE_KIND_LABEL[n.candidate.kind as CandidateKind] ?? n.candidate.kind,
      HONOUR_LABEL[n.honour as Honour] ?? n.honour,
      n.requestedClass ? MEDAL_CLASS_LABEL[n.requestedClass as MedalClass] : "",
      STATUS_LABEL[n.status as Status] ?? n.status,
      n.receivedDate,
      n.councilTerm ? toRoman(n.councilTerm.number) : "",
      n.roundYear,
      n.caseReference,
      n.nominators.map((x) => x.name).join("; "),
      n.opinion === "POSITIVE" ? "pozytywna" : n.opinion === "NEGATIVE" ? "negatywna" : "",
      n.dueDate,
      n.conferral?.number,
      n.conferral?.conferredOn,
      n.conferral?.handedOverOn,
      n.closingReason,
    ]),
  );
}

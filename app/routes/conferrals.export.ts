// The staff list of laureates as CSV: every row the current filter matches (not just one page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CANDIDATE_KIND_LABEL, HONOUR_LABEL, MEDAL_CLASS_LABEL, type CandidateKind, type Honour, type MedalClass } from "#app/domain/honours";
import { publicRegistryUrl } from "#app/domain/diploma";
import { todayIso } from "#app/domain/polish-dates";
import { parseRegistryQuery } from "#app/domain/registry";
import { toRoman } from "#app/domain/roman";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { allStaffConferrals } from "#app/models/registry.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";
import { env } from "#app/utils/env.server";

const CONFERRALS_CSV_HEADER = [
  "Laureat",
  "Rodzaj",
  "Wyróżnienie",
  "Klasa",
  "Numer",
  "Uchwała nr",
  "Data uchwały",
  "Kadencja",
  "Zarządzenie nr",
  "Data zarządzenia",
  "Data nadania",
  "Data wręczenia",
  "Miejsce wręczenia",
  "Opis",
  "Znak sprawy",
  "Status wniosku",
  "Adres w rejestrze publicznym",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "laureate:read");
  const query = parseRegistryQuery(new URL(request.url).searchParams, "staff");
  const rows = await allStaffConferrals(query);
  const base = env().PUBLIC_BASE_URL;
  return csvResponse(
    `laureaci-${todayIso()}.csv`,
    CONFERRALS_CSV_HEADER,
    rows.map((r) => [
      r.candidate.displayName,
      CANDIDATE_KIND_LABEL[r.candidate.kind as CandidateKind] ?? r.candidate.kind,
      HONOUR_LABEL[r.honour as Honour] ?? r.honour,
      r.medalClass ? MEDAL_CLASS_LABEL[r.medalClass as MedalClass] : "",
      r.number,
      r.resolution?.number,
      r.resolution?.adoptedOn,
      r.resolution ? toRoman(r.resolution.councilTerm.number) : "",
      r.ordinance?.number,
      r.ordinance?.issuedOn,
      r.conferredOn,
      r.handedOverOn,
      r.handoverPlace,
      r.citation,
      r.nomination?.caseReference,
      r.nomination ? (STATUS_LABEL[r.nomination.status as Status] ?? r.nomination.status) : "historyczne",
      r.anonymizedAt || r.candidate.anonymizedAt ? "" : publicRegistryUrl(base, r.publicId),
    ]),
  );
}

// /ceremonies/:id/invitations.csv: one row per laureate, for a mail merge of invitations.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ceremonyPage } from "#app/models/ceremony.server";
import { INVITATION_HEADER, invitationCandidates, invitationRows } from "#app/models/ceremony-documents.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  const rows = invitationRows(page, await invitationCandidates(page));
  return csvResponse(`zaproszenia-${page.ceremony.date}.csv`, INVITATION_HEADER, rows);
}

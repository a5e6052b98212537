// /ceremonies/:id/calendar.ics: the ceremony as an iCalendar event for Outlook.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ceremonyForIcs } from "#app/models/calendar-feed.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { icsResponse } from "#app/utils/ceremony-files.server";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const c = await ceremonyForIcs(params.id!);
  invariantResponse(c, "Nie znaleziono uroczystości.", { status: 404 });
  return icsResponse([c], { fileName: `uroczystosc-${c.date}.ics` });
}

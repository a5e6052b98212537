// /calendar/<token>.ics: the subscribable feed of all ceremonies, public for whoever holds a
// valid secret token (created and revoked by an admin at /admin/calendar-feeds). Unknown or
// revoked tokens answer 404 so that a guess learns nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedCeremonies } from "#app/models/calendar-feed.server";
import { icsResponse } from "#app/utils/ceremony-files.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const ceremonies = token ? await feedCeremonies(token) : null;
  if (!ceremonies) throw new Response("Nie ma takiego kalendarza.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return icsResponse(ceremonies, { calendarName: "Uroczystości wręczenia wyróżnień Miasta Krakowa" });
}

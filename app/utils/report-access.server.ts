// Who may read which staff report: shared by a report's page and its CSV.
import { REPORTS, type ReportKey } from "#app/domain/reports";
import { requireUserWithPermission } from "./auth.server";

/** The report named in the URL, for a user allowed to read it (404 for an unknown name). */
export async function requireReport(request: Request, name: string | undefined): Promise<ReportKey> {
  await requireUserWithPermission(request, "laureate:read");
  const key = REPORTS.find((r) => r === name);
  if (!key) throw new Response("Nie ma takiego raportu.", { status: 404 });
  // The status report counts nominations: only for those who may read them.
  if (key === "statuses") await requireUserWithPermission(request, "nomination:read");
  return key;
}

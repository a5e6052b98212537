// /import/:id/errors.csv: every error of a dry run kept on the server (the page shows the first
// ones), for the user who uploaded the file, while the dry run lasts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stagedErrorsCsv } from "#app/models/import-staging.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const csv = await stagedErrorsCsv(params.id ?? "", user.id);
  invariantResponse(csv !== null, "Nie ma takiej próby importu albo już wygasła. Wczytaj plik ponownie.", { status: 404 });
  return downloadResponse(csv, { fileName: "błędy-importu.csv", contentType: "text/csv; charset=utf-8" });
}

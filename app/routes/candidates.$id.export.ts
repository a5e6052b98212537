// GET /candidates/:id/export: the candidate's data as a JSON file (RODO art. 15, right of access).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIso } from "#app/domain/polish-dates";
import { attachmentDisposition, exportFileNames } from "#app/domain/personal-data-export";
import { exportCandidateData } from "#app/models/personal-data.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "personal-data:manage");
  const exported = await exportCandidateData(params.id!, { userId: user.id });
  invariantResponse(exported, "Nie znaleziono kandydata.", { status: 404 });
  return new Response(`${JSON.stringify(exported.document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentDisposition(exportFileNames(exported.displayName, todayIso())),
      // Personal data: no copy in a browser or proxy cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

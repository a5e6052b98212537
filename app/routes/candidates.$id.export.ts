// GET /candidates/:id/export: the candidate's data as a JSON file (RODO art. 15, right of access).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIso } from "#app/domain/polish-dates";
import { exportFileNames } from "#app/domain/personal-data-export";
import { exportCandidateData } from "#app/models/personal-data.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "personal-data:manage");
  const exported = await exportCandidateData(params.id!, { userId: user.id });
  invariantResponse(exported, "Nie znaleziono kandydata.", { status: 404 });
  const names = exportFileNames(exported.displayName, todayIso());
  return downloadResponse(`${JSON.stringify(exported.document, null, 2)}\n`, {
    fileName: names.utf8,
    asciiName: names.ascii,
    contentType: "application/json; charset=utf-8",
  });
}

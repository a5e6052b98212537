// „Podgląd”: the diploma's PDF shown in the browser, as it would print, without printing it: no
// print is logged (printing is the POST of ./print). For whoever may read or print diplomas.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { diplomaPreview } from "#app/models/diploma-desk.server";
import { requireUserWithAnyPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithAnyPermission(request, ["diploma:text", "diploma:print"]);
  const preview = await diplomaPreview(params.id ?? "");
  invariantResponse(preview, "Nie ma jeszcze dyplomu do pokazania: brakuje danych (zob. stronę dyplomu).", { status: 404 });
  return downloadResponse(preview.pdf, { fileName: preview.fileName, contentType: "application/pdf", inline: true });
}

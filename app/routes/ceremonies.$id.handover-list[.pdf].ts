// /ceremonies/:id/handover-list.pdf: the seating and hand-over list for protocol.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ceremonyPage } from "#app/models/ceremony.server";
import { handoverListDocument } from "#app/models/ceremony-documents.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { ceremonyPdfResponse } from "#app/utils/ceremony-files.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  return ceremonyPdfResponse(handoverListDocument(page), `lista-wreczen-${page.ceremony.date}`);
}

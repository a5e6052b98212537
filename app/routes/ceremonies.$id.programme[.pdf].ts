// /ceremonies/:id/programme.pdf: the programme printed with the document renderer.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ceremonyPage } from "#app/models/ceremony.server";
import { programmeDocument, programmeOf } from "#app/models/ceremony-programme.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { ceremonyPdfResponse } from "#app/utils/ceremony-files.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  return ceremonyPdfResponse(programmeDocument(page, await programmeOf(page)), `program-${page.ceremony.date}`);
}

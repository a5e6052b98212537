// A Honoris Gratia decision's document as PDF or DOCX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { HG_DOCUMENT_FILE_STEM, HG_DOCUMENTS, hgDocument, renderMade } from "#app/documents/honoris-gratia.server";
import { MissingGlyphsError } from "#app/documents/pdf.server";
import { DRAFT_DECISION_ID, hgDecisionData, hgDraftDecisionData } from "#app/models/hg-decisions.server";
import { todayIso } from "#app/domain/polish-dates";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

const Query = z.object({ document: z.enum(HG_DOCUMENTS), format: z.enum(["pdf", "docx"]) });
const CONTENT_TYPE = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  invariantResponse(query.success, "Nieprawidłowy adres dokumentu.", { status: 400 });
  const d = params.id === DRAFT_DECISION_ID ? await hgDraftDecisionData(todayIso()) : await hgDecisionData(params.id!);
  invariantResponse(d, "Nie znaleziono decyzji.", { status: 404 });
  const made = hgDocument(query.data.document, d);
  invariantResponse(made.kind === "ok", made.kind === "missing" ? made.message : "", { status: 422 });
  let body: Buffer;
  try {
    body = await renderMade(made, query.data.format);
  } catch (error) {
    if (error instanceof MissingGlyphsError) throw new Response(error.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const suffix = params.id === DRAFT_DECISION_ID ? "projekt" : d.ordinance.number.replace(/[^\p{L}\p{N}._-]+/gu, "-");
  const name = `${HG_DOCUMENT_FILE_STEM[query.data.document]}-${suffix}.${query.data.format}`;
  return downloadResponse(body, { fileName: name, contentType: CONTENT_TYPE[query.data.format] });
}

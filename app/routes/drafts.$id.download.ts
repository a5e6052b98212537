// A draft's document as PDF or DOCX, named with the case reference.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { renderDocx } from "#app/documents/docx.server";
import { MissingGlyphsError, renderPdf } from "#app/documents/pdf.server";
import { DRAFT_DOCUMENT_FILE, DRAFT_DOCUMENTS } from "#app/domain/draft";
import { draftDocument } from "#app/models/draft.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";
import { RecordVersion } from "#app/domain/form-fields";

const Query = z.object({
  document: z.enum(DRAFT_DOCUMENTS),
  format: z.enum(["pdf", "docx"]),
  version: RecordVersion.optional(),
});

const CONTENT_TYPE = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** "KP-09.0012.1.2026" → "KP-09.0012.1.2026"; anything unsafe in a file name becomes "-". */
function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "resolution:draft");
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  invariantResponse(query.success, "Nieprawidłowy adres dokumentu.", { status: 400 });
  const found = await draftDocument(params.id!, query.data.document, query.data.version);
  invariantResponse(found, "Nie znaleziono projektu lub wersji.", { status: 404 });
  let body: Buffer;
  try {
    body = query.data.format === "pdf" ? await renderPdf(found.doc) : await renderDocx(found.doc);
  } catch (error) {
    // A name with a letter the font lacks is caught here, not printed as an empty box.
    if (error instanceof MissingGlyphsError) throw new Response(error.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const name = `${DRAFT_DOCUMENT_FILE[query.data.document]}-${fileSafe(found.fileStem)}.${query.data.format}`;
  return downloadResponse(body, { fileName: name, contentType: CONTENT_TYPE[query.data.format] });
}

// GET /nominations/:id/attachments/:attachmentId/download: an uploaded file, for whoever may read
// the nomination. The type is the one read from the content at upload; the name is the original,
// encoded for the header (attachmentDisposition). The nosniff header comes with every answer
// of the server (scripts/server.ts), so it is not added here a second time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATTACHMENT_MESSAGES } from "#app/domain/attachments";
import { fileAttachment } from "#app/models/attachment.server";
import { openStoredFile } from "#app/utils/attachment-files.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { attachmentDisposition } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const row = await fileAttachment(params.id!, params.attachmentId!);
  invariantResponse(row, "Nie znaleziono tego załącznika (mógł zostać usunięty).", { status: 404 });
  const file = openStoredFile(row.sha256!);
  invariantResponse(file, ATTACHMENT_MESSAGES.missingOnDisk(row.name), { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": row.mediaType ?? "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(row.name),
      // The files carry personal data: no browser or proxy keeps a copy.
      "Cache-Control": "no-store",
    },
  });
}

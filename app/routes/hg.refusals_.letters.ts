// The letters to the applicants of refused Honoris Gratia applications, as one PDF or DOCX: the
// refusals chosen on /hg/refusals, or all of its period. A form that does not validate sends the
// browser back to that page, which shows the errors next to the fields.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { DOCX_CONTENT_TYPE } from "#app/documents/docx.server";
import { HG_REFUSAL_LETTERS_FILE_STEM, hgRefusalLettersDocument, renderMade } from "#app/documents/honoris-gratia.server";
import { MissingGlyphsError } from "#app/documents/pdf.server";
import { refusalLetters, refusalLettersSchema } from "#app/domain/hg-refusal-letters";
import { hgRefusalsToLetter, refusalLettersSigning } from "#app/models/hg-refusal.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const params = new URL(request.url).searchParams;
  const submission = parseWithZod(params, { schema: refusalLettersSchema });
  if (submission.status !== "success") {
    const back = new URLSearchParams([...params].filter(([k]) => k !== "check"));
    back.set("check", "1");
    throw redirect(`/hg/refusals?${back.toString()}`, 303);
  }
  const input = submission.value;
  const rows = await hgRefusalsToLetter(input.allInPeriod ? { period: { from: input.from, to: input.to } } : { ids: input.ids });
  const { letters } = refusalLetters(rows);
  invariantResponse(letters.length, "Żadna z wybranych odmów nie ma zarejestrowanego wniosku z wnioskodawcą: nie ma do kogo pisać.", { status: 422 });
  const { mayor, sender } = await refusalLettersSigning(input.letterDate);
  const made = hgRefusalLettersDocument(letters, input.letterDate, mayor, sender);
  invariantResponse(made.kind === "ok", made.kind === "missing" ? made.message : "", { status: 422 });
  let body: Buffer;
  try {
    body = await renderMade(made, input.format);
  } catch (error) {
    if (error instanceof MissingGlyphsError) throw new Response(error.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  return downloadResponse(body, {
    fileName: `${HG_REFUSAL_LETTERS_FILE_STEM}-${input.letterDate}.${input.format}`,
    contentType: input.format === "pdf" ? "application/pdf" : DOCX_CONTENT_TYPE,
  });
}

// /nominations/:id/attachments: the nomination's files (GET) and an upload (POST, multipart).
// The nomination page embeds the same section and posts here; this page is what a browser
// without JavaScript sees after a refused upload, with the errors next to the fields.
import {
  data,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentsSection, type UploadReply } from "#app/components/attachments";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { useCan } from "#app/components/site-header";
import { ACCEPTED_TYPES, ATTACHMENT_MESSAGES, AttachmentUploadForm, cleanFileName } from "#app/domain/attachments";
import { nominationWritePermission, NOMINATION_WRITE_PERMISSIONS } from "#app/domain/permissions";
import { addAttachment, attachmentSizeLimit, fileAttachmentsOf, namedAttachmentsOf, nominationOfAttachments } from "#app/models/attachment.server";
import { detectFileType, fileUploadHandler } from "#app/utils/attachment-files.server";
import { requirePermission, requireUserWithAnyPermission, requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `Załączniki: ${data.nomination.candidate.displayName} · Merenti` : errorPageTitle(error, "Nie znaleziono wniosku · Merenti") },
];

const NOT_FOUND = "Nie znaleziono wniosku.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const nomination = await nominationOfAttachments(params.id!);
  invariantResponse(nomination, NOT_FOUND, { status: 404 });
  const [files, names, maxBytes] = await Promise.all([fileAttachmentsOf(nomination.id), namedAttachmentsOf(nomination.id), attachmentSizeLimit()]);
  return { nomination, files, names, maxBytes };
}

const refused = (reply: UploadReply) => data(reply, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  // Who may write to neither honour is turned away before anything is looked up or read.
  const user = await requireUserWithAnyPermission(request, NOMINATION_WRITE_PERMISSIONS);
  const nomination = await nominationOfAttachments(params.id!);
  invariantResponse(nomination, NOT_FOUND, { status: 404 });
  requirePermission(user, nominationWritePermission(nomination.honour));

  if (!/^multipart\/form-data\b/i.test(request.headers.get("Content-Type") ?? "")) {
    return refused({ errors: { file: [ATTACHMENT_MESSAGES.notMultipart] }, values: {} });
  }
  const maxBytes = await attachmentSizeLimit();
  const upload = fileUploadHandler("file", maxBytes);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      // The text fields are small: anything bigger is not from our form.
      unstable_composeUploadHandlers(upload.handler, unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 })),
    );
  } catch (error) {
    upload.discard();
    if (error instanceof TypeError || (error instanceof Error && error.name === "MaxPartSizeExceededError")) {
      return refused({ errors: { form: [ATTACHMENT_MESSAGES.notMultipart] }, values: {} });
    }
    throw error;
  }
  try {
    const values = { kind: String(formData.get("kind") ?? ""), description: String(formData.get("description") ?? "") };
    const fields = AttachmentUploadForm.safeParse(values);
    const errors: UploadReply["errors"] = fields.success ? {} : z.flattenError(fields.error).fieldErrors;
    const outcome = upload.outcome();
    if (outcome.kind === "none") errors.file = [ATTACHMENT_MESSAGES.noFile];
    else if (outcome.kind === "empty") errors.file = [ATTACHMENT_MESSAGES.empty];
    else if (outcome.kind === "too-big") errors.file = [ATTACHMENT_MESSAGES.tooBig(maxBytes)];
    let type: { ext: string; mime: string } | undefined;
    if (outcome.kind === "file") {
      type = await detectFileType(outcome.file.tempPath);
      if (!type || !(type.ext in ACCEPTED_TYPES)) errors.file = [ATTACHMENT_MESSAGES.wrongType(type?.ext)];
    }
    if (!fields.success || errors.file || outcome.kind !== "file" || !type) return refused({ errors, values });

    const accepted = ACCEPTED_TYPES[type.ext]!;
    const name = cleanFileName(outcome.file.sentName, type.ext);
    const saved = await addAttachment(nomination.id, fields.data, { ...outcome.file, name, mediaType: accepted.mediaType }, { userId: user.id });
    invariantResponse(saved.kind === "saved", NOT_FOUND, { status: 404 });
    return redirectWithToast(`/nominations/${nomination.id}#zalaczniki`, { title: `Dodano załącznik „${name}”.` });
  } finally {
    upload.discard();
  }
}

export default function NominationAttachments() {
  const { nomination, files, names, maxBytes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const can = useCan();
  return (
    <>
      <p className="no-print">
        <Link to={`/nominations/${nomination.id}`}>← Wniosek: {nomination.candidate.displayName}</Link>
      </p>
      <h1>Załączniki wniosku: {nomination.candidate.displayName}</h1>
      <AttachmentsSection
        nominationId={nomination.id}
        files={files}
        names={names}
        canWrite={can(nominationWritePermission(nomination.honour))}
        maxBytes={maxBytes}
        reply={reply}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

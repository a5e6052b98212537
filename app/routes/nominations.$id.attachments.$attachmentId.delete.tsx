// /nominations/:id/attachments/:attachmentId/delete: the confirmation step; only the POST deletes.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ACCEPTED_TYPES, attachmentKindLabel, formatFileSize } from "#app/domain/attachments";
import { nominationWritePermission, NOMINATION_WRITE_PERMISSIONS } from "#app/domain/permissions";
import { deleteAttachment, fileAttachment, nominationOfAttachments } from "#app/models/attachment.server";
import { requirePermission, requireUserWithAnyPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Usunięcie załącznika · Merenti" }];

const NOT_FOUND = "Nie znaleziono tego załącznika (mógł już zostać usunięty).";

/** The signed-in user who may write this nomination, and the nomination. */
async function writer(request: Request, id: string) {
  const user = await requireUserWithAnyPermission(request, NOMINATION_WRITE_PERMISSIONS);
  const nomination = await nominationOfAttachments(id);
  invariantResponse(nomination, NOT_FOUND, { status: 404 });
  requirePermission(user, nominationWritePermission(nomination.honour));
  return { user, nomination };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { nomination } = await writer(request, params.id!);
  const row = await fileAttachment(nomination.id, params.attachmentId!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  const type = Object.values(ACCEPTED_TYPES).find((t) => t.mediaType === row.mediaType)?.label ?? "plik";
  return {
    nomination,
    attachment: {
      id: row.id,
      name: row.name,
      kind: attachmentKindLabel(row.kind),
      description: row.description,
      typeAndSize: `${type}, ${formatFileSize(row.byteSize ?? 0)}`,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, nomination } = await writer(request, params.id!);
  const deleted = await deleteAttachment(nomination.id, params.attachmentId!, { userId: user.id });
  invariantResponse(deleted.kind === "deleted", NOT_FOUND, { status: 404 });
  return redirectWithToast(`/nominations/${nomination.id}#zalaczniki`, { title: `Usunięto załącznik „${deleted.name}”.` });
}

export default function DeleteAttachment() {
  const { nomination, attachment: a } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="form-page">
      <h1>Usunąć załącznik?</h1>
      <dl className="details">
        <dt>Wniosek</dt>
        <dd>
          <Link to={`/nominations/${nomination.id}`}>{nomination.candidate.displayName}</Link>
        </dd>
        <dt>Plik</dt>
        <dd>{a.name}</dd>
        <dt>Rodzaj</dt>
        <dd>{a.kind}</dd>
        <dt>Typ i rozmiar</dt>
        <dd>{a.typeAndSize}</dd>
        {a.description ? (
          <>
            <dt>Opis</dt>
            <dd>{a.description}</dd>
          </>
        ) : null}
      </dl>
      <p className="alert alert--warn">
        Plik zniknie z wniosku; jeśli żaden inny wniosek nie ma tego samego pliku, zostanie usunięty z serwera. Usunięcie zostaje zapisane w historii wniosku.
      </p>
      <Form method="post">
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Usuń załącznik
          </button>
          <Link to={`/nominations/${nomination.id}#zalaczniki`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /admin/settings/emblems/:id/delete: the confirmation step; only a POST with the box ticked deletes.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { Checkbox, useFormVersion } from "#app/components/settings";
import { ConfirmDeleteForm, EMBLEM_ANCHOR, periodText } from "#app/domain/settings";
import { deleteEmblem, getEmblem } from "#app/models/emblem.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Usunięcie herbu · Merenti" }];

const NOT_FOUND = "Nie znaleziono tego herbu (mógł już zostać usunięty).";
const CONFLICT = "Ktoś inny zmienił ten herb w międzyczasie. Nic nie zostało usunięte: sprawdź go powyżej i potwierdź ponownie.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getEmblem(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  return { row: { id: row.id, fileName: row.fileName, period: periodText(row), version: row.version } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ConfirmDeleteForm });
  if (submission.status !== "success") return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined }, { status: 400 });
  const outcome = await deleteEmblem(params.id!, submission.value.version, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "conflict")
    return data({ result: submission.reply({ formErrors: [CONFLICT], resetForm: true }), version: outcome.saved.version }, { status: 409 });
  return redirectWithToast(`/admin/settings#${EMBLEM_ANCHOR}`, { title: "Usunięto herb." });
}

export default function DeleteEmblem() {
  const loaderData = useLoaderData<typeof loader>();
  return <Confirm key={loaderData.row.id} {...loaderData} />;
}

function Confirm({ row }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `emblem-delete-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmDeleteForm }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="form-page">
      <h1>Usunąć herb?</h1>
      <dl className="details">
        <dt>Plik</dt>
        <dd>{row.fileName}</dd>
        <dt>Okres</dt>
        <dd>{row.period}</dd>
      </dl>
      <p className="alert alert--warn">Dyplomy z dat w tym okresie wydrukują się bez herbu. Usunięcie zostaje zapisane w dzienniku zdarzeń.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Checkbox field={fields.confirm} label="Tak, usuń ten herb" />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Usuń herb
          </button>
          <Link to={`/admin/settings#${EMBLEM_ANCHOR}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

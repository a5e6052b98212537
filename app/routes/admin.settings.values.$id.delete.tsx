// /admin/settings/values/:id/delete: the confirmation step; only a POST with the box ticked deletes.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { Checkbox, useFormVersion } from "#app/components/settings";
import { ConfirmDeleteForm, periodText, settingAnchor, settingLabel } from "#app/domain/settings";
import { deleteDatedSetting, getDatedSetting } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Usunięcie wartości ustawienia · Merenti" }];

const NOT_FOUND = "Nie znaleziono tej wartości ustawienia (mogła już zostać usunięta).";
const CONFLICT = "Ktoś inny zmienił tę wartość w międzyczasie. Nic nie zostało usunięte: sprawdź jej obecną treść powyżej i potwierdź ponownie.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getDatedSetting(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  return { row: { id: row.id, key: row.key, value: row.value, note: row.note, period: periodText(row), version: row.version }, label: settingLabel(row.key) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ConfirmDeleteForm });
  if (submission.status !== "success") return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined }, { status: 400 });
  const outcome = await deleteDatedSetting(params.id!, { version: submission.value.version, confirmed: true }, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "conflict")
    return data({ result: submission.reply({ formErrors: [CONFLICT], resetForm: true }), version: outcome.saved.version }, { status: 409 });
  const anchor = settingAnchor(outcome.row.key);
  return redirectWithToast(`/admin/settings#${anchor}`, { title: "Usunięto wartość." });
}

export default function DeleteSettingValue() {
  const loaderData = useLoaderData<typeof loader>();
  return <Confirm key={loaderData.row.id} {...loaderData} />;
}

function Confirm({ row, label }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `setting-delete-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmDeleteForm }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="form-page">
      <h1>Usunąć wartość ustawienia?</h1>
      <dl className="details">
        <dt>Ustawienie</dt>
        <dd>{label}</dd>
        <dt>Okres</dt>
        <dd>{row.period}</dd>
        <dt>Treść</dt>
        <dd>{row.value}</dd>
        <dt>Uwagi</dt>
        <dd>{row.note || "—"}</dd>
      </dl>
      <p className="alert alert--warn">
        Dokumenty z dat w tym okresie przestaną mieć tę treść. Jeśli wartość po prostu przestała obowiązywać, nie usuwaj jej, tylko{" "}
        <Link to={`/admin/settings/values/${row.id}`}>zakończ ją datą końcową</Link>: starsze dokumenty zachowają swoje brzmienie. Usunięcie zostaje zapisane w
        dzienniku zdarzeń.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Checkbox field={fields.confirm} label="Tak, usuń tę wartość" />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Usuń wartość
          </button>
          <Link to={`/admin/settings/values/${row.id}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /admin/settings/signatories/:id/delete: the confirmation step; only a POST with the box ticked deletes.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { Checkbox, useFormVersion } from "#app/components/settings";
import { ConfirmDeleteForm, officeLabel, periodText, signatoryAnchor } from "#app/domain/settings";
import { deleteSignatory, getSignatory } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Usunięcie sygnatariusza · Merenti" }];

const NOT_FOUND = "Nie znaleziono tego sygnatariusza (mógł już zostać usunięty).";
const CONFLICT = "Ktoś inny zmienił dane tego sygnatariusza w międzyczasie. Nic nie zostało usunięte: sprawdź je powyżej i potwierdź ponownie.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getSignatory(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  return {
    row: { id: row.id, office: row.office, fullName: row.fullName, titleLine: row.titleLine, period: periodText(row), version: row.version },
    officeLabel: officeLabel(row.office),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ConfirmDeleteForm });
  if (submission.status !== "success") return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined }, { status: 400 });
  const outcome = await deleteSignatory(params.id!, { version: submission.value.version, confirmed: true }, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "conflict")
    return data({ result: submission.reply({ formErrors: [CONFLICT], resetForm: true }), version: outcome.saved.version }, { status: 409 });
  const anchor = signatoryAnchor(outcome.row.office);
  return redirectWithToast(`/admin/settings#${anchor}`, { title: "Usunięto sygnatariusza." });
}

export default function DeleteSignatory() {
  const loaderData = useLoaderData<typeof loader>();
  return <Confirm key={loaderData.row.id} {...loaderData} />;
}

function Confirm({ row, officeLabel }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `signatory-delete-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmDeleteForm }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="form-page">
      <h1>Usunąć sygnatariusza?</h1>
      <dl className="details">
        <dt>Urząd</dt>
        <dd>{officeLabel}</dd>
        <dt>Imię i nazwisko</dt>
        <dd>{row.fullName}</dd>
        <dt>Tytuł pod podpisem</dt>
        <dd>{row.titleLine}</dd>
        <dt>Okres</dt>
        <dd>{row.period}</dd>
      </dl>
      <p className="alert alert--warn">
        Dokumenty z dat w tym okresie nie będą miały kto podpisać. Jeśli ta osoba po prostu przestała pełnić urząd, nie usuwaj jej, tylko{" "}
        <Link to={`/admin/settings/signatories/${row.id}`}>zakończ jej okres datą końcową</Link>. Usuń wpis tylko wtedy, gdy był błędny. Usunięcie zostaje
        zapisane w dzienniku zdarzeń.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Checkbox field={fields.confirm} label="Tak, usuń tego sygnatariusza" />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Usuń sygnatariusza
          </button>
          <Link to={`/admin/settings/signatories/${row.id}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

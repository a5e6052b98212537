// /admin/settings/printers/:id/delete: the confirmation step; only a POST with the box ticked deletes.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { Checkbox, useFormVersion } from "#app/components/settings";
import { describeOffset } from "#app/domain/diploma-print";
import { ConfirmDeleteForm } from "#app/domain/settings";
import { deletePrinter, getPrinter } from "#app/models/printer.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Usunięcie drukarki · Merenti" }];

const NOT_FOUND = "Nie znaleziono tej drukarki (mogła już zostać usunięta).";
const CONFLICT = "Ktoś inny zmienił tę drukarkę w międzyczasie. Nic nie zostało usunięte: sprawdź ją powyżej i potwierdź ponownie.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getPrinter(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  return { row: { id: row.id, name: row.name, offset: describeOffset(row.offsetXMm, row.offsetYMm), version: row.version } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ConfirmDeleteForm });
  if (submission.status !== "success") return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined }, { status: 400 });
  const outcome = await deletePrinter(params.id!, submission.value.version, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "conflict")
    return data({ result: submission.reply({ formErrors: [CONFLICT], resetForm: true }), version: outcome.saved.version }, { status: 409 });
  return redirectWithToast("/admin/settings#printers", { title: "Usunięto drukarkę." });
}

export default function DeletePrinter() {
  const { row } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `printer-delete-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmDeleteForm }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="form-page">
      <h1>Usunąć drukarkę?</h1>
      <dl className="details">
        <dt>Nazwa</dt>
        <dd>{row.name}</dd>
        <dt>Przesunięcie</dt>
        <dd>{row.offset}</dd>
      </dl>
      <p className="alert alert--warn">
        Drukarki nie będzie można wybrać przy druku na blankietach. Wcześniejsze wydruki zachowują w rejestrze wydruków jej nazwę i przesunięcie. Usunięcie
        zostaje zapisane w dzienniku zdarzeń.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Checkbox field={fields.confirm} label="Tak, usuń tę drukarkę" />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Usuń drukarkę
          </button>
          <Link to={`/admin/settings/printers/${row.id}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

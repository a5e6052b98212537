// /admin/settings/printers/new and /admin/settings/printers/:id: a printer profile for diplomas on
// pre-printed stock: its name and how far (mm) the text is shifted, measured with the calibration page.
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { useFormVersion } from "#app/components/settings";
import { describeOffset, EditPrinterForm, formatMm, MAX_OFFSET_MM, NewPrinterForm } from "#app/domain/diploma-print";
import { createPrinter, getPrinter, updatePrinter } from "#app/models/printer.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.row ? `Drukarka: ${data.row.name} · Merenti` : "Nowa drukarka · Merenti" }];

const NOT_FOUND = "Nie znaleziono tej drukarki (mogła zostać usunięta).";
const NAME_TAKEN = "Jest już drukarka o tej nazwie: wybierz inną nazwę.";
const BACK = "/admin/settings#printers";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  if (params.id === "new") return { row: null };
  const row = await getPrinter(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  return {
    row: {
      id: row.id,
      name: row.name,
      offsetXMm: formatMm(row.offsetXMm).replace("−", "-"),
      offsetYMm: formatMm(row.offsetYMm).replace("−", "-"),
      note: row.note,
      version: row.version,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const isNew = params.id === "new";
  const submission = parseWithZod(formData, { schema: isNew ? NewPrinterForm : EditPrinterForm });
  if (submission.status !== "success") return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined }, { status: 400 });
  const input = submission.value;
  const version = isNew ? undefined : Number(formData.get("version"));
  const outcome =
    version === undefined ? await createPrinter(input, { userId: user.id }) : await updatePrinter(params.id!, { ...input, version }, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "name-taken") return data({ result: submission.reply({ fieldErrors: { name: [NAME_TAKEN] } }), version }, { status: 400 });
  if (outcome.kind === "conflict") {
    const s = outcome.saved;
    const message = `Ktoś inny zmienił tę drukarkę w międzyczasie (zapisane: ${s.name}, ${describeOffset(s.offsetXMm, s.offsetYMm)}). Twoje zmiany nie zostały zapisane: sprawdź je i zapisz ponownie.`;
    return data({ result: submission.reply({ formErrors: [message] }), version: s.version }, { status: 409 });
  }
  return redirectWithToast("/admin/settings#printers", { title: isNew ? "Dodano drukarkę." : "Zapisano zmiany drukarki." });
}

export default function PrinterPage() {
  const { row } = useLoaderData<typeof loader>();
  return <PrinterForm key={row?.id ?? "new"} row={row} />;
}

function PrinterForm({ row }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row?.version ?? 1, actionData?.version);
  const schema = row ? EditPrinterForm : NewPrinterForm;
  const [form, fields] = useForm({
    id: `printer-${row?.id ?? "new"}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: row ? { name: row.name, offsetXMm: row.offsetXMm, offsetYMm: row.offsetYMm, note: row.note } : { offsetXMm: "0", offsetYMm: "0" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting";
  const noAria = { ariaAttributes: false } as const;
  const offsetHint = `W milimetrach, np. 1,5 albo -2 (najwyżej ${MAX_OFFSET_MM} mm).`;
  return (
    <div className="form-page">
      <h1>{row ? `Drukarka: ${row.name}` : "Nowa drukarka"}</h1>
      <p className="lead">
        Przy druku na gotowych blankietach tekst dyplomu jest przesuwany o te wartości, aby trafił w miejsca przewidziane na blankiecie. Zmierz je na{" "}
        <a href={`/diplomas/calibration${row ? `?printer=${row.id}` : ""}`} download>
          stronie kalibracyjnej
        </a>{" "}
        (PDF) wydrukowanej na tej drukarce.
      </p>
      <Form method="post" {...getFormProps(form)}>
        {row ? <input type="hidden" name="version" value={version} /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          id={fields.name.id}
          label="Nazwa drukarki"
          errors={fields.name.errors}
          hint="Tak, by każdy wiedział, którą wybrać, np. „Kancelaria, HP LaserJet pokój 12”."
          required
        >
          {(aria) => <input {...getInputProps(fields.name, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <Field id={fields.offsetXMm.id} label="Przesunięcie w poziomie (mm, dodatnie w prawo)" errors={fields.offsetXMm.errors} hint={offsetHint} required>
          {(aria) => <input {...getInputProps(fields.offsetXMm, { type: "text", ...noAria })} inputMode="decimal" autoComplete="off" {...aria} />}
        </Field>
        <Field id={fields.offsetYMm.id} label="Przesunięcie w pionie (mm, dodatnie w dół)" errors={fields.offsetYMm.errors} hint={offsetHint} required>
          {(aria) => <input {...getInputProps(fields.offsetYMm, { type: "text", ...noAria })} inputMode="decimal" autoComplete="off" {...aria} />}
        </Field>
        <Field id={fields.note.id} label="Uwagi (opcjonalnie)" errors={fields.note.errors}>
          {(aria) => <textarea {...getTextareaProps(fields.note, noAria)} rows={3} {...aria} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : row ? "Zapisz zmiany" : "Dodaj drukarkę"}
          </button>
          <Link to={BACK}>Wróć do ustawień</Link>
          {row ? <Link to={`/admin/settings/printers/${row.id}/delete`}>Usuń…</Link> : null}
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

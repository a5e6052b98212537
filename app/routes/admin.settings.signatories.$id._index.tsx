// /admin/settings/signatories/:id: change a signatory's name, title line or period, or end it.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { ConflictSection } from "#app/components/forms";
import { PeriodInputs, PeriodStateTag, useFormVersion } from "#app/components/settings";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import {
  EditSignatoryForm,
  officeLabel,
  overlapField,
  periodState,
  periodText,
  signatoryAnchor,
  signatoryHref,
  signatoryOverlapMessage,
} from "#app/domain/settings";
import { getSignatory, listSignatories, updateSignatory } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `Sygnatariusz: ${data.row.fullName} · Merenti` : errorPageTitle(error, "Nie znaleziono sygnatariusza · Merenti") },
];

const NOT_FOUND = "Nie znaleziono tego sygnatariusza (mógł zostać usunięty).";
const CONFLICT = "Ktoś inny zmienił dane tego sygnatariusza, gdy je edytowałeś. Twoje zmiany nie zostały zapisane. Porównaj je z zapisaną wersją poniżej.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getSignatory(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  const today = todayIso();
  const others = (await listSignatories()).filter((s) => s.office === row.office && s.id !== row.id);
  return {
    row: {
      id: row.id,
      office: row.office,
      fullName: row.fullName,
      titleLine: row.titleLine,
      validFrom: row.validFrom,
      validTo: row.validTo ?? "",
      version: row.version,
      period: periodText(row),
      state: periodState(row, today),
    },
    officeLabel: officeLabel(row.office),
    others: others.map((s) => `${s.fullName}, ${periodText(s)}`),
  };
}

const show = (v: string | null | undefined, date = false) => (v ? (date ? formatShortDate(v) : v) : "—");

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EditSignatoryForm });
  if (submission.status !== "success")
    return data({ result: submission.reply(), version: Number(formData.get("version")) || undefined, conflict: null }, { status: 400 });
  const input = submission.value;
  const outcome = await updateSignatory(params.id!, input, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "overlap") {
    const field = overlapField(input, outcome.rows);
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [signatoryOverlapMessage(outcome.rows)] } }), version: input.version, conflict: null },
      { status: 400 },
    );
  }
  if (outcome.kind === "conflict") {
    const saved = outcome.saved;
    const rows = [
      { label: "Imię i nazwisko", saved: show(saved.fullName), yours: show(input.fullName) },
      { label: "Tytuł pod podpisem", saved: show(saved.titleLine), yours: show(input.titleLine) },
      { label: "Od dnia", saved: show(saved.validFrom, true), yours: show(input.validFrom, true) },
      { label: "Do dnia", saved: show(saved.validTo, true), yours: show(input.validTo, true) },
    ];
    return data(
      { result: submission.reply({ formErrors: [CONFLICT] }), version: saved.version, conflict: { changes: rows.filter((r) => r.saved !== r.yours) } },
      { status: 409 },
    );
  }
  const anchor = signatoryAnchor(outcome.row.office);
  return redirectWithToast(`/admin/settings#${anchor}`, { title: "Zapisano zmiany sygnatariusza." });
}

export default function EditSignatory() {
  const loaderData = useLoaderData<typeof loader>();
  return <EditForm key={loaderData.row.id} {...loaderData} />;
}

function EditForm({ row, officeLabel, others }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `signatory-edit-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { fullName: row.fullName, titleLine: row.titleLine, validFrom: row.validFrom, validTo: row.validTo },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditSignatoryForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const conflict = navigation.state === "idle" ? actionData?.conflict : null;
  const submitting = navigation.state === "submitting";
  const noAria = { ariaAttributes: false } as const;
  return (
    <div className="form-page">
      <h1>Sygnatariusz: {row.fullName}</h1>
      <p>
        {officeLabel}, {row.period} (<PeriodStateTag state={row.state} />
        ). Aby zakończyć okres urzędowania, wpisz jego ostatni dzień w polu „Do dnia”; następcę dodaj jako{" "}
        <Link to={`/admin/settings/signatories/new?office=${row.office}`}>nowego sygnatariusza</Link>.
      </p>
      {others.length ? <p className="field-hint">Inne osoby na tym urzędzie: {others.join("; ")}.</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {conflict ? <ConflictSection changes={conflict.changes} reloadHref={`/admin/settings/signatories/${row.id}`} /> : null}
        <Field id={fields.fullName.id} label="Imię i nazwisko" errors={fields.fullName.errors} required>
          {(aria) => <input {...getInputProps(fields.fullName, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <Field id={fields.titleLine.id} label="Tytuł pod podpisem" errors={fields.titleLine.errors} required>
          {(aria) => <input {...getInputProps(fields.titleLine, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <PeriodInputs
          validFrom={fields.validFrom}
          validTo={fields.validTo}
          fromLabel="Od dnia"
          toLabel="Do dnia (opcjonalnie)"
          toHint="Ostatni dzień urzędowania; puste = nadal pełni urząd."
        />
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : conflict ? "Zapisz moją wersję" : "Zapisz zmiany"}
          </button>
          <Link to={signatoryHref(row.office)}>Wróć do ustawień</Link>
          <Link to={`/admin/settings/signatories/${row.id}/delete`}>Usuń…</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

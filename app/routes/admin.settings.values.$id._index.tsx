// /admin/settings/values/:id: change a dated value, or end it by giving it a last day.
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { ConflictSection } from "#app/components/forms";
import { PeriodInputs, PeriodStateTag, useFormVersion } from "#app/components/settings";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import {
  editSettingForm,
  overlapField,
  periodState,
  periodText,
  settingAnchor,
  settingHint,
  settingHref,
  settingLabel,
  settingOverlapMessage,
} from "#app/domain/settings";
import { getDatedSetting, listDatedSettings, updateDatedSetting } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `${data.label}: ${data.row.period} · Merenti` : errorPageTitle(error, "Nie znaleziono wartości · Merenti") },
];

const NOT_FOUND = "Nie znaleziono tej wartości ustawienia (mogła zostać usunięta).";
const CONFLICT = "Ktoś inny zmienił tę wartość, gdy ją edytowałeś. Twoje zmiany nie zostały zapisane. Porównaj je z zapisaną wersją poniżej.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const row = await getDatedSetting(params.id!);
  invariantResponse(row, NOT_FOUND, { status: 404 });
  const today = todayIso();
  const siblings = (await listDatedSettings()).filter((s) => s.key === row.key && s.id !== row.id);
  return {
    row: {
      id: row.id,
      key: row.key,
      value: row.value,
      validFrom: row.validFrom,
      validTo: row.validTo ?? "",
      note: row.note,
      version: row.version,
      period: periodText(row),
      state: periodState(row, today),
    },
    label: settingLabel(row.key),
    backHref: settingHref(row.key),
    siblings: siblings.map((s) => ({ id: s.id, period: periodText(s), state: periodState(s, today) })),
  };
}

const show = (v: string | null | undefined, date = false) => (v ? (date ? formatShortDate(v) : v) : "—");

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const current = await getDatedSetting(params.id!);
  invariantResponse(current, NOT_FOUND, { status: 404 });
  const formData = await request.formData();
  const schema = editSettingForm(current.key);
  const submission = parseWithZod(formData, { schema });
  const submittedVersion = Number(formData.get("version")) || current.version;
  if (submission.status !== "success") return data({ result: submission.reply(), version: submittedVersion, conflict: null }, { status: 400 });
  const input = submission.value;
  const outcome = await updateDatedSetting(current.id, input, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "overlap") {
    const field = overlapField(input, outcome.rows);
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [settingOverlapMessage(outcome.rows)] } }), version: input.version, conflict: null },
      { status: 400 },
    );
  }
  if (outcome.kind === "conflict") {
    const saved = outcome.saved;
    const rows = [
      { label: "Treść", saved: show(saved.value), yours: show(input.value) },
      { label: "Obowiązuje od", saved: show(saved.validFrom, true), yours: show(input.validFrom, true) },
      { label: "Obowiązuje do", saved: show(saved.validTo, true), yours: show(input.validTo, true) },
      { label: "Uwagi", saved: show(saved.note), yours: show(input.note) },
    ];
    return data(
      { result: submission.reply({ formErrors: [CONFLICT] }), version: saved.version, conflict: { changes: rows.filter((r) => r.saved !== r.yours) } },
      { status: 409 },
    );
  }
  const anchor = settingAnchor(current.key);
  return redirectWithToast(`/admin/settings#${anchor}`, { title: "Zapisano zmiany wartości." });
}

export default function EditSettingValue() {
  const loaderData = useLoaderData<typeof loader>();
  return <EditForm key={loaderData.row.id} {...loaderData} />;
}

function EditForm({ row, label, backHref, siblings }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const version = useFormVersion(row.version, actionData?.version);
  const [form, fields] = useForm({
    id: `setting-edit-${row.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { value: row.value, validFrom: row.validFrom, validTo: row.validTo, note: row.note },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editSettingForm(row.key) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const conflict = navigation.state === "idle" ? actionData?.conflict : null;
  const submitting = navigation.state === "submitting";
  return (
    <div className="form-page">
      <h1>
        {label}: {row.period}
      </h1>
      <p>
        <PeriodStateTag state={row.state} />. Aby zakończyć obowiązywanie tej wartości, wpisz jej ostatni dzień w polu „Obowiązuje do”; nowe brzmienie od
        następnego dnia dodaj jako <Link to={`/admin/settings/values/new?key=${encodeURIComponent(row.key)}`}>nową wartość</Link>.
      </p>
      {siblings.length ? <p className="field-hint">Inne okresy tego ustawienia: {siblings.map((s) => s.period).join("; ")}.</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {conflict ? <ConflictSection changes={conflict.changes} reloadHref={`/admin/settings/values/${row.id}`} /> : null}
        <Field id={fields.value.id} label="Treść" errors={fields.value.errors} hint={settingHint(row.key)} required>
          {(aria) => <textarea {...getTextareaProps(fields.value, { ariaAttributes: false })} rows={5} {...aria} />}
        </Field>
        <PeriodInputs validFrom={fields.validFrom} validTo={fields.validTo} />
        <Field id={fields.note.id} label="Uwagi (opcjonalnie)" errors={fields.note.errors}>
          {(aria) => <textarea {...getTextareaProps(fields.note, { ariaAttributes: false })} rows={2} {...aria} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : conflict ? "Zapisz moją wersję" : "Zapisz zmiany"}
          </button>
          <Link to={backHref}>Wróć do ustawień</Link>
          <Link to={`/admin/settings/values/${row.id}/delete`}>Usuń…</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

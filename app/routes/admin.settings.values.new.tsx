// /admin/settings/values/new?key=…: a new dated value of one setting (a new wording from a date).
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { Checkbox, PeriodInputs, PeriodStateTag } from "#app/components/settings";
import { todayIso } from "#app/domain/polish-dates";
import {
  isSettingKey,
  newSettingForm,
  overlapField,
  periodState,
  periodText,
  SETTINGS,
  settingAnchor,
  settingHint,
  settingHref,
  settingOverlapMessage,
} from "#app/domain/settings";
import { createDatedSetting, listDatedSettings } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Nowa wartość: ${data.label} · Merenti` : "Ustawienia · Merenti" }];

const UNKNOWN = "Nie ma takiego ustawienia. Wybierz je na stronie Ustawienia.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const key = new URL(request.url).searchParams.get("key") ?? "";
  invariantResponse(isSettingKey(key), UNKNOWN, { status: 404 });
  const today = todayIso();
  const rows = (await listDatedSettings()).filter((s) => s.key === key);
  return {
    key,
    ...SETTINGS[key],
    backHref: settingHref(key),
    existing: rows.map((r) => ({ id: r.id, period: periodText(r), state: periodState(r, today), value: r.value })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  const key = String(formData.get("key") ?? "");
  invariantResponse(isSettingKey(key), UNKNOWN, { status: 404 });
  const submission = parseWithZod(formData, { schema: newSettingForm(key) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createDatedSetting(submission.value, { userId: user.id });
  if (outcome.kind === "overlap") {
    const field = overlapField(submission.value, outcome.rows);
    return data({ result: submission.reply({ fieldErrors: { [field]: [settingOverlapMessage(outcome.rows)] } }) }, { status: 400 });
  }
  invariantResponse(outcome.kind === "saved", "Nie udało się zapisać wartości.", { status: 500 });
  const anchor = settingAnchor(key);
  return redirectWithToast(`/admin/settings#${anchor}`, {
    title: outcome.closed ? "Dodano nową wartość; dotychczasowa obowiązuje do dnia poprzedniego." : "Dodano nową wartość.",
  });
}

export default function NewSettingValue() {
  const { key, label, description, backHref, existing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `setting-new-${key}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { key, closePrevious: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newSettingForm(key) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting";
  return (
    <div className="form-page">
      <h1>Nowa wartość: {label}</h1>
      <p className="lead">{description}</p>
      {existing.length ? (
        <section aria-labelledby="dotychczasowe">
          <h2 id="dotychczasowe">Dotychczasowe wartości</h2>
          <ul className="period-list">
            {existing.map((r) => (
              <li key={r.id}>
                <strong>{r.period}</strong> (<PeriodStateTag state={r.state} />
                ): {r.value}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="key" value={key} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field id={fields.value.id} label="Treść" errors={fields.value.errors} hint={settingHint(key)} required>
          {(aria) => <textarea {...getTextareaProps(fields.value, { ariaAttributes: false })} rows={5} {...aria} />}
        </Field>
        <PeriodInputs validFrom={fields.validFrom} validTo={fields.validTo} />
        <Checkbox
          field={fields.closePrevious}
          label="Zakończ dotychczasową wartość dzień przed datą „Obowiązuje od”"
          hint="Wartość, która obowiązuje w dniu „Obowiązuje od” i zaczęła się wcześniej, dostanie datę końcową dzień wcześniej (wpis w dzienniku zdarzeń)."
        />
        <Field id={fields.note.id} label="Uwagi (opcjonalnie)" errors={fields.note.errors} hint="Np. skąd pochodzi brzmienie, kto je zatwierdził.">
          {(aria) => <textarea {...getTextareaProps(fields.note, { ariaAttributes: false })} rows={2} {...aria} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : "Dodaj wartość"}
          </button>
          <Link to={backHref}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

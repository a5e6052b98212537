// /admin/settings/signatories/new?office=…: who holds the office of Mayor or Council Chair from a date.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { Checkbox, PeriodInputs, PeriodStateTag } from "#app/components/settings";
import { todayIso } from "#app/domain/polish-dates";
import {
  isOffice,
  NewSignatoryForm,
  OFFICE_DEFAULT_TITLE_LINE,
  OFFICE_LABEL,
  OFFICES,
  overlapField,
  periodState,
  periodText,
  signatoryAnchor,
  signatoryOverlapMessage,
} from "#app/domain/settings";
import { createSignatory, listSignatories } from "#app/models/settings.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowy sygnatariusz · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const requested = new URL(request.url).searchParams.get("office") ?? "";
  const office = isOffice(requested) ? requested : "MAYOR";
  const today = todayIso();
  const rows = await listSignatories();
  return {
    office,
    offices: OFFICES.map((o) => ({
      office: o,
      label: OFFICE_LABEL[o],
      titleLine: OFFICE_DEFAULT_TITLE_LINE[o],
      existing: rows.filter((r) => r.office === o).map((r) => ({ id: r.id, fullName: r.fullName, period: periodText(r), state: periodState(r, today) })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const submission = parseWithZod(await request.formData(), { schema: NewSignatoryForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createSignatory(submission.value, { userId: user.id });
  if (outcome.kind === "overlap") {
    const field = overlapField(submission.value, outcome.rows);
    return data({ result: submission.reply({ fieldErrors: { [field]: [signatoryOverlapMessage(outcome.rows)] } }) }, { status: 400 });
  }
  invariantResponse(outcome.kind === "saved", "Nie udało się zapisać sygnatariusza.", { status: 500 });
  const anchor = signatoryAnchor(submission.value.office);
  return redirectWithToast(`/admin/settings#${anchor}`, {
    title: outcome.closed ? "Dodano sygnatariusza; okres poprzednika kończy się dzień wcześniej." : "Dodano sygnatariusza.",
  });
}

export default function NewSignatory() {
  const { office, offices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const chosen = offices.find((o) => o.office === office)!;
  const [form, fields] = useForm({
    id: `signatory-new-${office}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { office, titleLine: chosen.titleLine, closePrevious: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewSignatoryForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting";
  const noAria = { ariaAttributes: false } as const;
  return (
    <div className="form-page">
      <h1>Nowy sygnatariusz</h1>
      <p className="lead">
        Osoba pełniąca urząd od podanego dnia. Dokumenty z tego okresu drukują pod podpisem jej imię i nazwisko oraz tytuł. Wpisuj prawdziwe dane tylko na
        podstawie dokumentów (np. zaświadczenia o wyborze, uchwały o wyborze Przewodniczącego).
      </p>
      {offices.map((o) =>
        o.existing.length ? (
          <section key={o.office} aria-labelledby={`dotychczas-${o.office}`}>
            <h2 id={`dotychczas-${o.office}`}>{o.label}: dotychczas</h2>
            <ul className="period-list">
              {o.existing.map((r) => (
                <li key={r.id}>
                  <strong>{r.period}</strong> (<PeriodStateTag state={r.state} />
                  ): {r.fullName}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field id={fields.office.id} label="Urząd" errors={fields.office.errors} required>
          {(aria) => (
            <select {...getSelectProps(fields.office, noAria)} {...aria}>
              {offices.map((o) => (
                <option key={o.office} value={o.office}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fields.fullName.id} label="Imię i nazwisko" errors={fields.fullName.errors} required>
          {(aria) => <input {...getInputProps(fields.fullName, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <Field
          id={fields.titleLine.id}
          label="Tytuł pod podpisem"
          errors={fields.titleLine.errors}
          hint="Tak jak ma być wydrukowany, np. „Przewodnicząca Rady Miasta Krakowa”."
          required
        >
          {(aria) => <input {...getInputProps(fields.titleLine, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <PeriodInputs
          validFrom={fields.validFrom}
          validTo={fields.validTo}
          fromLabel="Od dnia"
          toLabel="Do dnia (opcjonalnie)"
          toHint="Ostatni dzień urzędowania; puste = nadal pełni urząd."
        />
        <Checkbox
          field={fields.closePrevious}
          label="Zakończ okres poprzednika dzień przed datą „Od dnia”"
          hint="Osoba wpisana na ten urząd w dniu „Od dnia” (od wcześniejszej daty) dostanie datę końcową dzień wcześniej (wpis w dzienniku zdarzeń)."
        />
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : "Dodaj sygnatariusza"}
          </button>
          <Link to={`/admin/settings#${signatoryAnchor(office)}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

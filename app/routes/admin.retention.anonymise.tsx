// The confirmation step of anonymisation: GET lists what will change; only a POST with the
// confirmation box ticked anonymises, and answers with what was done.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ErrorList, FormErrors } from "#app/components/forms";
import { DueTable, dueRowOf } from "#app/components/retention";
import { ANONYMIZED_MARK, ConfirmAnonymisationForm } from "#app/domain/retention";
import { anonymise, listDueForAnonymisation, type AnonymisationResult } from "#app/models/retention.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Anonimizacja: potwierdzenie · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "personal-data:manage");
  const due = await listDueForAnonymisation();
  return { due: due.map(dueRowOf) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "personal-data:manage");
  if (request.method !== "POST") {
    throw new Response("Anonimizację wykonuje się tylko formularzem potwierdzenia.", {
      status: 405,
      headers: { Allow: "GET, POST", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const submission = parseWithZod(await request.formData(), { schema: ConfirmAnonymisationForm });
  if (submission.status !== "success") return data({ result: submission.reply(), summary: null }, { status: 400 });
  const outcome = await anonymise(submission.value.ids, { userId: user.id });
  return { result: submission.reply({ resetForm: true }), summary: summaryOf(outcome) };
}

function summaryOf(r: AnonymisationResult) {
  return {
    nominations: r.nominations,
    nominators: r.nominators,
    attachments: r.attachments,
    candidates: r.candidates,
    candidatesKept: r.candidatesKept,
    hgApplications: r.hgApplications,
    auditEventsRedacted: r.auditEventsRedacted,
    skipped: r.skippedIds.length,
  };
}

export default function ConfirmAnonymisation() {
  const { due } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "anonymise",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmAnonymisationForm }),
    shouldValidate: "onSubmit",
  });
  const summary = navigation.state === "idle" ? actionData?.summary : null;
  const submitting = navigation.state === "submitting";
  const candidatesGone = due.filter((d) => d.candidate.willBeAnonymized).length;
  return (
    <>
      <h1>Anonimizacja danych osobowych</h1>
      {summary ? (
        <section className="alert alert--ok" role="status" aria-labelledby="wynik">
          <h2 id="wynik">Anonimizacja zakończona</h2>
          <ul>
            <li>zanonimizowane wnioski: {summary.nominations}</li>
            <li>wnioskodawcy (nazwy i kontakty usunięte): {summary.nominators}</li>
            <li>załączniki (nazwy usunięte): {summary.attachments}</li>
            <li>zanonimizowani kandydaci: {summary.candidates}</li>
            <li>kandydaci, którzy zachowali dane (wyróżnienie lub inny wniosek): {summary.candidatesKept}</li>
            <li>wnioski o Odznakę „Honoris Gratia” (dane wnioskodawcy usunięte): {summary.hgApplications}</li>
            <li>wpisy dziennika zdarzeń oczyszczone z danych osobowych: {summary.auditEventsRedacted}</li>
            {summary.skipped ? <li>pominięte (nie spełniały już warunków anonimizacji): {summary.skipped}</li> : null}
          </ul>
          <p>
            <Link to="/admin/retention">Wróć do ochrony danych</Link>
          </p>
        </section>
      ) : null}

      {due.length === 0 ? (
        <>
          <p className="empty-state">Żaden wniosek nie czeka na anonimizację.</p>
          {summary ? null : (
            <p>
              <Link to="/admin/retention">Wróć do ochrony danych</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <section aria-labelledby="co-sie-zmieni">
            <h2 id="co-sie-zmieni">Co się zmieni</h2>
            <p>W każdym zaznaczonym wniosku:</p>
            <ul>
              <li>nazwy i dane kontaktowe wnioskodawców zostaną zastąpione napisem „{ANONYMIZED_MARK}”;</li>
              <li>opis zasług zostanie usunięty, nazwy załączników i uwagi o zamknięciu zastąpione napisem „{ANONYMIZED_MARK}”;</li>
              <li>
                dane kandydata (imiona, nazwisko lub nazwa, data i rok urodzenia, miejscowość, tytuł, formy nazwy) zostaną usunięte tylko wtedy, gdy nie ma on
                wyróżnienia ani innego wniosku; tak będzie u {candidatesGone} z {due.length};
              </li>
              <li>dane wnioskodawcy Odznaki „Honoris Gratia” zostaną usunięte, gdy żaden wniosek z jego pisma nie pozostanie;</li>
              <li>w dzienniku zdarzeń tych rekordów dane osobowe zostaną zastąpione napisem „{ANONYMIZED_MARK}”.</li>
            </ul>
            <p>
              Zostają: wyróżnienie, klasa, status, daty i znak sprawy (statystyka). <strong>Anonimizacji nie można cofnąć.</strong>
            </p>
          </section>

          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <fieldset aria-describedby={fields.ids.errors?.length ? `${fields.ids.id}-error` : undefined}>
              <legend>Wnioski do anonimizacji ({due.length})</legend>
              <ErrorList id={`${fields.ids.id}-error`} errors={fields.ids.errors} />
              <DueTable rows={due} selectable caption="Wnioski do anonimizacji; odznacz te, które mają pozostać" />
            </fieldset>
            <div className={`field ${fields.confirm.errors?.length ? "field--invalid" : ""}`}>
              <label className="choice">
                <input
                  {...getInputProps(fields.confirm, { type: "checkbox", ariaAttributes: false })}
                  aria-invalid={fields.confirm.errors?.length ? true : undefined}
                  aria-describedby={fields.confirm.errors?.length ? `${fields.confirm.id}-error` : undefined}
                />{" "}
                Rozumiem, że dane osobowe z zaznaczonych wniosków zostaną usunięte nieodwracalnie.
              </label>
              <ErrorList id={`${fields.confirm.id}-error`} errors={fields.confirm.errors} />
            </div>
            <div className="form-actions">
              <button type="submit" disabled={submitting}>
                {submitting ? "Anonimizowanie…" : "Anonimizuj"}
              </button>
              <Link to="/admin/retention">Anuluj</Link>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

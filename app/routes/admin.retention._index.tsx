import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { DueTable, dueRowOf } from "#app/components/retention";
import { RECORD_KIND_LABEL, RETENTION_MONTHS_MAX, RetentionPoliciesForm, type RecordKind } from "#app/domain/retention";
import { listDueForAnonymisation } from "#app/models/retention.server";
import { listRetentionPolicies, updateRetentionPolicies } from "#app/models/retention-policy.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Ochrona danych osobowych · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "personal-data:manage");
  const [policies, due] = await Promise.all([listRetentionPolicies(), listDueForAnonymisation()]);
  return {
    policies: policies.map((p) => ({ id: p.id, recordKind: p.recordKind, months: p.months, description: p.description, version: p.version })),
    due: due.map(dueRowOf),
  };
}

const kindLabel = (kind: string) => RECORD_KIND_LABEL[kind as RecordKind] ?? kind;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "personal-data:manage");
  const submission = parseWithZod(await request.formData(), { schema: RetentionPoliciesForm });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false, conflict: null }, { status: 400 });
  const outcome = await updateRetentionPolicies(submission.value, { userId: user.id });
  if (outcome.kind === "not-found") {
    return data(
      {
        result: submission.reply({ formErrors: [`Nie ma okresu przechowywania dla: ${outcome.recordKinds.map(kindLabel).join(", ")}. Odśwież stronę.`] }),
        saved: false,
        conflict: null,
      },
      { status: 400 },
    );
  }
  if (outcome.kind === "conflict") {
    return data(
      {
        result: submission.reply({
          formErrors: [
            "Ktoś inny zmienił okresy przechowywania, gdy je edytowałeś. Twoje zmiany nie zostały zapisane. Porównaj wartości poniżej; aby zastąpić zapisane swoimi, zapisz formularz ponownie.",
          ],
        }),
        saved: false,
        conflict: outcome.changes.map((c) => ({ label: kindLabel(c.recordKind), saved: c.savedMonths, yours: c.yourMonths })),
      },
      { status: 409 },
    );
  }
  return { result: submission.reply(), saved: true, conflict: null };
}

export default function RetentionScreen() {
  const { policies, due } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "retention-policies",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { policies: policies.map((p) => ({ recordKind: p.recordKind, months: String(p.months), version: String(p.version) })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RetentionPoliciesForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const rows = fields.policies.getFieldList();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  return (
    <>
      <h1>Ochrona danych osobowych (RODO)</h1>
      <p className="lead">
        Wnioski zakończone bez nadania wyróżnienia są przechowywane przez ustalony okres, a potem anonimizowane: znikają nazwiska, dane kontaktowe i opisy, a
        zostają wyróżnienie, status, daty i znak sprawy (na potrzeby statystyki). Laureaci pozostają jawni.
      </p>

      <section aria-labelledby="okresy">
        <h2 id="okresy">Okresy przechowywania</h2>
        {actionData?.saved && navigation.state === "idle" ? (
          <p className="alert alert--ok" role="status">
            Zapisano okresy przechowywania.
          </p>
        ) : null}
        {policies.length === 0 ? (
          <p className="muted">Brak zdefiniowanych okresów przechowywania: uruchom ładowanie danych referencyjnych (npm run db:seed).</p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            {actionData?.conflict?.length && navigation.state === "idle" ? (
              <table className="data-table conflict">
                <caption>Różnice między zapisanymi wartościami a Twoimi</caption>
                <thead>
                  <tr>
                    <th scope="col">Rodzaj wniosków</th>
                    <th scope="col">Zapisane przez innego użytkownika</th>
                    <th scope="col">Twoja wersja</th>
                  </tr>
                </thead>
                <tbody>
                  {actionData.conflict.map((c) => (
                    <tr key={c.label}>
                      <th scope="row">{c.label}</th>
                      <td>{c.saved} mies.</td>
                      <td>{c.yours} mies.</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {rows.map((row, i) => {
              const p = policies[i];
              if (!p) return null;
              const f = row.getFieldset();
              return (
                <div key={row.key}>
                  <input type="hidden" name={f.recordKind.name} value={p.recordKind} />
                  <input type="hidden" name={f.version.name} value={p.version} />
                  <Field
                    id={f.months.id}
                    label={`${kindLabel(p.recordKind)}: okres przechowywania (w miesiącach)`}
                    hint={p.description}
                    errors={f.months.errors}
                    required
                  >
                    {(aria) => (
                      <input
                        {...getInputProps(f.months, { type: "number", ariaAttributes: false })}
                        min={1}
                        max={RETENTION_MONTHS_MAX}
                        step={1}
                        inputMode="numeric"
                        className="input--short"
                        {...aria}
                      />
                    )}
                  </Field>
                </div>
              );
            })}
            <div className="form-actions">
              <button type="submit" disabled={submitting}>
                {submitting ? "Zapisywanie…" : "Zapisz okresy przechowywania"}
              </button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="do-anonimizacji">
        <h2 id="do-anonimizacji">Wnioski do anonimizacji ({due.length})</h2>
        {due.length ? (
          <>
            <p>
              Okres przechowywania tych wniosków upłynął. Anonimizacja jest nieodwracalna; następny krok pokaże, co dokładnie się zmieni, i poprosi o
              potwierdzenie.
            </p>
            <DueTable rows={due} caption="Wnioski, których okres przechowywania upłynął" />
            <p className="form-actions">
              <Link className="button" to="/admin/retention/anonymise">
                Anonimizuj…
              </Link>
            </p>
          </>
        ) : (
          <p className="empty-state">Żaden wniosek nie czeka na anonimizację.</p>
        )}
        <p className="muted">
          To samo robi polecenie <code>npm run retention</code> (podgląd) i <code>npm run retention -- --apply</code> (anonimizacja), które można uruchamiać z
          harmonogramu (np. cron); opis w README, sekcja „Data protection (RODO)”.
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

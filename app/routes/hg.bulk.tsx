// Bulk work on Honoris Gratia applications. GET shows what would change (the rows that will move
// and those that cannot, with the reason); POST, after that confirmation, moves each row through
// the workflow on its own (one transaction and audit event per row) and reports a summary.
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { NOUNS, nominationsWillChange } from "#app/domain/counts";
import { countOf, pluralForm } from "#app/domain/plural";
import { transitionPermission } from "#app/domain/permissions";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DateInput } from "#app/components/date-input";
import { Field, FormErrors } from "#app/components/forms";
import { BackToDesk, HgNav } from "#app/components/hg";
import { BULK_LABEL, BULK_TARGET, BulkAction, bulkFormSchema, bulkSummaryText, parseHgListQuery, planBulk, type BulkPlan } from "#app/domain/honoris-gratia";
import { todayIso, typedDateValue } from "#app/domain/polish-dates";
import { STATUS_LABEL } from "#app/domain/workflow";
import { bulkRows, runHgBulk } from "#app/models/hg-bulk.server";
import { hgDecisionId } from "#app/models/hg-decisions.server";
import { hgMatchingIds } from "#app/models/hg-list.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { dataWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Czynność na wielu wnioskach · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "hg:decide");
  const today = todayIso();
  const params = new URL(request.url).searchParams;
  const parsedAction = BulkAction.safeParse(params.get("bulkAction"));
  const bulkAction = parsedAction.success ? parsedAction.data : "verify";
  const ids = params.get("allMatching") === "on" ? await hgMatchingIds(parseHgListQuery(params), today) : params.getAll("ids");
  // „Zweryfikuj i przyznaj”: offered only to whoever may take both steps.
  const mayVerifyFirst =
    bulkAction === "grant" && (["VERIFIED", "GRANTED"] as const).every((to) => user.permissions.includes(transitionPermission("HONORIS_GRATIA", to)));
  const verifyFirst = mayVerifyFirst && params.get("verifyFirst") === "on";
  const plan = planBulk(await bulkRows(ids), bulkAction, { verifyFirst });
  const withVerification = new URLSearchParams(params);
  withVerification.set("verifyFirst", "on");
  return {
    bulkAction,
    plan,
    selected: ids.length,
    today,
    verifyFirst,
    verifyFirstHref: mayVerifyFirst && plan.verifiable ? `/hg/bulk?${withVerification.toString()}` : null,
    back: backToList(params),
  };
}

/** The list with the filter the selection came from. */
function backToList(params: URLSearchParams): string {
  const kept = new URLSearchParams([...params].filter(([k]) => !["ids", "allMatching", "bulkAction", "verifyFirst"].includes(k))).toString();
  return kept ? `/hg?${kept}` : "/hg";
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "hg:decide");
  const today = todayIso();
  const submission = parseWithZod(await request.formData(), { schema: bulkFormSchema(today) });
  if (submission.status !== "success") return data({ result: submission.reply(), summary: null, ordinanceId: null, back: null }, { status: 400 });
  const input = submission.value;
  if (input.ids.length === 0) {
    return data(
      { result: submission.reply({ formErrors: ["Nie zaznaczono żadnego wniosku: nic nie zmieniono."] }), summary: null, ordinanceId: null, back: null },
      { status: 400 },
    );
  }
  const summary = await runHgBulk(input, input.ids, { userId: user.id }, today);
  const ordinance = input.bulkAction === "grant" && summary.done.length && input.eventDate ? await hgDecisionId(input.actNumber, input.eventDate) : null;
  const text = bulkSummaryText(input.bulkAction, summary);
  const back = backToList(new URL(request.url).searchParams);
  return dataWithToast(
    { result: submission.reply({ resetForm: true }), summary: { ...summary, text }, ordinanceId: ordinance, back },
    { ...text, type: summary.done.length ? "success" : "error", link: { href: back, label: "Wróć do wniosków" } },
    { status: summary.done.length ? 200 : 422 },
  );
}

/** Granting applications that only arrived: they must be verified first, which may be done in the same run. */
function VerifyFirstOffer({ count, href }: { count: number; href: string }) {
  return (
    <div className="alert alert--warn">
      <p>
        {countOf(count, NOUNS.nomination)} {pluralForm(count, { one: "ma", few: "mają", many: "ma" })} status „{STATUS_LABEL.RECEIVED}”: przed przyznaniem
        odznaki trzeba {pluralForm(count, { one: "go", few: "je", many: "je" })} zweryfikować.
      </p>
      <p>
        <Link to={href}>Zweryfikuj i przyznaj w jednym przebiegu</Link> (każdy wniosek przejdzie oba kroki, każdy zapisany w dzienniku zdarzeń).
      </p>
    </div>
  );
}

/** The selected rows the action does not apply to, with the reason. */
function SkippedRows({ title, skipped }: { title: string; skipped: BulkPlan["skipped"] }) {
  if (!skipped.length) return null;
  return (
    <section aria-labelledby="skipped">
      <h2 id="skipped">
        {title} ({skipped.length})
      </h2>
      <ul>
        {skipped.map((s) => (
          <li key={s.row.id}>
            {s.row.name} ({STATUS_LABEL[s.row.status]}): {s.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Bulk() {
  const { bulkAction, plan, selected, today, back, verifyFirst, verifyFirstHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<ReturnType<typeof bulkFormSchema>>>({
    id: "hg-bulk",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulkFormSchema(today) }),
    shouldValidate: "onSubmit",
    defaultValue: { eventDate: typedDateValue(today) },
  });
  const summary = actionData?.summary;
  const to = BULK_TARGET[bulkAction];

  if (summary) {
    return (
      <>
        <HgNav />
        <h1>{BULK_LABEL[bulkAction]}: podsumowanie</h1>
        {/* The toast above announces the same; this stays as the page's record of the run. */}
        <div className={`alert ${summary.failed.length ? "alert--warn" : "alert--ok"}`}>
          <p>{summary.text.title}</p>
          {summary.text.description ? <p>{summary.text.description}</p> : null}
        </div>
        {summary.done.length ? (
          <section aria-labelledby="done">
            <h2 id="done">Wykonano ({summary.done.length})</h2>
            <ul>
              {summary.done.map((d) => (
                <li key={d.row.id}>
                  <Link to={`/nominations/${d.row.id}`}>{d.row.name}</Link>: {[d.row.status, ...d.row.steps].map((s) => STATUS_LABEL[s]).join(" → ")}
                  {d.detail ? <strong>, {d.detail}</strong> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {summary.failed.length ? (
          <section aria-labelledby="failed">
            <h2 id="failed">Nie powiodło się — bez zmian ({summary.failed.length})</h2>
            <ul>
              {summary.failed.map((f) => (
                <li key={f.row.id}>
                  <Link to={`/nominations/${f.row.id}`}>{f.row.name}</Link>: {f.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <SkippedRows title="Pominięte" skipped={summary.skipped} />
        {bulkAction === "prepare" && summary.done.length ? (
          <p>
            <Link to="/hg/decisions/draft">Projekt decyzji Prezydenta z wniosków w przygotowaniu</Link>
          </p>
        ) : null}
        {bulkAction === "refuse" && summary.done.length ? (
          <p>
            <Link to="/hg/refusals">Pisma do wnioskodawców o odmowie</Link>
          </p>
        ) : null}
        {actionData?.ordinanceId ? (
          <p>
            <Link to={`/hg/decisions/${actionData.ordinanceId}`}>Decyzja Prezydenta i pisma do wnioskodawców</Link>
          </p>
        ) : null}
        <p>
          <Link to={actionData?.back ?? "/hg"}>Wróć do wniosków</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <HgNav />
      <h1>{BULK_LABEL[bulkAction]}</h1>
      {selected === 0 ? (
        <div className="alert alert--warn" role="status">
          <p>Nie zaznaczono żadnego wniosku: nic się nie zmieni. Zaznacz wnioski na liście albo „wszystkie pasujące do filtra”.</p>
        </div>
      ) : plan.eligible.length === 0 ? (
        <div className="alert alert--warn" role="status">
          <p>
            Żaden z zaznaczonych wniosków ({selected}) nie może przejść do statusu „{STATUS_LABEL[to]}”: nic się nie zmieni.
          </p>
        </div>
      ) : (
        <p className="lead">
          Po potwierdzeniu {nominationsWillChange(plan.eligible.length)} status na „{STATUS_LABEL[to]}”. Każda zmiana zostanie zapisana w dzienniku zdarzeń.
        </p>
      )}
      {verifyFirstHref ? <VerifyFirstOffer count={plan.verifiable} href={verifyFirstHref} /> : null}
      {plan.eligible.length ? (
        <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="bulkAction" value={bulkAction} />
          {verifyFirst ? <input type="hidden" name="verifyFirst" value="on" /> : null}
          {plan.eligible.map((r) => (
            <input key={r.id} type="hidden" name="ids" value={r.id} />
          ))}
          <table className="data-table">
            <caption>Co się zmieni</caption>
            <thead>
              <tr>
                <th scope="col">Laureat</th>
                <th scope="col">Status teraz</th>
                <th scope="col">Po zmianie</th>
              </tr>
            </thead>
            <tbody>
              {plan.eligible.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{STATUS_LABEL[r.status]}</td>
                  <td>{r.steps.map((s) => STATUS_LABEL[s]).join(" → ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {bulkAction === "grant" || bulkAction === "refuse" ? (
            <fieldset>
              <legend>Decyzja Prezydenta</legend>
              <div className="grid-2">
                {bulkAction === "grant" ? (
                  <Field id={fields.actNumber.id} label="Numer zarządzenia (decyzji) Prezydenta" hint="np. 1234/2026" errors={fields.actNumber.errors} required>
                    {(aria) => <input {...getInputProps(fields.actNumber, { type: "text", ariaAttributes: false })} {...aria} />}
                  </Field>
                ) : null}
                <DateInput field={fields.eventDate} label="Data decyzji" required />
              </div>
              {bulkAction === "refuse" ? (
                <Field id={fields.reason.id} label="Powód odmowy" errors={fields.reason.errors} required>
                  {(aria) => <textarea {...getTextareaProps(fields.reason, { ariaAttributes: false })} rows={3} {...aria} />}
                </Field>
              ) : null}
            </fieldset>
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              Potwierdzam: {BULK_LABEL[bulkAction].toLowerCase()} ({plan.eligible.length})
            </button>
            <Link to={back}>Anuluj</Link>
          </div>
        </Form>
      ) : null}
      <SkippedRows title="Bez zmian" skipped={plan.skipped} />
      <BackToDesk />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

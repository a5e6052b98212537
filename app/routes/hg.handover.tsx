// The batch hand-over from the Honoris Gratia desk: the selected granted laureates go to a
// hand-over event, an existing planned ceremony or a new one created in the same step. GET shows
// who can go and who cannot (with the reason); POST assigns them through the ceremony model
// (assignToHandover: one transaction, each laureate audited) and reports a summary.
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { z } from "zod";
import { CeremonyFields } from "#app/components/ceremony";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { BackToDesk, HgNav } from "#app/components/hg";
import { CeremonyForm, ceremonyKindLabel, HandoverForm, planHandover } from "#app/domain/ceremony";
import { parseHgListQuery } from "#app/domain/honoris-gratia";
import { formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { STATUS_LABEL } from "#app/domain/workflow";
import { assignToHandover, handoverRows, openCeremonies } from "#app/models/ceremony-laureates.server";
import { listVenues } from "#app/models/venue.server";
import { hgMatchingIds } from "#app/models/hg-list.server";
import { proposedEventOf } from "#app/models/hg-bulk.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Przekaż do wręczenia · Odznaka „Honoris Gratia” · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const today = todayIso();
  const params = new URL(request.url).searchParams;
  const ids = params.get("allMatching") === "on" ? await hgMatchingIds(parseHgListQuery(params), today) : params.getAll("ids");
  const [rows, ceremonies, venues] = await Promise.all([handoverRows(ids), openCeremonies(today), listVenues()]);
  const plan = planHandover(rows, null);
  // A new ceremony starts from the event the applications proposed at intake.
  const proposed = await proposedEventOf(plan.eligible.map((r) => r.nominationId));
  const back = `/hg?${new URLSearchParams([...params].filter(([k]) => !["ids", "allMatching", "bulkAction"].includes(k))).toString()}`;
  return {
    selected: ids.length,
    plan,
    proposed,
    ceremonies: ceremonies.map((c) => ({
      id: c.id,
      label: `${c.title} (${ceremonyKindLabel(c.kind)}), ${formatPolishDate(c.date)}, godz. ${c.startTime}${c.venue ? `, ${c.venue.name}` : ""}; laureatów: ${c._count.laureates}`,
    })),
    venues: venues.map((v) => ({ id: v.id, name: v.name, address: v.address })),
    back,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const submission = parseWithZod(await request.formData(), { schema: HandoverForm });
  if (submission.status !== "success") return data({ result: submission.reply(), summary: null }, { status: 400 });
  const v = submission.value;
  const outcome = await assignToHandover(
    { nominationIds: v.ids, ceremonyId: v.target === "existing" ? v.ceremonyId : null, create: v.target === "new" ? CeremonyForm.parse(v) : null },
    { userId: user.id },
  );
  if (outcome.kind === "refused") {
    return data({ result: submission.reply({ formErrors: [outcome.message, ...(outcome.problems ?? [])] }), summary: null }, { status: 400 });
  }
  return data({ result: submission.reply({ resetForm: true }), summary: outcome });
}

export default function HgHandover() {
  const { selected, plan, proposed, ceremonies, venues, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof HandoverForm>>({
    id: "hg-handover",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: {
      target: ceremonies.length ? "existing" : "new",
      kind: "GALA",
      title: proposed?.title ?? "",
      date: proposed?.date ?? "",
      startTime: "18:00",
      endTime: "20:00",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HandoverForm }),
    shouldValidate: "onSubmit",
  });
  const summary = actionData?.summary;
  // Both parts are in the form; the choice shows one (the schema reads only the chosen one).
  const [target, setTarget] = useState(String(fields.target.initialValue ?? (ceremonies.length ? "existing" : "new")));

  if (summary) {
    return (
      <>
        <HgNav />
        <h1>Przekazano do wręczenia</h1>
        <div className={`alert ${summary.refused.length ? "alert--warn" : "alert--ok"}`} role="status">
          <p>
            {summary.created ? "Zaplanowano nową uroczystość. " : ""}Dodano laureatów: {summary.added.length}
            {summary.refused.length ? `; pominięto: ${summary.refused.length}` : ""}.
          </p>
        </div>
        <p>
          <Link to={`/ceremonies/${summary.id}`}>Otwórz uroczystość: kolejność, obecność, druk dyplomów</Link>
        </p>
        <section aria-labelledby="dodani">
          <h2 id="dodani">Dodani ({summary.added.length})</h2>
          <ul>
            {summary.added.map((r) => (
              <li key={r.nominationId}>{r.name}</li>
            ))}
          </ul>
        </section>
        <Refused refused={summary.refused} />
        <BackToDesk />
      </>
    );
  }

  return (
    <>
      <HgNav />
      <h1>Przekaż do wręczenia</h1>
      {selected === 0 ? (
        <div className="alert alert--warn" role="status">
          <p>Nie zaznaczono żadnego wniosku: nic się nie zmieni. Zaznacz przyznane odznaki na liście albo „wszystkie pasujące do filtra”.</p>
        </div>
      ) : plan.eligible.length === 0 ? (
        <div className="alert alert--warn" role="status">
          <p>Żadnego z zaznaczonych laureatów ({selected}) nie można przekazać do wręczenia: nic się nie zmieni.</p>
        </div>
      ) : (
        <p className="lead">
          Laureaci z przyznaną odznaką, jeszcze nie wręczoną ani nie zaplanowaną ({plan.eligible.length}), trafią na listę wybranej uroczystości, w tej
          kolejności. Kolejność, obecność i druk dyplomów ustalisz potem na stronie uroczystości.
        </p>
      )}
      {plan.eligible.length ? (
        <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
          <FormErrors id={form.errorId} errors={form.errors} />
          {plan.eligible.map((r) => (
            <input key={r.nominationId} type="hidden" name="ids" value={r.nominationId} />
          ))}
          <table className="data-table">
            <caption>Laureaci do przekazania</caption>
            <thead>
              <tr>
                <th scope="col">Lp.</th>
                <th scope="col">Laureat</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.eligible.map((r, i) => (
                <tr key={r.nominationId}>
                  <td>{i + 1}</td>
                  <td>
                    <Link to={`/nominations/${r.nominationId}`}>{r.name}</Link>
                  </td>
                  <td>{STATUS_LABEL[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset>
            <legend>Uroczystość</legend>
            <label className="choice">
              <input
                {...getInputProps(fields.target, { type: "radio", value: "existing" })}
                id="target-existing"
                onChange={() => setTarget("existing")}
                disabled={!ceremonies.length}
              />{" "}
              istniejąca (zaplanowana lub potwierdzona)
            </label>
            <label className="choice">
              <input {...getInputProps(fields.target, { type: "radio", value: "new" })} id="target-new" onChange={() => setTarget("new")} /> nowa: gala lub
              wydarzenie innej organizacji
            </label>
          </fieldset>
          <div hidden={target !== "existing"}>
            <Field id={fields.ceremonyId.id} label="Uroczystość" errors={fields.ceremonyId.errors} required className="field--wide">
              {(aria) => (
                <select {...getSelectProps(fields.ceremonyId, { ariaAttributes: false })} {...aria}>
                  <option value="">— wybierz —</option>
                  {ceremonies.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset hidden={target !== "new"}>
            <legend>Nowa uroczystość</legend>
            {proposed ? <p>Nazwa i data podpowiedziane z wniosków (proponowane wydarzenie wręczenia); popraw je, jeśli trzeba.</p> : null}
            <CeremonyFields fields={fields} venues={venues} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              Potwierdzam: przekaż do wręczenia ({plan.eligible.length})
            </button>
            <Link to={back}>Anuluj</Link>
          </div>
        </Form>
      ) : null}
      <Refused refused={plan.refused} />
      <BackToDesk />
    </>
  );
}

function Refused({ refused }: { refused: { row: { nominationId: string; name: string; status: string }; reason: string }[] }) {
  if (!refused.length) return null;
  return (
    <section aria-labelledby="pominieci">
      <h2 id="pominieci">Pominięci — bez zmian ({refused.length})</h2>
      <ul>
        {refused.map((r) => (
          <li key={r.row.nominationId}>
            <Link to={`/nominations/${r.row.nominationId}`}>{r.row.name}</Link>: {r.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

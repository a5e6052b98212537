// Refused Honoris Gratia applications and the letters to their applicants: the refusals of a
// period (the Mayor's decision dates), newest first; the clerk chooses some (or all of the
// period), the letters' date and the format, and downloads one PDF or DOCX (/hg/refusals/letters).
import { pageOf } from "#app/domain/form-fields";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ErrorList, Field, FormErrors } from "#app/components/forms";
import { HgNav } from "#app/components/hg";
import { Pagination } from "#app/components/pagination";
import { RefusalPeriod, refusalLettersSchema } from "#app/domain/hg-refusal-letters";
import { formatShortDate, todayIso } from "#app/domain/polish-dates";
import { listHgRefusals, REFUSALS_PAGE_SIZE } from "#app/models/hg-refusal.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Odmowy „Honoris Gratia” i pisma · Merenti" }];

/** The letters form's answer sent back after errors: not a filter, so the list's pages drop it. */
const LETTERS_FORM_FIELDS = ["check", "ids", "allInPeriod", "letterDate", "format"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const params = new URL(request.url).searchParams;
  const periodInput = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const parsedPeriod = RefusalPeriod.safeParse(periodInput);
  const periodErrors = parsedPeriod.success ? {} : parsedPeriod.error.flatten().fieldErrors;
  const page = pageOf(params);
  const { rows, total } = parsedPeriod.success ? await listHgRefusals(parsedPeriod.data, page) : { rows: [], total: 0 };
  // Sent back by the download after a form that does not validate: the same errors, next to the fields.
  const lettersResult = params.has("check") ? parseWithZod(params, { schema: refusalLettersSchema }).reply() : null;
  return {
    period: periodInput,
    periodValid: parsedPeriod.success,
    periodErrors: { from: periodErrors.from, to: periodErrors.to },
    rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / REFUSALS_PAGE_SIZE)),
    selected: params.getAll("ids"),
    allInPeriod: params.get("allInPeriod") === "on",
    lettersResult,
    today: todayIso(),
  };
}

export default function HgRefusals() {
  const { period, periodValid, periodErrors, rows, total, page, pages, selected, allInPeriod, lettersResult, today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof refusalLettersSchema>>({
    id: "hg-refusal-letters",
    lastResult: lettersResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: refusalLettersSchema }),
    shouldValidate: "onSubmit",
    defaultValue: { letterDate: today },
  });
  const filtered = Boolean(period.from || period.to);
  const idsError = fields.ids.errors?.length ? fields.ids.errorId : undefined;
  const addressable = rows.filter((r) => r.application);

  return (
    <>
      <HgNav />
      <h1>Odmowy nadania odznaki i pisma do wnioskodawców</h1>
      <p className="lead">
        Wnioski, których nadania Prezydent Miasta odmówił, od najnowszej decyzji. Zaznacz odmowy (albo wszystkie z wybranego okresu), aby pobrać pisma do
        wnioskodawców: jedno pismo na wniosek, z powodem odmowy zapisanym przy decyzji.
      </p>

      <Form method="get" className="filters no-print" role="search" aria-label="Okres decyzji o odmowie">
        <Field id="from" label="Decyzje od" errors={periodErrors.from}>
          {(aria) => <input {...aria} name="from" type="date" defaultValue={period.from} />}
        </Field>
        <Field id="to" label="Decyzje do" errors={periodErrors.to}>
          {(aria) => <input {...aria} name="to" type="date" defaultValue={period.to} />}
        </Field>
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          {filtered ? <Link to="/hg/refusals">Wszystkie odmowy</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading" ? "Wczytywanie…" : total === 0 ? "Brak odmów." : `Odmów: ${total}, najnowsze decyzje najpierw.`}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {!periodValid ? (
            <p>Popraw okres, aby zobaczyć odmowy.</p>
          ) : filtered ? (
            <p>W wybranym okresie Prezydent nie odmówił nadania odznaki.</p>
          ) : (
            <p>Żaden wniosek „Honoris Gratia” nie został odrzucony: nie ma pism o odmowie do przygotowania.</p>
          )}
          <p>
            Odmowę zapisuje się na <Link to="/hg">liście wniosków</Link> (czynność „Odmów (decyzja Prezydenta)”).
          </p>
        </div>
      ) : (
        <form method="get" action="/hg/refusals/letters" {...getFormProps(form)} aria-label="Pisma do wnioskodawców o odmowie">
          <FormErrors id={form.errorId} errors={form.errors} />
          {period.from ? <input type="hidden" name="from" value={period.from} /> : null}
          {period.to ? <input type="hidden" name="to" value={period.to} /> : null}
          <fieldset className="bulk-bar no-print">
            <legend>Pisma do wnioskodawców</legend>
            <label className="choice">
              <input type="checkbox" name="allInPeriod" value="on" defaultChecked={allInPeriod} aria-describedby={idsError} />{" "}
              {filtered ? `Wszystkie odmowy z wybranego okresu (${total})` : `Wszystkie odmowy (${total})`}
            </label>
            <ErrorList id={idsError} errors={fields.ids.errors} />
            <Field id={fields.letterDate.id} label="Data pism" errors={fields.letterDate.errors} required>
              {(aria) => <input {...getInputProps(fields.letterDate, { type: "date", ariaAttributes: false })} {...aria} />}
            </Field>
            <div className="form-actions">
              <button type="submit" name="format" value="pdf">
                Pobierz pisma (PDF)
              </button>
              <button type="submit" name="format" value="docx" className="button--secondary">
                Pobierz pisma (DOCX)
              </button>
            </div>
            {addressable.length < rows.length ? (
              <p className="field-hint">Odmowy bez zarejestrowanego wnioskodawcy nie mają pisma: nie ma do kogo pisać.</p>
            ) : null}
          </fieldset>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Odmowy nadania Odznaki „Honoris Gratia”, najnowsze decyzje najpierw</caption>
              <thead>
                <tr>
                  <th scope="col">Zaznacz</th>
                  <th scope="col">Kandydat</th>
                  <th scope="col">Wnioskodawca</th>
                  <th scope="col">Wpłynął</th>
                  <th scope="col">Decyzja</th>
                  <th scope="col">Powód odmowy</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.application ? (
                        <input
                          type="checkbox"
                          name="ids"
                          value={r.id}
                          defaultChecked={selected.includes(r.id)}
                          aria-label={`Zaznacz: ${r.displayName}`}
                          aria-invalid={idsError ? true : undefined}
                          aria-describedby={idsError}
                        />
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <Link to={`/nominations/${r.id}`}>{r.displayName}</Link>
                    </td>
                    <td>{r.application ? <Link to={`/hg/${r.application.id}`}>{r.application.applicantName}</Link> : "brak wnioskodawcy"}</td>
                    <td>
                      <time dateTime={r.receivedDate}>{formatShortDate(r.receivedDate)}</time>
                    </td>
                    <td>{r.refusedOn ? <time dateTime={r.refusedOn}>{formatShortDate(r.refusedOn)}</time> : "—"}</td>
                    <td>{r.reason || <em>nie zapisano</em>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pages={pages} omit={LETTERS_FORM_FIELDS} />
        </form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

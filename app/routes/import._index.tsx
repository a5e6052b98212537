// /import: the historical record from a spreadsheet. A file is first read in a dry run that says
// per row what it will create or match and lists the first errors (row, column), all of them in a
// CSV download; the file stays on the server under the dry run's id (import-staging.server.ts).
// Applying that id writes all its rows in one transaction, or none (rows with errors only when
// the user skips them on purpose).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { COLUMN_HELP, EXPORT_COLUMNS, HONOUR_CODE, REQUIRED_COLUMNS } from "#app/domain/historical-csv";
import { HONOUR_SHORT_LABEL, HONOURS } from "#app/domain/honours";
import { NOUNS, shownOfErrors, shownOfRows } from "#app/domain/counts";
import { ApplyForm, MAX_IMPORT_REQUEST_BYTES, SHOWN_ISSUES, SHOWN_ROWS, TOO_LARGE_MESSAGE, UploadForm } from "#app/domain/import-form";
import { countOf } from "#app/domain/plural";
import type { ImportPlan } from "#app/models/historical-import.server";
import { applyStagedImport, STAGED_IMPORT_GONE, stageDryRun } from "#app/models/import-staging.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { BodyTooLargeError, readFormData } from "#app/utils/body-limit.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Import rejestru historycznego · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  return {
    columns: EXPORT_COLUMNS.map((c) => ({ name: c, help: COLUMN_HELP[c], required: (REQUIRED_COLUMNS as readonly string[]).includes(c) })),
    exports: HONOURS.map((h) => ({ code: HONOUR_CODE[h], label: HONOUR_SHORT_LABEL[h] })),
  };
}

/** What the page shows of a plan: every count, the first rows and errors, and the dry run's id to apply. */
function shown(plan: ImportPlan, importId: string, fileName: string) {
  return {
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    counts: plan.counts,
    fileIssues: plan.fileIssues,
    issues: plan.issues.slice(0, SHOWN_ISSUES),
    issueCount: plan.issueCount,
    warnings: plan.warnings.slice(0, SHOWN_ISSUES),
    warningCount: plan.warningCount,
    rows: plan.rows.slice(0, SHOWN_ROWS).map((r) => ({ row: r.row, action: r.action, label: r.label, issues: r.issues.length })),
    importId,
    errorsUrl: plan.issueCount ? `/import/${importId}/errors.csv` : null,
    fileName,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  let formData: FormData;
  try {
    formData = await readFormData(request, MAX_IMPORT_REQUEST_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const empty = parseWithZod(new FormData(), { schema: UploadForm });
    return data({ result: empty.reply({ fieldErrors: { file: [TOO_LARGE_MESSAGE] } }), report: null, message: null }, { status: 413 });
  }
  if (formData.get("intent") === "apply") {
    const submission = parseWithZod(formData, { schema: ApplyForm });
    if (submission.status !== "success") return data({ result: submission.reply(), report: null, message: null }, { status: 400 });
    const { importId, skipErrors } = submission.value;
    const outcome = await applyStagedImport(importId, { userId: user.id, skipErrors });
    if (outcome.kind === "gone") return data({ result: submission.reply({ formErrors: [STAGED_IMPORT_GONE] }), report: null, message: null }, { status: 400 });
    if (outcome.kind === "refused") {
      return data({ result: null, report: shown(outcome.plan, importId, outcome.fileName), message: outcome.message }, { status: 400 });
    }
    return redirectWithToast("/import", {
      title: `Zaimportowano ${countOf(outcome.created, NOUNS.conferral)}; już w rejestrze: ${outcome.matched}${outcome.skipped ? `; pominięto ${countOf(outcome.skipped, NOUNS.row)} z błędami` : ""}.`,
    });
  }
  const submission = parseWithZod(formData, { schema: UploadForm });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["file"] }), report: null, message: null }, { status: 400 });
  const { file } = submission.value;
  const { importId, plan } = await stageDryRun(new Uint8Array(await file.arrayBuffer()), { userId: user.id, fileName: file.name });
  return { result: null, report: shown(plan, importId, file.name), message: null };
}

const ACTION_TEXT = { create: "utworzy", match: "już w rejestrze", error: "błąd" } as const;

export default function ImportScreen() {
  const { columns, exports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "import-upload",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadForm }),
    shouldValidate: "onSubmit",
  });
  const busy = navigation.state === "submitting";
  const report = navigation.state === "idle" ? actionData?.report : null;
  return (
    <div className="import-page">
      <h1>Import rejestru historycznego</h1>
      <p className="lead">
        Nadania sprzed uruchomienia Merenti wczytuje się z arkusza zapisanego jako CSV. Najpierw próba: pokazuje, co zostanie dodane, co już jest w rejestrze, i
        każdy błąd z numerem wiersza i kolumną. Import zapisuje wszystkie wiersze albo żaden.
      </p>

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">1. Próba</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="preview" />
          <Field
            id={fields.file.id}
            label="Plik CSV"
            errors={fields.file.errors}
            hint="UTF-8 (z BOM lub bez) albo Windows-1250; separator „;” lub „,”; pierwszy wiersz: nazwy kolumn."
            required
          >
            {(aria) => <input {...getInputProps(fields.file, { type: "file", ariaAttributes: false })} accept=".csv,text/csv" {...aria} />}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy && navigation.formData?.get("intent") === "preview" ? "Sprawdzanie…" : "Sprawdź plik"}
            </button>
          </div>
        </Form>
      </section>

      {report ? <Report report={report} message={actionData?.message ?? null} busy={busy} /> : null}

      <section aria-labelledby="format-title">
        <h2 id="format-title">Format pliku</h2>
        <p>
          Daty: RRRR-MM-DD albo DD.MM.RRRR. Wiersz pasuje do istniejącego nadania (ten sam laureat, wyróżnienie i uchwała lub decyzja), więc ponowny import
          niczego nie dubluje. Numery medali nadawane później w aplikacji następują po najwyższym zaimportowanym.
        </p>
        <div className="table-wrap">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Kolumny pliku CSV</caption>
            <thead>
              <tr>
                <th scope="col">kolumna</th>
                <th scope="col">zawartość</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="export-title">
        <h2 id="export-title">Eksport w tym samym formacie</h2>
        <ul>
          <li>
            <a href="/import/export" download>
              Cały rejestr (CSV)
            </a>
          </li>
          <li>
            <a href="/import/export?historical=1" download>
              Tylko nadania zaimportowane (CSV)
            </a>
          </li>
          {exports.map((e) => (
            <li key={e.code}>
              <a href={`/import/export?honour=${e.code}`} download>
                {e.label} (CSV)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type ShownReport = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>["report"]>;

function Report({ report, message, busy }: { report: ShownReport; message: string | null; busy: boolean }) {
  const { counts } = report;
  const importable = counts.create + counts.match > 0 && report.fileIssues.length === 0;
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">Wynik próby: {report.fileName || "plik"}</h2>
      {message ? (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      ) : null}
      {report.encoding === "Windows-1250" ? (
        <p className="alert alert--info">
          Plik nie jest zapisany w UTF-8: odczytano go jako Windows-1250 (polskie znaki z systemu Windows). Sprawdź nazwiska w tabeli poniżej.
        </p>
      ) : null}
      <p role="status">
        Wierszy: {counts.rows}; do utworzenia: <strong>{counts.create}</strong>; już w rejestrze: {counts.match}; z błędami: <strong>{counts.error}</strong>.
      </p>

      {report.issueCount > 0 ? (
        <>
          <h3 id="issues-title">Błędy ({report.issueCount})</h3>
          <div className="table-wrap">
            <table className="data-table data-table--compact" aria-labelledby="issues-title">
              <thead>
                <tr>
                  <th scope="col">wiersz</th>
                  <th scope="col">kolumna</th>
                  <th scope="col">błąd</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, n) => (
                  <tr key={n}>
                    <td>{i.row ?? "plik"}</td>
                    <td>{i.column ? <code>{i.column}</code> : "—"}</td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {report.issueCount > report.issues.length ? `${shownOfErrors(report.issues.length, report.issueCount)}. ` : null}
            {report.errorsUrl ? (
              <a href={report.errorsUrl} download>
                Pobierz wszystkie błędy (CSV)
              </a>
            ) : null}
          </p>
        </>
      ) : null}

      {report.warningCount > 0 ? (
        <>
          <h3>Ostrzeżenia ({report.warningCount})</h3>
          <ul>
            {report.warnings.map((w, n) => (
              <li key={n}>
                wiersz {w.row}, kolumna <code>{w.column}</code>: {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {importable ? (
        <Form method="post" className="import-apply">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="importId" value={report.importId} />
          <h3>2. Import</h3>
          {counts.error > 0 ? (
            <div className="field">
              <label className="choice">
                <input type="checkbox" name="skipErrors" value="on" /> Pomiń {countOf(counts.error, NOUNS.row)} z błędami i zaimportuj pozostałe
              </label>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? "Importowanie…" : `Importuj (${counts.create} ${counts.create === 1 ? "nadanie" : "nadań"})`}
            </button>
          </div>
        </Form>
      ) : null}

      {report.rows.length > 0 ? (
        <>
          <h3 id="rows-title">Wiersze</h3>
          <div className="table-wrap">
            <table className="data-table data-table--compact" aria-labelledby="rows-title">
              <thead>
                <tr>
                  <th scope="col">wiersz</th>
                  <th scope="col">co się stanie</th>
                  <th scope="col">nadanie</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} className={`import-row import-row--${r.action}`}>
                    <td>{r.row}</td>
                    <td>{r.action === "error" ? `${ACTION_TEXT.error} (${r.issues})` : ACTION_TEXT[r.action]}</td>
                    <td>{r.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {counts.rows > report.rows.length ? (
            <p>
              {shownOfRows(report.rows.length, counts.rows)}; wszystkie wypisuje <code>npm run import -- plik.csv --all</code>.
            </p>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to="/import">Wczytaj inny plik</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

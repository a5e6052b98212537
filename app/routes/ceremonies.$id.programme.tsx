// /ceremonies/:id/programme: the programme as a list of points (time, what happens, who speaks),
// edited as one form: add, remove and move rows (conform's list intents, with or without
// JavaScript), saved version-checked; a preview of the PDF below (programme.pdf).
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DocumentPreview } from "#app/components/document-preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { isEditable, NOT_EDITABLE_MESSAGE } from "#app/domain/ceremony";
import { MAX_PROGRAMME_ITEMS, ProgrammeFormSchema, programmeTimeProblems } from "#app/domain/programme";
import { ceremonyPage, CONFLICT_MESSAGE } from "#app/models/ceremony.server";
import { programmeDocument, programmeOf, resetProgramme, saveProgrammeItems } from "#app/models/ceremony-programme.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Program uroczystości · Merenti" }];

const SOURCE_TEXT = {
  saved: "Program zapisany w punktach.",
  legacy: "Program zapisany wcześniej jako tekst: drukuje się bez zmian, dopóki nie zapiszesz go w punktach poniżej (formularz zaczyna od jego punktów).",
  suggested: "Program proponowany z typowego porządku uroczystości, dla osób sprawujących urzędy w dniu uroczystości. Zapisz go, aby go zmieniać.",
} as const;

const schema = ProgrammeFormSchema.superRefine((v, ctx) => {
  for (const p of programmeTimeProblems(v.items)) ctx.addIssue({ code: "custom", path: ["items", p.index, "time"], message: p.message });
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  const programme = await programmeOf(page);
  return {
    id: page.ceremony.id,
    title: page.ceremony.title,
    version: page.ceremony.version,
    editable: isEditable(page.ceremony.status),
    source: programme.source,
    rows: programme.rows,
    doc: programmeDocument(page, programme),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const formData = await request.formData();
  const id = params.id!;
  const actor = { userId: user.id };
  if (formData.get("intent") === "reset") {
    const version = z.coerce.number().int().min(1).safeParse(formData.get("version"));
    invariantResponse(version.success, "Brak wersji uroczystości.", { status: 400 });
    const outcome = await resetProgramme(id, { version: version.data }, actor);
    invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
    if (outcome.kind !== "saved")
      return data(
        { result: null, message: outcome.kind === "conflict" ? CONFLICT_MESSAGE : outcome.message },
        { status: outcome.kind === "conflict" ? 409 : 400 },
      );
    return redirectWithToast(`/ceremonies/${id}/programme`, { title: "Przywrócono program proponowany." });
  }
  const submission = parseWithZod(formData, { schema });
  // Adding, removing or moving a row only changes the form (status undefined); errors stay next to their fields.
  if (submission.status !== "success") return data({ result: submission.reply(), message: null }, { status: submission.status === "error" ? 400 : 200 });
  const outcome = await saveProgrammeItems(id, submission.value, actor);
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
  if (outcome.kind === "conflict") return data({ result: submission.reply({ formErrors: [CONFLICT_MESSAGE] }), message: null }, { status: 409 });
  if (outcome.kind === "refused") return data({ result: submission.reply({ formErrors: [outcome.message] }), message: null }, { status: 400 });
  return redirectWithToast(`/ceremonies/${id}/programme`, {
    title: "Zapisano program uroczystości.",
    link: { href: `/ceremonies/${id}`, label: "Wróć do uroczystości" },
  });
}

function RowInput({ field, label, className }: { field: FieldMetadata<string>; label: string; className?: string }) {
  const errorId = field.errors?.length ? `${field.id}-error` : undefined;
  return (
    <>
      <input
        {...getInputProps(field, { type: "text", ariaAttributes: false })}
        className={className}
        aria-label={label}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      />
      {errorId ? (
        <p id={errorId} className="field-errors">
          {field.errors!.join(" ")}
        </p>
      ) : null}
    </>
  );
}

export default function ProgrammePage() {
  const { id, title, version, editable, source, rows, doc } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: `programme-${id}-${version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { version: String(version), items: rows },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const items = fields.items.getFieldList();
  const busy = navigation.state !== "idle";
  return (
    <>
      <div className="page-head">
        <h1>Program: {title}</h1>
        <div className="page-actions no-print">
          <a href={`/ceremonies/${id}/programme.pdf`} download>
            Pobierz program (PDF)
          </a>
          <Link to={`/ceremonies/${id}`}>Wróć do uroczystości</Link>
        </div>
      </div>
      <p className="lead">{SOURCE_TEXT[source]}</p>
      {actionData?.message ? (
        <p className="alert alert--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {editable ? (
        <Form method="post" {...getFormProps(form)} className="no-print programme-form" aria-label="Punkty programu">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input {...getInputProps(fields.version, { type: "hidden" })} />
          {fields.items.errors?.length ? (
            <p id={fields.items.errorId} className="field-errors" role="alert">
              {fields.items.errors.join(" ")}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table data-table--stack programme-table">
              <caption className="visually-hidden">Punkty programu w kolejności</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Nr
                  </th>
                  <th scope="col">Godzina</th>
                  <th scope="col">Punkt programu</th>
                  <th scope="col">Kto zabiera głos</th>
                  <th scope="col">Kolejność</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, i) => {
                  const row = item.getFieldset();
                  const n = i + 1;
                  return (
                    <tr key={item.key}>
                      <td className="num" data-label="Nr">
                        {n}
                      </td>
                      <td data-label="Godzina">
                        <RowInput field={row.time} label={`Punkt ${n}: godzina (GG:MM)`} className="input--tiny" />
                      </td>
                      <td data-label="Punkt programu">
                        <RowInput field={row.text} label={`Punkt ${n}: treść`} />
                      </td>
                      <td data-label="Kto zabiera głos">
                        <RowInput field={row.speaker} label={`Punkt ${n}: kto zabiera głos`} />
                      </td>
                      <td data-label="Kolejność" className="nowrap">
                        <button
                          {...form.reorder.getButtonProps({ name: fields.items.name, from: i, to: i - 1 })}
                          className="button--secondary"
                          disabled={i === 0 || busy}
                          aria-label={`Przesuń wyżej punkt ${n}`}
                        >
                          ↑
                        </button>
                        <button
                          {...form.reorder.getButtonProps({ name: fields.items.name, from: i, to: i + 1 })}
                          className="button--secondary"
                          disabled={i === items.length - 1 || busy}
                          aria-label={`Przesuń niżej punkt ${n}`}
                        >
                          ↓
                        </button>
                        <button
                          {...form.remove.getButtonProps({ name: fields.items.name, index: i })}
                          className="button--secondary"
                          disabled={busy}
                          aria-label={`Usuń punkt ${n}`}
                        >
                          Usuń
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button
              {...form.insert.getButtonProps({ name: fields.items.name, defaultValue: { time: "", text: "", speaker: "" } })}
              className="button--secondary"
              disabled={busy || items.length >= MAX_PROGRAMME_ITEMS}
            >
              Dodaj punkt
            </button>
            <button type="submit" disabled={busy}>
              Zapisz program
            </button>
          </div>
        </Form>
      ) : (
        <p className="alert alert--info">{NOT_EDITABLE_MESSAGE}</p>
      )}
      {editable && source !== "suggested" ? (
        <Form method="post" className="no-print">
          <input type="hidden" name="version" value={version} />
          <button type="submit" name="intent" value="reset" className="button--secondary" disabled={busy}>
            Przywróć program proponowany
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="podglad">
        <h2 id="podglad">Podgląd</h2>
        <DocumentPreview doc={doc} label="Podgląd programu" />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

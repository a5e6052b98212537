// /ceremonies/:id/programme: the programme generated from templates/ceremony-programme.hbs,
// editable as document markup (stored in Ceremony.programme), with a preview; PDF at programme.pdf.
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DocumentPreview } from "#app/components/document-preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { MarkupError, parseMarkup } from "#app/documents/markup";
import { isEditable, NOT_EDITABLE_MESSAGE } from "#app/domain/ceremony";
import { ceremonyPage, CONFLICT_MESSAGE } from "#app/models/ceremony.server";
import { generatedProgramme, programmeDocument, saveProgramme } from "#app/models/ceremony-documents.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Program uroczystości · Merenti" }];

const ProgrammeForm = z.object({
  intent: z.enum(["save", "regenerate"]),
  programme: z.string().max(100_000, "Program jest za długi.").optional().default(""),
  version: z.coerce.number().int().min(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const page = await ceremonyPage(params.id!);
  invariantResponse(page, "Nie znaleziono uroczystości.", { status: 404 });
  const markup = page.ceremony.programme || generatedProgramme(page);
  return {
    id: page.ceremony.id,
    title: page.ceremony.title,
    version: page.ceremony.version,
    editable: isEditable(page.ceremony.status),
    edited: page.ceremony.programme !== "",
    markup,
    doc: programmeDocument(page),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const submission = parseWithZod(await request.formData(), {
    schema: ProgrammeForm.superRefine((v, ctx) => {
      if (v.intent !== "save") return;
      if (!v.programme.trim()) {
        ctx.addIssue({ code: "custom", path: ["programme"], message: "Program nie może być pusty. Aby wrócić do szablonu, użyj „Wygeneruj od nowa z szablonu”." });
        return;
      }
      try {
        parseMarkup(v.programme, { source: "program uroczystości" });
      } catch (error) {
        if (!(error instanceof MarkupError)) throw error;
        ctx.addIssue({ code: "custom", path: ["programme"], message: `Błąd w wierszu ${error.line}: ${error.message}` });
      }
    }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const outcome = await saveProgramme(params.id!, { programme: v.intent === "save" ? v.programme.trim() + "\n" : "", version: v.version }, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
  if (outcome.kind === "conflict") return data({ result: submission.reply({ formErrors: [CONFLICT_MESSAGE] }) }, { status: 409 });
  if (outcome.kind === "refused") return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: 400 });
  return redirectWithToast(`/ceremonies/${params.id}/programme`, {
    title: v.intent === "save" ? "Zapisano program uroczystości." : "Program uroczystości wygenerowano od nowa z szablonu.",
    link: { href: `/ceremonies/${params.id}`, label: "Wróć do uroczystości" },
  });
}

export default function Programme() {
  const { id, title, version, editable, edited, markup, doc } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `programme-${id}-${version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { programme: markup, version: String(version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeForm }),
    shouldValidate: "onSubmit",
  });
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
      <p className="lead">
        {edited ? "Program zmieniony ręcznie." : "Program wygenerowany z szablonu (kolejność wręczeń jak na liście laureatów)."} Tekst zapisuje się w znacznikach dokumentu
        (np. &lt;p&gt;…&lt;/p&gt;, &lt;ol&gt;&lt;li&gt;…&lt;/li&gt;&lt;/ol&gt;).
      </p>
      {editable ? (
        <Form method="post" {...getFormProps(form)} className="no-print">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input {...getInputProps(fields.version, { type: "hidden" })} />
          <Field id={fields.programme.id} label="Treść programu (znaczniki dokumentu)" errors={fields.programme.errors} className="field--wide">
            {(aria) => <textarea {...getTextareaProps(fields.programme, { ariaAttributes: false })} rows={22} spellCheck={false} {...aria} />}
          </Field>
          <div className="form-actions">
            <button type="submit" name="intent" value="save">
              Zapisz program
            </button>
            <button type="submit" name="intent" value="regenerate" className="button--secondary">
              Wygeneruj od nowa z szablonu
            </button>
          </div>
        </Form>
      ) : (
        <p className="alert alert--info">{NOT_EDITABLE_MESSAGE}</p>
      )}
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

// /admin/name-lexicon/:id: correct or delete one entry of the lexicon of confirmed name forms.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { LexiconFields } from "#app/components/name-lexicon";
import { LexiconEntryEditSchema } from "#app/domain/name-lexicon";
import { deleteLexiconEntry, getLexiconEntry, saveLexiconEntry } from "#app/models/name-lexicon.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Wpis słownika odmiany · Merenti" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const entry = await getLexiconEntry(params.id!);
  invariantResponse(entry, "Nie znaleziono wpisu.", { status: 404 });
  return {
    entry: {
      id: entry.id,
      kind: entry.kind,
      nominative: entry.nominative,
      gender: entry.gender,
      genitive: entry.genitive,
      dative: entry.dative,
      version: entry.version,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    invariantResponse(await deleteLexiconEntry(params.id!, { userId: user.id }), "Nie znaleziono wpisu.", { status: 404 });
    return redirectWithToast("/admin/name-lexicon", { title: "Usunięto wpis ze słownika odmiany." });
  }
  const submission = parseWithZod(formData, { schema: LexiconEntryEditSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveLexiconEntry(params.id!, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono wpisu.", { status: 404 });
  if (outcome.kind === "duplicate")
    return data({ result: submission.reply({ fieldErrors: { nominative: ["To słowo (tego rodzaju) jest już w słowniku."] } }) }, { status: 400 });
  if (outcome.kind === "conflict") return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: 409 });
  return redirectWithToast("/admin/name-lexicon", { title: `Zapisano wpis „${submission.value.nominative}”.` });
}

export default function LexiconEntryPage() {
  const { entry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `lexicon-${entry.id}-${entry.version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: {
      kind: entry.kind,
      nominative: entry.nominative,
      gender: entry.gender,
      genitive: entry.genitive,
      dative: entry.dative,
      version: String(entry.version),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LexiconEntryEditSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form-page">
      <h1>Wpis słownika odmiany: {entry.nominative}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <LexiconFields fields={fields} />
        <div className="form-actions">
          <button type="submit">Zapisz</button>
          <Link to="/admin/name-lexicon">Anuluj</Link>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button--secondary">
          Usuń wpis
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /admin/settings/emblems/new: the city's emblem (herb) for diplomas, a PNG or SVG file, from a date.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { Checkbox, PeriodInputs } from "#app/components/settings";
import { EMBLEM_ANCHOR, NewEmblemForm, overlapField, settingOverlapMessage } from "#app/domain/settings";
import { uploadEmblem } from "#app/models/emblem.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowy herb na dyplomy · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const submission = parseWithZod(await request.formData(), { schema: NewEmblemForm });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["file"] }) }, { status: 400 });
  const outcome = await uploadEmblem(submission.value, { userId: user.id });
  if (outcome.kind === "refused")
    return data({ result: submission.reply({ fieldErrors: { file: [outcome.message] }, hideFields: ["file"] }) }, { status: 400 });
  if (outcome.kind === "overlap") {
    const field = overlapField(submission.value, outcome.rows);
    return data({ result: submission.reply({ fieldErrors: { [field]: [settingOverlapMessage(outcome.rows)] }, hideFields: ["file"] }) }, { status: 400 });
  }
  invariantResponse(outcome.kind === "saved", "Nie udało się zapisać herbu.", { status: 500 });
  return redirectWithToast(`/admin/settings#${EMBLEM_ANCHOR}`, {
    title: outcome.closed ? "Wgrano herb; poprzedni jest drukowany do dnia poprzedniego." : "Wgrano herb.",
  });
}

export default function NewEmblem() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "emblem-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { closePrevious: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewEmblemForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting";
  return (
    <div className="form-page">
      <h1>Nowy herb na dyplomy</h1>
      <p className="lead">
        Herb miasta drukowany nad nagłówkiem dyplomu (w pełnym wydruku na czystym papierze). Herb jest zastrzeżonym znakiem miasta i nie jest dołączony do
        aplikacji: wgraj plik otrzymany z urzędu. Dyplom bierze herb obowiązujący w dniu dyplomu; bez herbu dyplom drukuje się bez niego.
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          id={fields.file.id}
          label="Plik z herbem"
          errors={fields.file.errors}
          hint="PNG albo SVG, najwyżej 2 MB. SVG: same kształty (tekst zamieniony na krzywe), bez skryptów i odwołań do innych plików. PNG: najlepiej z przezroczystym tłem, co najmniej 600 pikseli wysokości."
          required
        >
          {(aria) => <input {...getInputProps(fields.file, { type: "file", ariaAttributes: false })} accept=".png,.svg,image/png,image/svg+xml" {...aria} />}
        </Field>
        <PeriodInputs
          validFrom={fields.validFrom}
          validTo={fields.validTo}
          fromLabel="Od dnia"
          toLabel="Do dnia (opcjonalnie)"
          toHint="Ostatni dzień, w którym herb jest drukowany; puste = bez końca."
        />
        <Field id={fields.note.id} label="Uwagi (opcjonalnie)" errors={fields.note.errors} hint="Np. skąd pochodzi plik.">
          {(aria) => <input {...getInputProps(fields.note, { type: "text", ariaAttributes: false })} autoComplete="off" {...aria} />}
        </Field>
        <Checkbox
          field={fields.closePrevious}
          label="Zakończ okres poprzedniego herbu dzień przed datą „Od dnia”"
          hint="Herb drukowany w dniu „Od dnia” (wgrany od wcześniejszej daty) dostanie datę końcową dzień wcześniej (wpis w dzienniku zdarzeń)."
        />
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : "Wgraj herb"}
          </button>
          <Link to={`/admin/settings#${EMBLEM_ANCHOR}`}>Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { CandidateFieldset } from "#app/components/nomination-fields";
import { suggestAddressDative } from "#app/domain/address-forms";
import type { CandidateKind, Gender } from "#app/domain/honours";
import { EditCandidateSchema } from "#app/domain/nomination-form";
import { FORMS_SOURCE_LABEL } from "#app/domain/name-forms";
import { candidateWritePermissions, mayWriteCandidate, NOMINATION_WRITE_PERMISSIONS } from "#app/domain/permissions";
import { getCandidate, nameFormsSuggestionFor, updateCandidate } from "#app/models/candidate.server";
import { invariantResponse } from "#app/utils/http";
import { forbidden, requireUserWithAnyPermission, userCan } from "#app/utils/auth.server";
import { safeReturnTo } from "#app/utils/return-to";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Edycja kandydata · Merenti" }];

/** The candidate, once the user may write every honour the candidate has (KP-04 only Honoris Gratia). */
async function writableCandidate(request: Request, id: string) {
  const user = await requireUserWithAnyPermission(request, NOMINATION_WRITE_PERMISSIONS);
  const candidate = await getCandidate(id);
  invariantResponse(candidate, "Nie znaleziono kandydata.", { status: 404 });
  const honours = [...candidate.nominations, ...candidate.conferrals].map((r) => r.honour);
  if (!mayWriteCandidate(user.permissions, honours)) throw forbidden(candidateWritePermissions(honours).find((p) => !userCan(user, p))!);
  return { user, candidate };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { candidate } = await writableCandidate(request, params.id!);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), `/candidates/${candidate.id}`);
  const s = await nameFormsSuggestionFor(candidate);
  const suggestedAddress = suggestAddressDative({
    kind: candidate.kind as CandidateKind,
    gender: (candidate.grammaticalGender as Gender | null) ?? null,
    title: candidate.title,
  });
  return {
    candidate,
    returnTo,
    suggestedAddress,
    suggestion: { genitive: s.genitive, dative: s.dative, source: s.source, alternative: s.alternative, doubts: s.doubts },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await writableCandidate(request, params.id!);
  const submission = parseWithZod(await request.formData(), { schema: EditCandidateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateCandidate(params.id!, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono kandydata.", { status: 404 });
  if (outcome.kind === "conflict") {
    return data(
      {
        result: submission.reply({
          formErrors: [
            "Ktoś inny zapisał zmiany danych tego kandydata, gdy je edytowałeś. Twoje zmiany nie zostały zapisane." +
              (outcome.changedFields.length ? ` Pola różniące się od zapisanej wersji: ${outcome.changedFields.join(", ")}.` : "") +
              " Wczytaj stronę ponownie, aby zobaczyć aktualne dane.",
          ],
        }),
      },
      { status: 409 },
    );
  }
  // Opened from a „fill it in here” link (a draft's missing data): back to that task.
  const back = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), `/candidates/${params.id}`);
  return redirectWithToast(back, {
    title: "Zapisano dane kandydata.",
    description: submission.value.confirmNameForms ? "Formy nazwy (dopełniacz, celownik) są potwierdzone." : undefined,
    link: back === `/candidates/${params.id}` ? undefined : { href: `/candidates/${params.id}`, label: "Przejdź do kandydata" },
  });
}

export default function EditCandidate() {
  const { candidate: c, returnTo, suggestion, suggestedAddress } = useLoaderData<typeof loader>();
  const doubtful = suggestion.source === "guess" || suggestion.source === "unknown";
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `candidate-edit-${c.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: {
      candidate: {
        candidateKind: c.kind,
        givenNames: c.givenNames,
        surname: c.surname,
        grammaticalGender: c.grammaticalGender ?? undefined,
        birthYear: c.birthYear?.toString(),
        birthDate: c.birthDate ?? undefined,
        deceased: c.deceased ? "on" : undefined,
        title: c.title,
        city: c.city,
        organizationName: c.organizationName,
        shortName: c.shortName,
      },
      nameNominative: c.nameNominative,
      nameGenitive: c.nameGenitive,
      nameDative: c.nameDative,
      addressDative: c.addressDative ?? suggestedAddress,
      appositionDative: c.appositionDative ?? "",
      confirmNameForms: undefined,
    } as Record<string, unknown> as Record<string, string>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditCandidateSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const sourceText = FORMS_SOURCE_LABEL[suggestion.source];
  const forms = [
    [fields.nameNominative!, "Mianownik (kto? co?)", "np. Jan Kowalski", false],
    [fields.nameGenitive!, "Dopełniacz (kogo? czego?)", `Sugestia: ${suggestion.genitive} (${sourceText})`, doubtful],
    [fields.nameDative!, "Celownik (komu? czemu?)", `Sugestia: ${suggestion.dative} (${sourceText})`, doubtful],
  ] as const;
  return (
    <>
      <h1>Edycja kandydata: {c.displayName}</h1>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={c.version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <CandidateFieldset candidate={fields.candidate} />
        <fieldset>
          <legend>Formy nazwy drukowane w dokumentach</legend>
          <div className={`alert ${doubtful ? "alert--warn" : "alert--info"} name-forms-suggestion`} data-source={suggestion.source}>
            <p>
              <strong>Skąd sugestia:</strong> {sourceText}.
              {doubtful ? " Sprawdź formy i popraw je przed potwierdzeniem: po potwierdzeniu zapamiętam je w słowniku odmiany." : ""}
            </p>
            {suggestion.doubts.length ? (
              <ul>
                {suggestion.doubts.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
            {suggestion.alternative ? (
              <p>
                Poprawne są też formy: {suggestion.alternative.genitive}; {suggestion.alternative.dative}.
              </p>
            ) : null}
          </div>
          <div className="grid-3">
            {forms.map(([field, label, hint, guess]) => (
              <Field key={field.name} id={field.id} label={label} hint={hint} errors={field.errors} className={guess ? "field--guess" : undefined}>
                {(aria) => <input {...getInputProps(field, { type: "text", ariaAttributes: false })} {...aria} />}
              </Field>
            ))}
          </div>
          <div className="grid-3">
            <Field
              id={fields.addressDative!.id}
              label="Zwrot grzecznościowy w celowniku"
              hint={`Drukowany przed nazwiskiem w uchwałach, dyplomach i pismach, np. „Panu”, „Pani Profesor”, „Księdzu Kardynałowi”. Propozycja: „${suggestedAddress || "brak (instytucja)"}”; puste pole: propozycja.`}
              errors={fields.addressDative!.errors}
            >
              {(aria) => <input {...getInputProps(fields.addressDative!, { type: "text", ariaAttributes: false })} {...aria} />}
            </Field>
            <Field
              id={fields.appositionDative!.id}
              label="Dopowiedzenie po nazwisku w dedykacji dyplomu (celownik)"
              hint="Nieobowiązkowe, np. „mężowi stanu, Premierowi Rządu RP”."
              errors={fields.appositionDative!.errors}
            >
              {(aria) => <input {...getInputProps(fields.appositionDative!, { type: "text", ariaAttributes: false })} {...aria} />}
            </Field>
          </div>
          <label className="choice">
            <input {...getInputProps(fields.confirmNameForms!, { type: "checkbox", ariaAttributes: false })} /> Sprawdziłem formy nazwy i potwierdzam ich
            poprawność
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Zapisz dane kandydata
          </button>
          <Link to={returnTo}>Anuluj</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

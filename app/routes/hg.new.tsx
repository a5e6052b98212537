// Honoris Gratia intake, made for volume: Enter saves and opens the next entry with the same
// applicant, channel and date (the next laureate of the same letter); possible duplicates of a
// laureate (an honour held or an application pending) are shown before anything is saved.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { DateInput } from "#app/components/date-input";
import { Field, FormErrors } from "#app/components/forms";
import { HgNav } from "#app/components/hg";
import { GenderSelect } from "#app/components/nomination-fields";
import { CANDIDATE_KIND_LABEL, CANDIDATE_KINDS } from "#app/domain/honours";
import { CHANNEL_LABEL, CHANNELS, hgIntakeSchema } from "#app/domain/honoris-gratia";
import { formatShortDate, todayIso, typedDateValue } from "#app/domain/polish-dates";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { createHgApplication, getHgApplication, hgCaseReferencePattern, type LaureateMatch } from "#app/models/hg-intake.server";
import { newCreationToken } from "#app/models/nomination.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nowy wniosek „Honoris Gratia” · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:write:hg");
  const afterId = new URL(request.url).searchParams.get("after");
  const previous = afterId ? await getHgApplication(afterId) : null;
  return {
    creationToken: newCreationToken(),
    today: todayIso(),
    caseReferencePattern: await hgCaseReferencePattern(),
    saved: previous ? { id: previous.id, laureates: previous.nominations.map((n) => n.candidate.displayName) } : null,
    // The next entry of the same letter: the same applicant, channel, date and proposed event.
    remembered: previous
      ? {
          channel: previous.channel,
          receivedDate: previous.receivedDate,
          epuapSubmittedOn: previous.epuapSubmittedOn ?? undefined,
          caseReference: previous.caseReference,
          applicantKind: previous.applicantKind,
          applicantName: previous.applicantName,
          applicantContact: previous.applicantContact,
          applicantStreet: previous.applicantStreet ?? "",
          applicantPostalCode: previous.applicantPostalCode ?? "",
          applicantCity: previous.applicantCity ?? "",
          proposedEventName: previous.proposedEventName,
          proposedHandoverDate: previous.proposedHandoverDate ?? undefined,
        }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "nomination:write:hg");
  const submission = parseWithZod(await request.formData(), { schema: hgIntakeSchema(todayIso(), await hgCaseReferencePattern()) });
  if (submission.status !== "success") return data({ result: submission.reply(), matches: null }, { status: 400 });
  const outcome = await createHgApplication(submission.value, { userId: user.id });
  switch (outcome.kind) {
    case "duplicates":
      return data(
        {
          result: submission.reply({
            formErrors: [
              "Możliwe powtórzenie: w rejestrze są laureaci lub oczekujące wnioski o takich samych danych. Sprawdź listę przy laureacie i wybierz, co zrobić.",
            ],
          }),
          matches: outcome.matches,
        },
        { status: 409 },
      );
    case "epuap-taken":
      return data({ result: submission.reply({ fieldErrors: { epuapSubmissionId: [outcome.message] } }), matches: null }, { status: 409 });
    case "refused":
      return data({ result: submission.reply({ formErrors: [outcome.message] }), matches: null }, { status: 422 });
    default:
      return redirect(`/hg/new?after=${outcome.id}`);
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- conform's field metadata is deeply generic */
type AnyField = any;
/* eslint-enable @typescript-eslint/no-explicit-any */
const noAria = { ariaAttributes: false } as const;

function TextInput({
  field,
  label,
  hint,
  required,
  type = "text",
  focusFirst,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  required?: boolean;
  type?: "text" | "number";
  focusFirst?: boolean;
}) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors} required={required}>
      {(aria) => (
        // Keyboard-first intake: after Enter saved an entry, typing goes on in the next laureate's
        // first field (the user's own action led here, and the applicant above is kept).
        // eslint-disable-next-line jsx-a11y/no-autofocus
        <input {...getInputProps(field, { type, ...noAria })} {...aria} autoFocus={focusFirst} />
      )}
    </Field>
  );
}

/** A person or an organisation (laureate or applicant). */
function KindSelect({ field, label }: { field: AnyField; label: string }) {
  return (
    <Field id={field.id} label={label} errors={field.errors}>
      {(aria) => (
        <select {...getSelectProps(field, noAria)} {...aria}>
          {CANDIDATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {CANDIDATE_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Matches({ index, matches }: { index: number; matches: LaureateMatch[] }) {
  return (
    <fieldset className="duplicates">
      <legend>Laureat {index + 1}: możliwe powtórzenie</legend>
      {matches.map((m) => (
        <label key={m.id} className="choice">
          <input type="radio" name={`laureates[${index}].candidateId`} value={m.id} /> To ta sama osoba lub instytucja: <strong>{m.displayName}</strong>
          {m.birthYear ? `, ur. ${m.birthYear}` : ""}
          {m.city ? `, ${m.city}` : ""}
          {m.honours.length ? ` — wyróżnienia: ${m.honours.join("; ")}` : ""}
          {m.pending.map((p) => ` — oczekujący wniosek z ${formatShortDate(p.receivedDate)} (${STATUS_LABEL[p.status as Status] ?? p.status})`).join("")} (
          <Link to={`/candidates/${m.id}`} target="_blank">
            karta
          </Link>
          )
        </label>
      ))}
      <label className="choice">
        <input type="radio" name={`laureates[${index}].candidateId`} value="" defaultChecked /> To ktoś inny: zapisz jako nową osobę lub instytucję
      </label>
    </fieldset>
  );
}

export default function NewHgApplication() {
  const { creationToken, today, saved, remembered, caseReferencePattern } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = hgIntakeSchema(today, caseReferencePattern);
  const [form, fields] = useForm<z.input<ReturnType<typeof hgIntakeSchema>>>({
    id: `hg-new-${creationToken}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    // Dates as the office types them („12.03.2026”), also when conform restores a field.
    defaultValue: {
      channel: "PAPER",
      applicantKind: "ORGANIZATION",
      ...remembered,
      receivedDate: typedDateValue(remembered?.receivedDate ?? today),
      epuapSubmittedOn: typedDateValue(remembered?.epuapSubmittedOn),
      proposedHandoverDate: typedDateValue(remembered?.proposedHandoverDate),
      laureates: [{ kind: "PERSON" }],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const laureates = fields.laureates.getFieldList();
  const matches = actionData?.matches ?? null;
  const epuap = fields.channel.value === "EPUAP";
  const submitting = navigation.state === "submitting";
  const listErrorId = fields.laureates.errors?.length ? `${fields.laureates.id}-error` : undefined;

  return (
    <>
      <HgNav />
      <h1>Nowy wniosek o Odznakę „Honoris Gratia”</h1>
      <p className="lead">
        Enter zapisuje wniosek i otwiera następny z tym samym wnioskodawcą (w polu opisu zasług: Ctrl+Enter). Pola z gwiazdką (*) są wymagane.
      </p>
      {saved ? (
        <div className="alert alert--ok" role="status">
          Zapisano wniosek: {saved.laureates.join(", ")} (<Link to={`/hg/${saved.id}`}>zobacz</Link>). Dane wnioskodawcy zostały zachowane dla następnego wpisu
          — <Link to="/hg/new">nowy wnioskodawca</Link>.
        </div>
      ) : null}
      {/* A new entry is a new form: nothing typed into the previous one stays. */}
      <Form key={creationToken} method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
        <input type="hidden" name="creationToken" value={creationToken} />
        {matches ? <input type="hidden" name="duplicatesReviewed" value="on" /> : null}
        <FormErrors id={form.errorId} errors={form.errors} />

        <fieldset>
          <legend>Wpływ</legend>
          <div className="grid-3">
            <Field id={fields.channel.id} label="Kanał" errors={fields.channel.errors} required>
              {(aria) => (
                // The first field has the focus when the page opens (20 Tabs to reach it before);
                // after a saved entry the next laureate's first field has it instead.
                // eslint-disable-next-line jsx-a11y/no-autofocus
                <select {...getSelectProps(fields.channel, noAria)} {...aria} autoFocus={!saved}>
                  {CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABEL[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <DateInput field={fields.receivedDate} label="Data wpływu" required />
            <TextInput field={fields.caseReference} label="Znak sprawy" hint="np. KP-04.0012.15.2026" />
          </div>
          {epuap || fields.epuapSubmissionId.errors?.length ? (
            <div className="grid-2">
              <TextInput field={fields.epuapSubmissionId} label="Identyfikator przesyłki ePUAP" required />
              <DateInput field={fields.epuapSubmittedOn} label="Data przesłania przez ePUAP" required />
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Wnioskodawca</legend>
          <div className="grid-3">
            <KindSelect field={fields.applicantKind} label="Rodzaj wnioskodawcy" />
            <TextInput field={fields.applicantName} label="Wnioskodawca: nazwa lub imię i nazwisko" required />
            <TextInput field={fields.applicantContact} label="Kontakt do wnioskodawcy" hint="e-mail lub telefon" />
          </div>
          <p className="field-hint">Adres pocztowy, na który pójdzie pismo o decyzji (bez niego pismo poda tylko kontakt).</p>
          <div className="grid-3">
            <TextInput field={fields.applicantStreet} label="Ulica i numer" hint="np. ul. Floriańska 12/3" />
            <TextInput field={fields.applicantPostalCode} label="Kod pocztowy" hint="np. 31-004" />
            <TextInput field={fields.applicantCity} label="Miejscowość" />
          </div>
        </fieldset>

        <fieldset>
          <legend>Laureaci</legend>
          {listErrorId ? (
            <ul id={listErrorId} className="field-errors">
              {(fields.laureates.errors as string[]).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          <ol className="nominator-list">
            {laureates.map((item, index) => {
              const l = item.getFieldset();
              const person = (l.kind.value ?? "PERSON") === "PERSON";
              return (
                <li key={item.key} className="nominator">
                  <div className="grid-3">
                    <KindSelect field={l.kind} label={`Laureat ${index + 1}: rodzaj`} />
                    {person ? (
                      <>
                        <TextInput field={l.givenNames} label={`Laureat ${index + 1}: imiona`} required focusFirst={index === 0 && Boolean(saved)} />
                        <TextInput field={l.surname} label={`Laureat ${index + 1}: nazwisko`} required />
                        {[l.givenNames.errors, l.surname.errors].flat().some((e) => e?.startsWith("Nietypowe znaki")) ? (
                          <Field
                            id={l.unusualNameConfirmed.id}
                            label={`Laureat ${index + 1}: potwierdzam nietypowe znaki w imieniu lub nazwisku`}
                            errors={undefined}
                          >
                            {(aria) => <input {...getInputProps(l.unusualNameConfirmed, { type: "checkbox", ariaAttributes: false })} {...aria} />}
                          </Field>
                        ) : null}
                        <GenderSelect field={l.grammaticalGender} label={`Laureat ${index + 1}: rodzaj gramatyczny`} />
                        <TextInput
                          field={l.birthYear}
                          label={`Laureat ${index + 1}: rok urodzenia`}
                          type="number"
                          hint="pomaga odróżnić osoby o tym samym nazwisku"
                        />
                      </>
                    ) : (
                      <TextInput
                        field={l.organizationName}
                        label={`Laureat ${index + 1}: pełna nazwa instytucji`}
                        required
                        focusFirst={index === 0 && Boolean(saved)}
                      />
                    )}
                    <TextInput field={l.city} label={`Laureat ${index + 1}: miejscowość`} />
                  </div>
                  {matches?.[index]?.length ? <Matches index={index} matches={matches[index]!} /> : null}
                  {laureates.length > 1 ? (
                    <button type="button" className="button--secondary" onClick={() => form.remove({ name: fields.laureates.name, index })}>
                      Usuń laureata {index + 1}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <button type="button" className="button--secondary" onClick={() => form.insert({ name: fields.laureates.name, defaultValue: { kind: "PERSON" } })}>
            Dodaj laureata z tego samego wniosku
          </button>
        </fieldset>

        <fieldset>
          <legend>Proponowane wręczenie i zasługi</legend>
          <div className="grid-2">
            <TextInput field={fields.proposedEventName} label="Proponowana uroczystość" hint="np. gala jubileuszowa wnioskodawcy" />
            <DateInput
              field={fields.proposedHandoverDate}
              label="Proponowana data wręczenia"
              hint="termin decyzji: miesiąc od wpływu, a przy odległym wręczeniu — przed nim"
            />
          </div>
          <Field id={fields.merits.id} label="Zasługi" errors={fields.merits.errors}>
            {(aria) => (
              <textarea
                {...getTextareaProps(fields.merits, noAria)}
                rows={5}
                {...aria}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
            )}
          </Field>
        </fieldset>

        <div className="form-actions">
          <button type="submit" disabled={submitting} aria-disabled={submitting}>
            {submitting ? "Zapisywanie…" : matches ? "Zapisz z wybranymi odpowiedziami" : "Zapisz i dodaj następny"}
          </button>
          <Link to="/hg">Anuluj</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { StatusBadge, honourText } from "#app/components/labels";
import type { z } from "zod";
import { MEDAL_CLASS_LABEL, MEDAL_CLASSES, type Honour, type MedalClass } from "#app/domain/honours";
import { transitionPermission } from "#app/domain/permissions";
import { formatPolishDate, todayIso } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import { ACT_NUMBER_LABEL, EVENT_DATE_LABEL, transitionFields, transitionSchema } from "#app/domain/transition-form";
import { manualTransitions, Status, STATUS_LABEL, type Status as StatusT } from "#app/domain/workflow";
import { getNomination } from "#app/models/nomination.server";
import { applyTransition } from "#app/models/workflow.server";
import { limitRaiseResolutions } from "#app/models/adoption.server";
import { requirePermission, requireUser } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { returnLabel, safeReturnTo } from "#app/utils/return-to";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.step.label} · Merenti` : "Krok wniosku · Merenti" }];

async function load(request: Request, params: { id?: string; to?: string }) {
  const user = await requireUser(request);
  const nomination = await getNomination(params.id!);
  invariantResponse(nomination, "Nie znaleziono wniosku.", { status: 404 });
  const to = Status.safeParse(params.to);
  invariantResponse(to.success, "Nieznany krok.", { status: 404 });
  const honour = nomination.honour as Honour;
  requirePermission(user, transitionPermission(honour, to.data));
  return { user, nomination, honour, to: to.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { nomination: n, honour, to } = await load(request, params);
  const step = manualTransitions(honour, n.status as StatusT).find((t) => t.to === to);
  invariantResponse(step, `Ten krok nie jest dostępny dla wniosku w obecnym stanie.`, { status: 409 });
  // Only what the step's form shows: whoever may take a step (the printing room) need not read the nomination.
  const nomination = {
    id: n.id,
    honour: n.honour,
    requestedClass: n.requestedClass,
    status: n.status,
    version: n.version,
    candidate: { displayName: n.candidate.displayName },
  };
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), `/nominations/${nomination.id}`);
  const fields = transitionFields(honour, to);
  const limitRaises = fields.includes("limitRaise") ? await limitRaiseResolutions() : [];
  return { nomination, honour, step, fields, today: todayIso(), returnTo, limitRaises };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, nomination, honour, to } = await load(request, params);
  const submission = parseWithZod(await request.formData(), { schema: transitionSchema(honour, to, todayIso()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await applyTransition(nomination.id, to, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono wniosku.", { status: 404 });
  if (outcome.kind === "conflict") {
    return data(
      {
        result: submission.reply({
          formErrors: ["Ktoś inny zmienił ten wniosek w międzyczasie. Nic nie zostało zapisane: wróć do wniosku i sprawdź jego obecny stan."],
        }),
      },
      { status: 409 },
    );
  }
  if (outcome.kind === "refused") {
    const reply = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      : submission.reply({ formErrors: [outcome.message] });
    return data({ result: reply }, { status: 422 });
  }
  const label = manualTransitions(honour, nomination.status as StatusT).find((t) => t.to === to)?.label ?? STATUS_LABEL[to];
  // Back to where the step was started (the board, a list) or, by default, the honour's board.
  const back = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), `/board/${honour}`);
  return redirectWithToast(`/nominations/${nomination.id}`, {
    title: `Zapisano krok „${label}”.`,
    description: `${nomination.candidate.displayName}: wniosek ma teraz stan „${STATUS_LABEL[to]}”.`,
    link: { href: back, label: returnLabel(back) },
  });
}

const noAria = { ariaAttributes: false } as const;

export default function TransitionStep() {
  const { nomination: n, step, fields: needed, today, honour, returnTo, limitRaises } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<ReturnType<typeof transitionSchema>>>({
    id: `step-${n.id}-${step.to}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { eventDate: today, opinionClass: (n.requestedClass as MedalClass | null) ?? undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transitionSchema(honour, step.to, today) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const has = (f: string) => needed.includes(f as never);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- text-like fields of several value types
  const text = (field: any, label: string, hint?: string) => (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      {(aria) => <input {...getInputProps(field, { type: "text", ...noAria })} {...aria} />}
    </Field>
  );
  return (
    <>
      <h1>{step.label}</h1>
      <p>
        Wniosek: <Link to={`/nominations/${n.id}`}>{n.candidate.displayName}</Link>, {honourText(n.honour, n.requestedClass)}, status{" "}
        <StatusBadge status={n.status} /> → <StatusBadge status={step.to} />
      </p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={n.version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {has("eventDate") ? (
          <Field id={fields.eventDate.id} label={EVENT_DATE_LABEL[step.to] ?? "Data"} errors={fields.eventDate.errors} required>
            {(aria) => <input {...getInputProps(fields.eventDate, { type: "date", ...noAria })} max={today} {...aria} />}
          </Field>
        ) : null}
        {has("actNumber") ? text(fields.actNumber, ACT_NUMBER_LABEL[step.to] ?? "Numer aktu") : null}
        {has("opinionClass") ? (
          <Field id={fields.opinionClass.id} label="Klasa medalu w opinii Komisji" errors={fields.opinionClass.errors} required>
            {(aria) => (
              <select {...getSelectProps(fields.opinionClass, noAria)} {...aria}>
                <option value="">— wybierz —</option>
                {MEDAL_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {MEDAL_CLASS_LABEL[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {has("votes") ? (
          <fieldset>
            <legend>Wynik głosowania (opcjonalnie)</legend>
            <div className="grid-3">
              {text(fields.votesFor, "Za")}
              {text(fields.votesAgainst, "Przeciw")}
              {text(fields.votesAbstained, "Wstrzymało się")}
            </div>
          </fieldset>
        ) : null}
        {has("limitRaise") ? (
          <fieldset>
            <legend>Uchwała Rady podnosząca limit kadencji (tylko gdy limit jest przekroczony)</legend>
            {limitRaises.length ? (
              <Field id={fields.limitRaiseResolutionId.id} label="Zapisana uchwała podnosząca limit" errors={fields.limitRaiseResolutionId.errors}>
                {(aria) => (
                  <select {...getSelectProps(fields.limitRaiseResolutionId, noAria)} {...aria}>
                    <option value="">— żadna: wpiszę nową poniżej —</option>
                    {limitRaises.map((r) => (
                      <option key={r.id} value={r.id}>
                        {`nr ${r.number} z ${formatPolishDate(r.adoptedOn)}, ${toRoman(r.term)} kadencja${r.rules.length ? `: ${r.rules.map((x) => `${honourText(x.honour, x.medalClass)} do ${x.maxCount}`).join(", ")}` : ""}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <div className="grid-3">
              {text(fields.limitRaiseNumber, "Numer uchwały podnoszącej limit", "np. XLIV/1700/26")}
              <Field id={fields.limitRaiseDate.id} label="Data tej uchwały" errors={fields.limitRaiseDate.errors}>
                {(aria) => <input {...getInputProps(fields.limitRaiseDate, { type: "date", ...noAria })} max={today} {...aria} />}
              </Field>
              {text(fields.limitRaiseMax, "Nowy limit w tej kadencji")}
            </div>
          </fieldset>
        ) : null}
        {fields.confirmWarnings.errors?.length ? (
          <Field id={fields.confirmWarnings.id} label="Potwierdzam: numer uchwały jest właściwy" errors={fields.confirmWarnings.errors}>
            {(aria) => <input {...getInputProps(fields.confirmWarnings, { type: "checkbox", ...noAria })} {...aria} />}
          </Field>
        ) : null}
        {has("handoverPlace") ? text(fields.handoverPlace, "Miejsce wręczenia", "np. Sala Obrad Rady Miasta Krakowa") : null}
        {has("applicant") ? (
          <fieldset>
            <legend>Kto złożył wniosek (sprawdzenie formalne)</legend>
            <Field
              id={fields.councillorNames.id}
              label="Radni popierający wniosek Przewodniczącego (co najmniej 5; jeden w wierszu)"
              errors={fields.councillorNames.errors}
            >
              {(aria) => <textarea {...getTextareaProps(fields.councillorNames, noAria)} rows={5} {...aria} />}
            </Field>
            <div className="grid-3">
              {text(fields.residentSignatureCount, "Liczba podpisów mieszkańców")}
              <Field id={fields.signaturesCollectedFrom.id} label="Podpisy zbierane od" errors={fields.signaturesCollectedFrom.errors}>
                {(aria) => <input {...getInputProps(fields.signaturesCollectedFrom, { type: "date", ...noAria })} {...aria} />}
              </Field>
              <Field id={fields.signaturesCollectedTo.id} label="Podpisy zbierane do" errors={fields.signaturesCollectedTo.errors}>
                {(aria) => <input {...getInputProps(fields.signaturesCollectedTo, { type: "date", ...noAria })} {...aria} />}
              </Field>
            </div>
            {text(fields.lateReason, "Powód rozpatrzenia w bieżącym naborze (tylko dla wniosku złożonego po 31 marca)")}
          </fieldset>
        ) : null}
        {has("reason") ? (
          <Field
            id={fields.reason.id}
            label={step.to === "CLOSED" ? "Uwagi (opcjonalnie)" : step.to === "COMPLETION_REQUESTED" ? "Czego brakuje" : "Powód"}
            errors={fields.reason.errors}
            required={step.to !== "CLOSED"}
          >
            {(aria) => <textarea {...getTextareaProps(fields.reason, noAria)} rows={4} {...aria} />}
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {step.label}
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

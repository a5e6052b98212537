import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { CandidateFieldset, HonourFieldset, NominationDetailsFieldset, NominatorsFieldset } from "#app/components/nomination-fields";
import { Honour, HONOUR_LABEL, HONOURS } from "#app/domain/honours";
import { nominationWritePermission } from "#app/domain/permissions";
import { forbidden, requireUserWithAnyPermission, userCan } from "#app/utils/auth.server";
import { createNominationSchema } from "#app/domain/nomination-form";
import { todayIso } from "#app/domain/polish-dates";
import { getCandidate } from "#app/models/candidate.server";
import { createNomination, newCreationToken } from "#app/models/nomination.server";
import { STATUS_LABEL } from "#app/domain/workflow";
import { invariantResponse } from "#app/utils/http";
import { returnLabel, safeReturnTo } from "#app/utils/return-to";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowy wniosek · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, ["nomination:write:council", "nomination:write:hg"]);
  const url = new URL(request.url);
  const candidateId = url.searchParams.get("candidate");
  let candidate = null;
  if (candidateId) {
    const found = await getCandidate(candidateId);
    invariantResponse(found, "Nie znaleziono kandydata.", { status: 404 });
    candidate = { id: found.id, displayName: found.displayName };
  }
  const honour = Honour.safeParse(url.searchParams.get("honour"));
  const honours = HONOURS.filter((h) => userCan(user, nominationWritePermission(h)));
  return {
    creationToken: newCreationToken(),
    today: todayIso(),
    candidate,
    honours,
    honour: honour.success && honours.includes(honour.data) ? honour.data : undefined,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, ["nomination:write:council", "nomination:write:hg"]);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: createNominationSchema(todayIso()) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), duplicates: null }, { status: 400 });
  }
  const needed = nominationWritePermission(submission.value.honour);
  if (!userCan(user, needed)) throw forbidden(needed);
  const outcome = await createNomination(submission.value, { userId: user.id });
  if (outcome.kind === "duplicates") {
    return data(
      {
        result: submission.reply({
          formErrors: ["W rejestrze jest już kandydat o takim samym imieniu i nazwisku (lub nazwie). Wybierz go albo potwierdź, że to inny kandydat."],
        }),
        duplicates: outcome.candidates,
      },
      { status: 409 },
    );
  }
  if (outcome.kind === "refused") {
    return data({ result: submission.reply({ formErrors: [outcome.message] }), duplicates: null }, { status: 422 });
  }
  const back = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), "/nominations");
  return redirectWithToast(`/nominations/${outcome.id}`, {
    title: "Zarejestrowano nowy wniosek.",
    description: `${HONOUR_LABEL[submission.value.honour]}: wniosek ma stan „${STATUS_LABEL.RECEIVED}”.`,
    link: { href: back, label: returnLabel(back) },
  });
}

export default function NewNomination() {
  const { creationToken, today, candidate, honour, honours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = createNominationSchema(today);
  const [form, fields] = useForm({
    id: "nomination-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: {
      honour: honour ?? (honours.length === 1 ? honours[0] : undefined),
      receivedDate: today,
      nominators: [{ kind: "PERSON" }],
      candidate: { candidateKind: "PERSON" },
    } as Record<string, unknown> as Record<string, string>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const submitting = navigation.state === "submitting";
  const duplicates = actionData?.duplicates;

  return (
    <>
      <h1>Nowy wniosek</h1>
      <p className="lead">Pola oznaczone gwiazdką (*) są wymagane.</p>
      <Form method="post" {...getFormProps(form)} aria-describedby={form.errors?.length ? form.errorId : undefined}>
        <input type="hidden" name="creationToken" value={creationToken} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {duplicates?.length ? (
          <fieldset className="duplicates">
            <legend>Czy to ten sam kandydat?</legend>
            {duplicates.map((d) => (
              <label key={d.id} className="choice">
                <input type="radio" name="duplicateChoice" value={d.id} defaultChecked={duplicates.length === 1} /> Tak, użyj istniejącego:{" "}
                <strong>{d.displayName}</strong>
                {d.birthYear ? `, ur. ${d.birthYear}` : ""}
                {d.city ? `, ${d.city}` : ""} (wniosków: {d.nominationCount}) —{" "}
                <Link to={`/candidates/${d.id}`} target="_blank">
                  karta kandydata
                </Link>
              </label>
            ))}
            <label className="choice">
              <input type="radio" name="duplicateChoice" value="new" /> Nie, to inny kandydat: utwórz nowego
            </label>
          </fieldset>
        ) : null}
        <HonourFieldset fields={fields} honours={honours} />
        {candidate ? (
          <fieldset>
            <legend>Kandydat</legend>
            <input type="hidden" name="candidateId" value={candidate.id} />
            <p>
              <Link to={`/candidates/${candidate.id}`}>{candidate.displayName}</Link> (kandydat z rejestru)
            </p>
          </fieldset>
        ) : (
          <CandidateFieldset candidate={fields.candidate} />
        )}
        <NominatorsFieldset form={form} fields={fields} />
        <NominationDetailsFieldset fields={fields} today={today} />
        <div className="form-actions">
          <button type="submit" disabled={submitting} aria-disabled={submitting}>
            {submitting ? "Zapisywanie…" : "Zapisz wniosek"}
          </button>
          <Link to="/nominations">Anuluj</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ConflictSection, FormErrors } from "#app/components/forms";
import { HonourFieldset, NominationDetailsFieldset, NominatorsFieldset } from "#app/components/nomination-fields";
import { editNominationSchema } from "#app/domain/nomination-form";
import { todayIso } from "#app/domain/polish-dates";
import { getNomination, NOMINATION_FIELD_LABEL, updateNomination } from "#app/models/nomination.server";
import { invariantResponse } from "#app/utils/http";
import { HONOURS } from "#app/domain/honours";
import { nominationWritePermission } from "#app/domain/permissions";
import { requirePermission, requireUser, userCan } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Edycja wniosku · Merenti" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const nomination = await getNomination(params.id!);
  invariantResponse(nomination, "Nie znaleziono wniosku.", { status: 404 });
  requirePermission(user, nominationWritePermission(nomination.honour));
  const honours = HONOURS.filter((h) => userCan(user, nominationWritePermission(h)));
  return { nomination, honours, today: todayIso() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const current = await getNomination(params.id!);
  invariantResponse(current, "Nie znaleziono wniosku.", { status: 404 });
  requirePermission(user, nominationWritePermission(current.honour));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: editNominationSchema(todayIso()) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  requirePermission(user, nominationWritePermission(submission.value.honour));
  const outcome = await updateNomination(params.id!, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono wniosku.", { status: 404 });
  if (outcome.kind === "conflict") {
    const who = outcome.changedBy ? ` (${outcome.changedBy})` : "";
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Ktoś inny${who} zapisał zmiany w tym wniosku, gdy go edytowałeś. Twoje zmiany nie zostały zapisane. Porównaj je z zapisaną wersją poniżej.`,
          ],
        }),
        conflict: {
          currentVersion: outcome.currentVersion,
          changes: outcome.changes.map((c) => ({ label: NOMINATION_FIELD_LABEL[c.field] ?? c.field, saved: show(c.saved), yours: show(c.yours) })),
        },
      },
      { status: 409 },
    );
  }
  return redirect(`/nominations/${params.id}`);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join("; ") || "—";
  if (value === null || value === undefined || value === "") return "—";
  return String(value);
}

export default function EditNomination() {
  const { nomination: n, today, honours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = editNominationSchema(today);
  const [form, fields] = useForm({
    id: `nomination-edit-${n.id}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: {
      honour: n.honour,
      requestedClass: n.requestedClass ?? undefined,
      receivedDate: n.receivedDate,
      caseReference: n.caseReference,
      merits: n.merits,
      attachments: n.attachments
        .filter((a) => a.sha256 === null)
        .map((a) => a.name)
        .join("\n"),
      nominators: n.nominators.map((x) => ({ kind: x.kind, name: x.name, contact: x.contact })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const conflict = actionData?.conflict;
  const submitting = navigation.state === "submitting";
  return (
    <>
      <h1>Edycja wniosku: {n.candidate.displayName}</h1>
      <Form method="post" {...getFormProps(form)}>
        {/* After a conflict the user has seen the saved version: saving again is a deliberate overwrite. */}
        <input type="hidden" name="version" value={conflict?.currentVersion ?? n.version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {conflict ? <ConflictSection changes={conflict.changes} reloadHref={`/nominations/${n.id}/edit`} /> : null}
        <HonourFieldset fields={fields} honours={honours} />
        <NominatorsFieldset form={form} fields={fields} />
        <NominationDetailsFieldset fields={fields} today={today} />
        <div className="form-actions">
          <button type="submit" disabled={submitting}>
            {submitting ? "Zapisywanie…" : conflict ? "Zapisz moją wersję" : "Zapisz zmiany"}
          </button>
          <Link to={`/nominations/${n.id}`}>Anuluj</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// /ceremonies/:id/edit: change a planned or confirmed ceremony; a stale version is refused.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CeremonyFields } from "#app/components/ceremony";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { CeremonyForm, isEditable, NOT_EDITABLE_MESSAGE } from "#app/domain/ceremony";
import { CONFLICT_MESSAGE, getCeremony, updateCeremony } from "#app/models/ceremony.server";
import { listVenues } from "#app/models/venue.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { RecordVersion } from "#app/domain/form-fields";

export const meta: MetaFunction = () => [{ title: "Zmiana uroczystości · Merenti" }];

const EditForm = CeremonyForm.and(z.object({ version: RecordVersion }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const [c, venues] = await Promise.all([getCeremony(params.id!), listVenues()]);
  invariantResponse(c, "Nie znaleziono uroczystości.", { status: 404 });
  return {
    editable: isEditable(c.status),
    ceremony: {
      id: c.id,
      kind: c.kind,
      title: c.title,
      date: c.date,
      startTime: c.startTime,
      endTime: c.endTime,
      venueId: c.venueId ?? "",
      organiser: c.organiser,
      chancelleryContact: c.chancelleryContact,
      notes: c.notes,
      version: c.version,
    },
    venues: venues.map((v) => ({ id: v.id, name: v.name, address: v.address })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const submission = parseWithZod(await request.formData(), { schema: EditForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await updateCeremony(params.id!, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono uroczystości.", { status: 404 });
  if (outcome.kind === "conflict") return data({ result: submission.reply({ formErrors: [CONFLICT_MESSAGE] }) }, { status: 409 });
  if (outcome.kind === "refused") return data({ result: submission.reply({ formErrors: [outcome.message] }) }, { status: 400 });
  return redirect(`/ceremonies/${params.id}`);
}

export default function EditCeremony() {
  const { ceremony, venues, editable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `ceremony-edit-${ceremony.id}-${ceremony.version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: ceremony,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form-page">
      <h1>Zmiana uroczystości</h1>
      {!editable ? (
        <div className="alert alert--warn" role="status">
          <p>{NOT_EDITABLE_MESSAGE}</p>
          <p>
            <Link to={`/ceremonies/${ceremony.id}`}>Wróć do uroczystości</Link>
          </p>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input {...getInputProps(fields.version, { type: "hidden" })} />
          <CeremonyFields fields={fields} venues={venues} />
          <div className="form-actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Zapisywanie…" : "Zapisz zmiany"}
            </button>
            <Link to={`/ceremonies/${ceremony.id}`}>Anuluj</Link>
          </div>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

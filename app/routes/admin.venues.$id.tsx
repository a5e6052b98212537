// /admin/venues/:id: change a venue's name, address or capacity; a stale version is refused.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { VenueFields } from "#app/components/ceremony";
import { FormErrors } from "#app/components/forms";
import { VenueForm } from "#app/domain/ceremony";
import { getVenue, saveVenue } from "#app/models/venue.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { RecordVersion } from "#app/domain/form-fields";

export const meta: MetaFunction = () => [{ title: "Miejsce uroczystości · Merenti" }];

const EditVenueForm = VenueForm.extend({ version: RecordVersion });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const venue = await getVenue(params.id!);
  invariantResponse(venue, "Nie znaleziono miejsca.", { status: 404 });
  return { venue };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const submission = parseWithZod(await request.formData(), { schema: EditVenueForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveVenue(params.id!, submission.value, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono miejsca.", { status: 404 });
  if (outcome.kind === "duplicate")
    return data({ result: submission.reply({ fieldErrors: { name: ["Miejsce o tej nazwie jest już na liście."] } }) }, { status: 400 });
  if (outcome.kind === "conflict")
    return data(
      { result: submission.reply({ formErrors: ["Ktoś inny zmienił to miejsce w międzyczasie. Wczytaj stronę ponownie i powtórz zmianę."] }) },
      { status: 409 },
    );
  return redirect("/admin/venues");
}

export default function EditVenue() {
  const { venue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `venue-${venue.id}-${venue.version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { name: venue.name, address: venue.address, capacity: venue.capacity?.toString() ?? "", version: String(venue.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditVenueForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form-page">
      <h1>Miejsce: {venue.name}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.version, { type: "hidden" })} />
        <VenueFields fields={fields} />
        <div className="form-actions">
          <button type="submit">Zapisz</button>
          <Link to="/admin/venues">Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

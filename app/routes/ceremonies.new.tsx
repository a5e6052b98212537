// /ceremonies/new: schedule a ceremony (kind, date and times, venue, organiser, chancellery contact).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CeremonyFields } from "#app/components/ceremony";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormErrors } from "#app/components/forms";
import { CeremonyForm } from "#app/domain/ceremony";
import { createCeremony } from "#app/models/ceremony.server";
import { listVenues } from "#app/models/venue.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nowa uroczystość · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "ceremony:schedule");
  const venues = await listVenues();
  return { venues: venues.map((v) => ({ id: v.id, name: v.name, address: v.address })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "ceremony:schedule");
  const submission = parseWithZod(await request.formData(), { schema: CeremonyForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await createCeremony(submission.value, { userId: user.id });
  if (outcome.kind !== "saved") {
    const message = outcome.kind === "refused" ? outcome.message : "Nie udało się zapisać uroczystości.";
    return data({ result: submission.reply({ fieldErrors: { venueId: [message] } }) }, { status: 400 });
  }
  return redirect(`/ceremonies/${outcome.id}`);
}

export default function NewCeremony() {
  const { venues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "ceremony-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { startTime: "12:00", endTime: "14:00" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CeremonyForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form-page">
      <h1>Nowa uroczystość</h1>
      <p className="lead">Po zapisaniu dodasz laureatów, ustalisz kolejność wręczeń i przygotujesz program.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <CeremonyFields fields={fields} venues={venues} />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Zapisywanie…" : "Zaplanuj uroczystość"}
          </button>
          <Link to="/ceremonies">Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

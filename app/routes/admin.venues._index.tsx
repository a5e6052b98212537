// /admin/venues: the venues ceremonies take place in (name, address, capacity); add one here.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { VenueFields } from "#app/components/ceremony";
import { FormErrors } from "#app/components/forms";
import { VenueForm } from "#app/domain/ceremony";
import { listVenues, saveVenue } from "#app/models/venue.server";
import { requireUserWithPermission } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Miejsca uroczystości · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  const venues = await listVenues();
  return { venues: venues.map((v) => ({ id: v.id, name: v.name, address: v.address, capacity: v.capacity, ceremonies: v._count.ceremonies })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "settings:manage");
  const submission = parseWithZod(await request.formData(), { schema: VenueForm });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveVenue(null, submission.value, { userId: user.id });
  if (outcome.kind === "duplicate")
    return data({ result: submission.reply({ fieldErrors: { name: ["Miejsce o tej nazwie jest już na liście."] } }) }, { status: 400 });
  return redirect("/admin/venues");
}

export default function Venues() {
  const { venues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "venue-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VenueForm }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>Miejsca uroczystości</h1>
      {venues.length === 0 ? (
        <p className="empty-state">Nie ma jeszcze żadnego miejsca.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Nazwa</th>
              <th scope="col">Adres</th>
              <th scope="col" className="num">
                Liczba miejsc
              </th>
              <th scope="col" className="num">
                Uroczystości
              </th>
            </tr>
          </thead>
          <tbody>
            {venues.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/admin/venues/${v.id}`}>{v.name}</Link>
                </td>
                <td>{v.address || "—"}</td>
                <td className="num">{v.capacity ?? "—"}</td>
                <td className="num">{v.ceremonies}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="nowe-miejsce" className="form-page">
        <h2 id="nowe-miejsce">Dodaj miejsce</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <VenueFields fields={fields} />
          <div className="form-actions">
            <button type="submit">Dodaj miejsce</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { RoleCheckboxes } from "#app/components/user-fields";
import { NewUserSchema, PASSWORD_MIN } from "#app/domain/account-forms";
import { createUser, EmailTakenError, listRoleChoices } from "#app/models/user.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowy użytkownik · Merenti" }];

const EMAIL_TAKEN_MESSAGE = "Użytkownik o tym adresie e-mail już istnieje.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "user:manage");
  return { roles: await listRoleChoices() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "user:manage");
  const submission = parseWithZod(await request.formData(), { schema: NewUserSchema });
  // The initial password never travels back to the page.
  const hidden = { hideFields: ["password"] };
  if (submission.status !== "success") return data({ result: submission.reply(hidden) }, { status: 400 });
  const known = new Set((await listRoleChoices()).map((r) => r.key));
  if (submission.value.roleKeys.some((k) => !known.has(k))) {
    return data(
      { result: submission.reply({ ...hidden, fieldErrors: { roleKeys: ["Wybrano rolę, której nie ma w systemie. Odśwież stronę."] } }) },
      { status: 400 },
    );
  }
  try {
    const user = await createUser(submission.value, { userId: admin.id });
    return redirectWithToast(`/admin/users/${user.id}`, {
      title: "Konto zostało utworzone.",
      link: { href: "/admin/users", label: "Wróć do listy użytkowników" },
    });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ ...hidden, fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] } }) }, { status: 400 });
    }
    throw error;
  }
}

export default function NewUser() {
  const { roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "user-new",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUserSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const noAria = { ariaAttributes: false } as const;
  return (
    <div className="form-page">
      <h1>Nowy użytkownik</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field id={fields.email.id} label="Adres e-mail" errors={fields.email.errors} hint="Służy do logowania." required>
          {(aria) => <input {...getInputProps(fields.email, { type: "email", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <Field id={fields.name.id} label="Imię i nazwisko" errors={fields.name.errors} required>
          {(aria) => <input {...getInputProps(fields.name, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <Field
          id={fields.password.id}
          label="Hasło początkowe"
          errors={fields.password.errors}
          hint={`Co najmniej ${PASSWORD_MIN} znaków. Przekaż je użytkownikowi bezpiecznie; powinien je zmienić po pierwszym logowaniu.`}
          required
        >
          {(aria) => <input {...getInputProps(fields.password, { type: "password", ...noAria })} autoComplete="new-password" {...aria} />}
        </Field>
        <RoleCheckboxes field={fields.roleKeys} roles={roles} />
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Zapisywanie…" : "Utwórz konto"}
          </button>
          <Link to="/admin/users">Anuluj</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { ChangePasswordSchema, PASSWORD_MIN } from "#app/domain/account-forms";
import { changePassword } from "#app/models/user.server";
import { requireUser } from "#app/utils/auth.server";
import { readSessionId } from "#app/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Zmiana hasła · Merenti" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  if (submission.status !== "success") return data({ result: submission.reply(hidden), done: false }, { status: 400 });
  const outcome = await changePassword(user.id, submission.value.currentPassword, submission.value.newPassword, (await readSessionId(request))!);
  if (outcome === "wrong-current") {
    return data(
      { result: submission.reply({ ...hidden, fieldErrors: { currentPassword: ["Obecne hasło jest nieprawidłowe."] } }), done: false },
      { status: 400 },
    );
  }
  return { result: submission.reply({ resetForm: true }), done: true };
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "password",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onSubmit",
  });
  const rows = [
    [fields.currentPassword, "Obecne hasło", "current-password", undefined],
    [fields.newPassword, "Nowe hasło", "new-password", `Co najmniej ${PASSWORD_MIN} znaków.`],
    [fields.confirmPassword, "Powtórz nowe hasło", "new-password", undefined],
  ] as const;
  return (
    <div className="narrow">
      <h1>Zmiana hasła</h1>
      {actionData?.done ? (
        <p className="alert alert--ok" role="status">
          Hasło zostało zmienione.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {rows.map(([field, label, autoComplete, hint]) => (
          <Field key={field.name} id={field.id} label={label} hint={hint} errors={field.errors}>
            {(aria) => <input {...getInputProps(field, { type: "password", ariaAttributes: false })} autoComplete={autoComplete} {...aria} />}
          </Field>
        ))}
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Zmień hasło
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

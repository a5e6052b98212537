import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { SignInSchema } from "#app/domain/account-forms";
import * as clock from "#app/domain/clock";
import { safeRedirect } from "#app/domain/safe-redirect";
import { signIn } from "#app/models/user.server";
import { getUser } from "#app/utils/auth.server";
import { commitSessionId } from "#app/utils/session.server";
import { retryAfterSeconds, throttledMessage } from "#app/utils/sign-in-throttle.server";

export const meta: MetaFunction = () => [{ title: "Logowanie · Merenti" }];

// The action's Retry-After (a locked address, too many attempts) on the HTTP answer, page and
// .data alike: Remix passes an action's headers on only through this function.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const outcome = await signIn(submission.value.email, submission.value.password, clock.now(), context.clientAddress);
  if (outcome.kind === "ok") {
    return redirect(safeRedirect(submission.value.redirectTo), { headers: { "Set-Cookie": await commitSessionId(outcome.sessionId) } });
  }
  const refuse = (status: number, message: string, retryAfterMs?: number) =>
    data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      { status, headers: retryAfterMs === undefined ? undefined : { "Retry-After": retryAfterSeconds(retryAfterMs) } },
    );
  switch (outcome.kind) {
    case "invalid":
      return refuse(401, "Nieprawidłowy adres e-mail lub hasło.");
    case "locked":
      return refuse(
        429,
        `Zbyt wiele nieudanych prób. Konto jest zablokowane do ${outcome.until.toLocaleTimeString("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit" })}.`,
        outcome.until.getTime() - clock.now().getTime(),
      );
    case "throttled":
      return refuse(429, throttledMessage(outcome.retryAfterMs), outcome.retryAfterMs);
    case "busy":
      return refuse(503, "Serwer sprawdza teraz zbyt wiele haseł naraz. Spróbuj ponownie za kilka sekund.", 5000);
  }
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="narrow">
      <h1>Logowanie</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field id={fields.email.id} label="Adres e-mail" errors={fields.email.errors}>
          {(aria) => <input {...getInputProps(fields.email, { type: "email", ariaAttributes: false })} autoComplete="username" {...aria} />}
        </Field>
        <Field id={fields.password.id} label="Hasło" errors={fields.password.errors}>
          {(aria) => <input {...getInputProps(fields.password, { type: "password", ariaAttributes: false })} autoComplete="current-password" {...aria} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Zaloguj się
          </button>
        </div>
      </Form>
      <p className="muted">Konto zakłada administrator. W razie problemów z logowaniem zwróć się do niego.</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { errorPageTitle, GeneralErrorBoundary } from "#app/components/error-boundary";
import { ConflictSection, Field, FormErrors } from "#app/components/forms";
import { useCan } from "#app/components/site-header";
import { RoleCheckboxes } from "#app/components/user-fields";
import { EditUserSchema, PASSWORD_MIN } from "#app/domain/account-forms";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { getUser, listRoleChoices, updateUser } from "#app/models/user.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";
import * as clock from "#app/domain/clock";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data ? `Użytkownik: ${data.user.name} · Merenti` : errorPageTitle(error, "Nie znaleziono użytkownika · Merenti") },
];

const SELF_DEACTIVATION = "Nie możesz dezaktywować własnego konta. Jeśli trzeba, poproś o to innego administratora.";
const SELF_LOCKOUT =
  "Nie możesz odebrać sobie uprawnienia do zarządzania użytkownikami: zostaw sobie rolę, która je daje (np. Administrator), albo poproś o zmianę innego administratora.";
const CONFLICT = "Ktoś inny zmienił dane tego użytkownika, gdy je edytowałeś. Twoje zmiany nie zostały zapisane. Porównaj je z zapisaną wersją poniżej.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUserWithPermission(request, "user:manage");
  const user = await getUser(params.id!);
  invariantResponse(user, "Nie znaleziono użytkownika.", { status: 404 });
  const now = clock.now();
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      active: user.active,
      version: user.version,
      isDemo: user.isDemo,
      roleKeys: user.roles.map((r) => r.role.key).sort(),
      createdAt: formatWarsawDateTime(user.createdAt),
      lastLogin: user.lastLoginAt ? formatWarsawDateTime(user.lastLoginAt) : null,
      lockedUntil: user.lockedUntil && user.lockedUntil > now ? formatWarsawDateTime(user.lockedUntil) : null,
      passwordChanged: user.passwordChangedAt ? formatWarsawDateTime(user.passwordChangedAt) : null,
    },
    roles: await listRoleChoices(),
    isSelf: admin.id === user.id,
  };
}

function show(value: string | boolean | string[]): string {
  if (typeof value === "boolean") return value ? "tak" : "nie";
  if (Array.isArray(value)) return value.join(", ") || "—";
  return value || "—";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "user:manage");
  const submission = parseWithZod(await request.formData(), { schema: EditUserSchema });
  const hidden = { hideFields: ["newPassword"] };
  if (submission.status !== "success") return data({ result: submission.reply(hidden), conflict: null }, { status: 400 });
  const { version, newPassword, ...input } = submission.value;
  const outcome = await updateUser(params.id!, { ...input, version, newPassword }, { userId: admin.id });
  invariantResponse(outcome !== "not-found", "Nie znaleziono użytkownika.", { status: 404 });
  const refuse = (fieldErrors: Record<string, string[]>) => data({ result: submission.reply({ ...hidden, fieldErrors }), conflict: null }, { status: 400 });
  if (outcome === "unknown-role") return refuse({ roleKeys: ["Wybrano rolę, której nie ma w systemie. Odśwież stronę."] });
  if (outcome === "self-deactivation") return refuse({ active: [SELF_DEACTIVATION] });
  if (outcome === "self-lockout") return refuse({ roleKeys: [SELF_LOCKOUT] });
  if (outcome === "conflict") {
    const saved = await getUser(params.id!);
    invariantResponse(saved, "Nie znaleziono użytkownika.", { status: 404 });
    const roleName = new Map((await listRoleChoices()).map((r) => [r.key, r.name]));
    const names = (keys: string[]) => [...keys].sort().map((k) => roleName.get(k) ?? k);
    const rows = [
      { label: "Imię i nazwisko", saved: show(saved.name), yours: show(input.name) },
      { label: "Konto aktywne", saved: show(saved.active), yours: show(input.active) },
      { label: "Role", saved: show(names(saved.roles.map((r) => r.role.key))), yours: show(names(input.roleKeys)) },
    ];
    return data(
      {
        result: submission.reply({ ...hidden, formErrors: [CONFLICT] }),
        conflict: { currentVersion: saved.version, changes: rows.filter((r) => r.saved !== r.yours) },
      },
      { status: 409 },
    );
  }
  return redirectWithToast(`/admin/users/${params.id}`, {
    title: "Zmiany zostały zapisane.",
    link: { href: "/admin/users", label: "Wróć do listy użytkowników" },
  });
}

export default function EditUser() {
  const { user: u, roles, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const can = useCan();
  const [form, fields] = useForm({
    id: `user-edit-${u.id}-${u.version}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { name: u.name, active: u.active, roleKeys: u.roleKeys },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditUserSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const conflict = actionData?.conflict;
  const noAria = { ariaAttributes: false } as const;
  const activeErrorId = fields.active.errors?.length ? `${fields.active.id}-error` : undefined;
  return (
    <div className="form-page">
      <h1>Użytkownik: {u.name}</h1>
      <dl className="details">
        <dt>Adres e-mail</dt>
        <dd>{u.email}</dd>
        <dt>Konto utworzone</dt>
        <dd>{u.createdAt}</dd>
        <dt>Ostatnie logowanie</dt>
        <dd>{u.lastLogin ?? "nigdy"}</dd>
        <dt>Hasło zmienione</dt>
        <dd>{u.passwordChanged ?? "—"}</dd>
        <dt>Zablokowane do</dt>
        <dd>{u.lockedUntil ? `${u.lockedUntil} (po nieudanych logowaniach; nadanie nowego hasła zdejmuje blokadę)` : "—"}</dd>
      </dl>
      {can("audit:read") ? (
        <p>
          <Link to={`/audit?user=${u.id}`}>Zdarzenia zapisane przez tego użytkownika</Link>
        </p>
      ) : null}

      <h2>Zmiana danych</h2>
      {isSelf ? (
        <p className="alert alert--info">To Twoje konto: nie możesz go dezaktywować ani odebrać sobie uprawnienia do zarządzania użytkownikami.</p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        {/* After a conflict the admin has seen the saved version: saving again is a deliberate overwrite. */}
        <input type="hidden" name="version" value={conflict?.currentVersion ?? u.version} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {conflict ? <ConflictSection changes={conflict.changes} reloadHref={`/admin/users/${u.id}`} /> : null}
        <Field id={fields.name.id} label="Imię i nazwisko" errors={fields.name.errors} required>
          {(aria) => <input {...getInputProps(fields.name, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
        </Field>
        <div className={`field ${activeErrorId ? "field--invalid" : ""}`}>
          <label className="choice">
            <input
              {...getInputProps(fields.active, { type: "checkbox", ...noAria })}
              aria-invalid={activeErrorId ? true : undefined}
              aria-describedby={activeErrorId}
            />{" "}
            Konto aktywne
          </label>
          <p className="field-hint">Dezaktywacja od razu kończy wszystkie sesje użytkownika; konto zostaje w rejestrze i w dzienniku zdarzeń.</p>
          {activeErrorId ? (
            <ul id={activeErrorId} className="field-errors">
              {fields.active.errors!.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <RoleCheckboxes field={fields.roleKeys} roles={roles} />
        <Field
          id={fields.newPassword.id}
          label="Nowe hasło (opcjonalnie)"
          errors={fields.newPassword.errors}
          hint={`Zostaw puste, aby nie zmieniać hasła. Co najmniej ${PASSWORD_MIN} znaków; nowe hasło kończy sesje użytkownika.`}
        >
          {(aria) => <input {...getInputProps(fields.newPassword, { type: "password", ...noAria })} autoComplete="new-password" {...aria} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Zapisywanie…" : conflict ? "Zapisz moją wersję" : "Zapisz zmiany"}
          </button>
          <Link to="/admin/users">Wróć do listy</Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { PermittedLink } from "#app/components/permitted-link";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { createDraft, listDraftsOfNomination, missingForNominationDraft } from "#app/models/draft.server";
import { getNomination } from "#app/models/nomination.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { withReturnTo } from "#app/utils/return-to";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Projekty uchwał: ${data.nomination.candidate.displayName} · Merenti` : "Projekty uchwał · Merenti" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "resolution:draft");
  const nomination = await getNomination(params.id!);
  invariantResponse(nomination, "Nie znaleziono wniosku.", { status: 404 });
  invariantResponse(nomination.honour !== "HONORIS_GRATIA", "Odznakę „Honoris Gratia” nadaje Prezydent: bez projektu uchwały Rady.", { status: 404 });
  const [drafts, missing] = await Promise.all([listDraftsOfNomination(nomination.id), missingForNominationDraft(nomination.id)]);
  return {
    nomination,
    missing: missing ?? [],
    drafts: drafts.map((d) => ({
      id: d.id,
      status: d.status,
      frozen: Boolean(d.frozenVersionId),
      createdAt: d.createdAt.toISOString(),
      latest: d.versions[0]
        ? { number: d.versions[0].number, at: d.versions[0].createdAt.toISOString(), author: d.versions[0].author?.name ?? "system" }
        : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "resolution:draft");
  const outcome = await createDraft(params.id!, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono wniosku.", { status: 404 });
  if (outcome.kind === "missing") return data({ missing: outcome.missing, refusal: null }, { status: 422 });
  if (outcome.kind === "refused") return data({ missing: null, refusal: outcome.message }, { status: 422 });
  return redirect(`/drafts/${outcome.id}`);
}

const DRAFT_STATUS: Record<string, string> = {
  DRAFT: "w przygotowaniu",
  FORWARDED: "przekazany Radzie",
  ADOPTED: "uchwała podjęta (tekst zamrożony)",
  REJECTED: "odrzucony",
};

export default function NominationDrafts() {
  const { nomination: n, drafts, missing: missingNow } = useLoaderData<typeof loader>();
  const location = useLocation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const missing = actionData?.missing ?? missingNow;
  const refusal = actionData?.refusal ?? null;
  return (
    <>
      <h1>Projekty uchwał: {n.candidate.displayName}</h1>
      <p>
        <Link to={`/nominations/${n.id}`}>Wróć do wniosku</Link>
      </p>
      {drafts.length ? (
        <table className="data-table">
          <caption className="visually-hidden">Projekty uchwał tego wniosku</caption>
          <thead>
            <tr>
              <th scope="col">Projekt</th>
              <th scope="col">Stan</th>
              <th scope="col">Ostatnia wersja</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/drafts/${d.id}`}>Projekt z {formatWarsawDateTime(new Date(d.createdAt))}</Link>
                </td>
                <td>{DRAFT_STATUS[d.status] ?? d.status}</td>
                <td>{d.latest ? `wersja ${d.latest.number}, ${formatWarsawDateTime(new Date(d.latest.at))}, ${d.latest.author}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty-state">Dla tego wniosku nie ma jeszcze projektu uchwały.</p>
      )}
      {refusal ? (
        <p className="alert alert--error" role="alert">
          {refusal}
        </p>
      ) : null}
      {missing.length ? (
        <section className="alert alert--warn" aria-labelledby="brakuje" role={actionData ? "alert" : undefined}>
          <h2 id="brakuje">Zanim powstanie projekt, uzupełnij:</h2>
          <ul>
            {missing.map((m) => (
              <li key={m.message}>{m.href ? <PermittedLink to={withReturnTo(m.href, location.pathname)}>{m.message}</PermittedLink> : m.message}</li>
            ))}
          </ul>
        </section>
      ) : (
        <Form method="post">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Przygotuj projekt uchwały, uzasadnienie i zarządzenie
          </button>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

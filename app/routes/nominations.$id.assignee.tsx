// POST /nominations/:id/assignee: who leads the case („Prowadzący”); the form is on the nomination's page.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { AssignSchema } from "#app/domain/assignee";
import { nominationWritePermission, NOMINATION_WRITE_PERMISSIONS } from "#app/domain/permissions";
import { assignNomination, nominationToAssign } from "#app/models/assignee.server";
import { requirePermission, requireUserWithAnyPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";
import { STALE_MESSAGE } from "#app/models/write.server";

const NOT_FOUND = "Nie znaleziono wniosku.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, NOMINATION_WRITE_PERMISSIONS);
  const nomination = await nominationToAssign(params.id!);
  invariantResponse(nomination, NOT_FOUND, { status: 404 });
  requirePermission(user, nominationWritePermission(nomination.honour));
  const submission = parseWithZod(await request.formData(), { schema: AssignSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { version, assigneeId } = submission.value;
  const outcome = await assignNomination(nomination.id, version, assigneeId || null, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", NOT_FOUND, { status: 404 });
  if (outcome.kind === "conflict") return data({ result: submission.reply({ formErrors: [STALE_MESSAGE] }) }, { status: 409 });
  if (outcome.kind === "refused") {
    const reply = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      : submission.reply({ formErrors: [outcome.message] });
    return data({ result: reply }, { status: 422 });
  }
  return redirectWithToast(`/nominations/${nomination.id}`, {
    title: outcome.assignee ? `Prowadzący: ${outcome.assignee}.` : "Prowadzący: nikt — sprawa jest nieprzypisana.",
    description: nomination.candidate.displayName,
  });
}

export const meta: MetaFunction = () => [{ title: "Prowadzący sprawy · Merenti" }];

/** Without JavaScript a refused form lands here: what was refused, and the way back to the case. */
export default function AssigneeAnswer() {
  const answer = useActionData<typeof action>();
  const { id } = useParams();
  const messages = Object.values(answer?.result.error ?? {}).flatMap((m) => m ?? []);
  return (
    <div className="form-page">
      <h1>Prowadzący sprawy</h1>
      {messages.length > 0 ? (
        <div role="alert">
          <p>Nie zapisano prowadzącego:</p>
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>Osobę prowadzącą sprawę wybiera się na stronie wniosku.</p>
      )}
      <p>
        <Link to={`/nominations/${id}`}>Wróć do wniosku</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

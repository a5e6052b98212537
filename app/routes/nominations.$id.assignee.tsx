// POST /nominations/:id/assignee: who leads the case („Prowadzący”); the form is on the nomination's page.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs } from "@remix-run/node";
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

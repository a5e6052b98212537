// Prints a conferral's diploma: a POST records the print (DiplomaPrint, audited) and answers the
// PDF; a refusal (not confirmed, stale, a reprint without a reason) goes back to the diploma page
// with its reason in a toast. A GET never prints.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { reprintReasonText } from "#app/domain/diploma";
import { PRINT_MODES } from "#app/domain/diploma-print";
import { printDiploma, PRINT_REFUSAL_MESSAGE } from "#app/models/diploma.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";

const PrintForm = z.object({
  diplomaId: z.string().min(1),
  reason: z.string().optional(),
  reasonText: z.string().max(500).optional(),
  mode: z.enum(PRINT_MODES).default("FULL"),
  printerId: z.string().optional(),
});

export function loader() {
  throw new Response("Dyplom drukuje się przyciskiem „Drukuj” na stronie dyplomu.", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "diploma:print");
  const form = PrintForm.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(form.success, "Nieprawidłowy formularz wydruku.", { status: 400 });
  const result = await printDiploma(
    form.data.diplomaId,
    { reason: reprintReasonText(form.data.reason, form.data.reasonText), mode: form.data.mode, printerId: form.data.printerId || undefined },
    { userId: user.id },
  );
  if (result.kind === "refused") {
    invariantResponse(result.reason !== "NOT_FOUND", "Nie znaleziono dyplomu.", { status: 404 });
    return redirectWithToast(`/conferrals/${params.id}/diploma`, { type: "error", title: PRINT_REFUSAL_MESSAGE[result.reason] }, { status: 303 });
  }
  return downloadResponse(result.pdf, { fileName: result.fileName, contentType: "application/pdf" });
}

// Prints a batch of diplomas: a POST with the selected conferrals (and the ceremony, for its
// hand-over order) answers one PDF (cover sheet + diplomas) and logs every diploma with one
// batchId. A refusal lists what is missing: as JSON for the desk's script (409), or, without
// JavaScript, by sending the browser back to the desk with the selection to check (the message in
// a toast). A printed batch sets a toast too: the desk's script shows it when it reloads the list.
// A GET never prints.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { NOUNS } from "#app/domain/counts";
import { reprintReasonText } from "#app/domain/diploma";
import { countOf } from "#app/domain/plural";
import { PRINT_MODES } from "#app/domain/diploma-print";
import { printBatch } from "#app/models/diploma-batch.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";
import { returnLabel } from "#app/utils/return-to";
import { createToastHeaders, redirectWithToast } from "#app/utils/toast.server";

const BatchForm = z.object({
  conferralId: z.array(z.string().min(1)).max(2000),
  ceremonyId: z.string().optional(),
  mode: z.enum(PRINT_MODES).default("FULL"),
  printerId: z.string().optional(),
  reason: z.string().optional(),
  reasonText: z.string().max(500).optional(),
});

export function loader() {
  throw new Response("Dyplomy drukuje się przyciskiem na stronie „Druk dyplomów”.", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "diploma:print");
  const formData = await request.formData();
  const fields = Object.fromEntries(
    [...formData.keys()]
      .filter((k) => k !== "conferralId")
      .map((k) => [k, String(formData.get(k) ?? "")])
      .filter(([, v]) => v !== ""),
  );
  const form = BatchForm.safeParse({ ...fields, conferralId: formData.getAll("conferralId").map(String) });
  invariantResponse(form.success, "Nieprawidłowy formularz wydruku.", { status: 400 });
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const { conferralId: ids, ceremonyId, mode, printerId } = form.data;
  const result = await printBatch(
    ids,
    { ceremonyId: ceremonyId || null, mode, printerId: printerId || undefined, reason: reprintReasonText(form.data.reason, form.data.reasonText) },
    { userId: user.id, name: user.name },
  );
  if (result.kind === "printed") {
    const response = downloadResponse(result.pdf, { fileName: result.fileName, contentType: "application/pdf" });
    response.headers.set("X-Diploma-Count", String(result.count));
    const back = ceremonyId
      ? { href: `/ceremonies/${ceremonyId}`, label: returnLabel("/ceremonies/") }
      : { href: "/diplomas", label: returnLabel("/diplomas") };
    const toast = await createToastHeaders({
      title: `Wydrukowano: ${countOf(result.count, NOUNS.diploma)}.`,
      description: `Plik ${result.fileName}; wydruk zapisano w rejestrze wydruków.`,
      link: back,
    });
    response.headers.append("Set-Cookie", toast.get("Set-Cookie")!);
    return response;
  }
  const message =
    result.kind === "empty"
      ? "Zaznacz co najmniej jeden dyplom do wydruku."
      : result.kind === "printer-unknown"
        ? "Nie ma już wybranej drukarki: wybierz drukarkę z listy ponownie."
        : "Nic nie zostało wydrukowane: niektóre dyplomy nie są gotowe (lista poniżej).";
  const problems = result.kind === "refused" ? result.problems : [];
  if (wantsJson) return Response.json({ message, problems }, { status: result.kind === "refused" ? 409 : 400 });
  const back = new URLSearchParams();
  if (ceremonyId) back.set("ceremony", ceremonyId);
  // The desk checks the selection again (a refusal lists its rows); it needs to know a reprint reason was given.
  if (result.kind === "refused" && ids.length) back.set("zaznaczone", ids.join(","));
  if (reprintReasonText(form.data.reason, form.data.reasonText)) back.set("powod", "1");
  return redirectWithToast(`/diplomas${back.size ? `?${back.toString()}` : ""}`, { type: "error", title: message }, { status: 303 });
}

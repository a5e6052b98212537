// A conferral's diploma: the text (the same block model as the PDF), what is missing, the
// confirmation „Zatwierdzam tekst”, a warning when the data changed since, printing (a reprint
// names its reason) and the log of prints.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PrintLogTable, PrintModeFields } from "#app/components/diploma-print";
import { DocumentPreview } from "#app/components/document-preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { PermittedLink, useMayOpen } from "#app/components/permitted-link";
import type { Document } from "#app/documents/blocks";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { isConfirmed, isStale, REPRINT_REASON_LABEL, REPRINT_REASONS, reprintReasonLabel } from "#app/domain/diploma";
import { describeOffset } from "#app/domain/diploma-print";
import { HONOUR_LABEL } from "#app/domain/honours";
import { formatPolishDate } from "#app/domain/polish-dates";
import { printerProfiles } from "#app/models/diploma-desk.server";
import { confirmDiploma, confirmerName, diplomaFor, printsOf } from "#app/models/diploma.server";
import { requireUserWithAnyPermission, requireUserWithPermission, userCan } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { withReturnTo } from "#app/utils/return-to";
import { getCandidate } from "#app/models/candidate.server";
import { mayWriteCandidate } from "#app/domain/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Dyplom: ${data.conferral.candidateName} · Merenti` : "Dyplom · Merenti" }];

/** A „fill it in” link to the candidate's form only for a user who may write that candidate (every honour they hold). */
async function withEditableLinks<T extends { href: string }>(missing: T[], candidateId: string, permissions: readonly string[]): Promise<T[]> {
  if (!missing.some((m) => m.href.startsWith("/candidates/"))) return missing;
  const candidate = await getCandidate(candidateId);
  const honours = candidate ? [...candidate.nominations, ...candidate.conferrals].map((r) => r.honour) : [];
  const mayEdit = mayWriteCandidate(permissions, honours);
  return missing.map((m) => (m.href.startsWith("/candidates/") && !mayEdit ? { ...m, href: "" } : m));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Printing staff (diploma:print only) see the text and print; confirming needs diploma:text.
  const user = await requireUserWithAnyPermission(request, ["diploma:text", "diploma:print"]);
  const state = await diplomaFor(params.id!);
  invariantResponse(state, "Nie znaleziono nadania.", { status: 404 });
  const d = state.diploma;
  const [prints, printers] = await Promise.all([d ? printsOf(d.id) : [], printerProfiles()]);
  return {
    conferral: { ...state.conferral, honourLabel: HONOUR_LABEL[state.conferral.honour] },
    date: state.inputs.date,
    missing: await withEditableLinks(state.missing, state.inputs.candidate.id, user.permissions),
    doc: state.doc as Document | null,
    publicUrl: state.publicUrl,
    diploma: d
      ? {
          id: d.id,
          sourceHash: d.sourceHash,
          verificationCode: d.verificationCode,
          confirmed: isConfirmed(d),
          stale: isStale(d),
          confirmedAt: d.confirmedAt?.toISOString() ?? null,
          confirmedBy: await confirmerName(d.confirmedById),
        }
      : null,
    prints: prints.map((p) => ({
      id: p.id,
      at: p.printedAt.toISOString(),
      by: p.printedBy?.name ?? "system",
      mode: p.mode,
      printer: p.printer,
      batch: Boolean(p.batchId),
      reason: reprintReasonLabel(p.reason),
      current: p.textHash === d?.sourceHash,
    })),
    printers: printers.map((p) => ({ id: p.id, name: p.name, offset: describeOffset(p.offsetXMm, p.offsetYMm) })),
    canPrint: userCan(user, "diploma:print"),
    canConfirm: userCan(user, "diploma:text"),
    reprintReasons: REPRINT_REASONS.map((r) => ({ value: r, label: REPRINT_REASON_LABEL[r] })),
    publicAddressProblem: state.publicAddressProblem,
  };
}

const ConfirmForm = z.object({ intent: z.literal("confirm"), diplomaId: z.string().min(1), hash: z.string().min(1) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "diploma:text");
  const form = ConfirmForm.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(form.success, "Nieprawidłowy formularz.", { status: 400 });
  const result = await confirmDiploma(form.data.diplomaId, form.data.hash, { userId: user.id });
  invariantResponse(result.kind !== "not-found", "Nie znaleziono dyplomu.", { status: 404 });
  if (result.kind === "changed") {
    return data({ error: "Dane dyplomu zmieniły się, gdy czytałeś tekst: przeczytaj go ponownie i zatwierdź." }, { status: 409 });
  }
  return redirect(`/conferrals/${params.id}/diploma`);
}

export default function DiplomaPage() {
  const { conferral, date, missing, doc, diploma, prints, printers, canPrint, canConfirm, publicUrl, reprintReasons, publicAddressProblem } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const mayOpen = useMayOpen();
  return (
    <>
      <h1>Dyplom: {conferral.candidateName}</h1>
      <p>
        {conferral.honourLabel} · data dyplomu: {date ? formatPolishDate(date) : "brak (data wręczenia albo zaplanowanej uroczystości)"}
        {conferral.nominationId && mayOpen(`/nominations/${conferral.nominationId}`) ? (
          <>
            {" · "}
            <Link to={`/nominations/${conferral.nominationId}`}>Wniosek</Link>
          </>
        ) : null}
      </p>
      {publicAddressProblem ? (
        <p className="alert alert--error" role="alert">
          {publicAddressProblem}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {missing.length ? (
        <section aria-labelledby="brakuje" className="alert alert--warn">
          <h2 id="brakuje">Dyplomu nie można jeszcze przygotować: brakuje danych</h2>
          <ul>
            {missing.map((m) => (
              <li key={m.message}>{m.href ? <PermittedLink to={withReturnTo(m.href, location.pathname)}>{m.message}</PermittedLink> : m.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {diploma && doc ? (
        <>
          {diploma.stale ? (
            <p className="alert alert--warn">
              Dane dyplomu zmieniły się po zatwierdzeniu tekstu: przeczytaj nowy tekst i zatwierdź go ponownie, zanim dyplom zostanie wydrukowany.
            </p>
          ) : diploma.confirmed ? (
            <p className="alert alert--ok">
              Tekst zatwierdzony{diploma.confirmedBy ? ` przez: ${diploma.confirmedBy}` : ""}
              {diploma.confirmedAt ? `, ${formatWarsawDateTime(new Date(diploma.confirmedAt))}` : ""}.
            </p>
          ) : (
            <p className="alert alert--info">Tekst nie jest jeszcze zatwierdzony: przeczytaj go uważnie (zwłaszcza nazwisko, klasę, numer i datę).</p>
          )}
          <p>
            Kod weryfikacyjny: <strong>{diploma.verificationCode}</strong> · adres w rejestrze publicznym: {publicUrl}
          </p>
          <p>
            <a href={`/conferrals/${conferral.id}/diploma/preview`} target="_blank" rel="noreferrer">
              Podgląd PDF
            </a>{" "}
            <span className="muted">(tak, jak zostanie wydrukowany; podgląd nie jest zapisywany jako wydruk)</span>
          </p>
          <DocumentPreview doc={doc} label="Tekst dyplomu" />
          {!diploma.confirmed && canConfirm ? (
            <Form method="post" className="form-actions">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="diplomaId" value={diploma.id} />
              <input type="hidden" name="hash" value={diploma.sourceHash} />
              <button type="submit" disabled={navigation.state === "submitting"}>
                Zatwierdzam tekst
              </button>
            </Form>
          ) : null}
          {canPrint && diploma.confirmed ? (
            <Form method="post" action={`/conferrals/${conferral.id}/diploma/print`} reloadDocument className="print-form">
              <input type="hidden" name="diplomaId" value={diploma.id} />
              <PrintModeFields printers={printers} idPrefix="single" />
              {prints.length ? (
                <fieldset>
                  <legend>Dyplom był już drukowany: powód ponownego wydruku</legend>
                  <label htmlFor="reprint-reason">Powód</label>
                  <select id="reprint-reason" name="reason" required defaultValue="">
                    <option value="" disabled>
                      — wybierz —
                    </option>
                    {reprintReasons.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                  <label htmlFor="reprint-text">Opis (dla „inny powód”)</label>
                  <input id="reprint-text" name="reasonText" type="text" maxLength={500} />
                </fieldset>
              ) : null}
              <div className="form-actions">
                <button type="submit">{prints.length ? "Drukuj ponownie (PDF)" : "Drukuj (PDF)"}</button>
              </div>
            </Form>
          ) : null}
        </>
      ) : null}
      <section aria-labelledby="wydruki">
        <h2 id="wydruki">Wydruki</h2>
        {prints.length ? <PrintLogTable prints={prints} caption="Wydruki tego dyplomu" /> : <p>Dyplom nie był jeszcze drukowany.</p>}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { diffWords } from "diff";
import { z } from "zod";
import { DocumentPreview } from "#app/components/document-preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Field, FormErrors } from "#app/components/forms";
import { formatWarsawDateTime } from "#app/domain/audit-log";
import { DRAFT_DOCUMENT_LABEL, DRAFT_MOVER_LABEL, DRAFT_MOVERS, SaveDraftSchema, type DraftContent } from "#app/domain/draft";
import {
  addNominationToDraft,
  draftDocument,
  draftMover,
  getDraft,
  nominationsJoinable,
  restoreDraftVersion,
  saveDraftVersion,
} from "#app/models/draft.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { redirectWithToast } from "#app/utils/toast.server";
import { RecordVersion } from "#app/domain/form-fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Projekt uchwały: ${data.candidateName} · Merenti` : "Projekt uchwały · Merenti" },
];

const contentText = (c: DraftContent) => [`Druk nr: ${c.printNumber || "—"}`, c.mover, c.merits].join("\n\n");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "resolution:draft");
  const draft = await getDraft(params.id!);
  invariantResponse(draft, "Nie znaleziono projektu uchwały.", { status: 404 });
  const url = new URL(request.url);
  const latest = draft.versions[0]!;
  const shown = Number(url.searchParams.get("version")) || latest.number;
  const mover = (await draftMover(draft.id))!;
  const documents = await Promise.all(mover.documents.map(async (d) => ({ kind: d, doc: (await draftDocument(draft.id, d, shown))?.doc ?? null })));
  const from = Number(url.searchParams.get("from"));
  const to = Number(url.searchParams.get("to")) || latest.number;
  const a = draft.versions.find((v) => v.number === from);
  const b = draft.versions.find((v) => v.number === to);
  const nomination = draft.nominations[0]!.nomination;
  const joinable = await nominationsJoinable(draft.id);
  return {
    honorees: draft.nominations.map((l) => ({ id: l.nomination.id, name: l.nomination.candidate.displayName })),
    joinable,
    draft: { id: draft.id, honour: draft.honour, status: draft.status, frozen: Boolean(draft.frozenVersionId), resolution: draft.resolution },
    mover,
    nominationId: nomination.id,
    candidateName: nomination.candidate.displayName,
    latest: { number: latest.number, content: latest.content },
    shown,
    versions: draft.versions.map((v) => ({ number: v.number, at: v.createdAt.toISOString(), author: v.author?.name ?? "system" })),
    documents,
    diff: a && b ? { from: a.number, to: b.number, parts: diffWords(contentText(a.content), contentText(b.content)) } : null,
  };
}

const Intent = z.discriminatedUnion("intent", [
  SaveDraftSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("restore"), version: RecordVersion, baseVersion: RecordVersion }),
  z.object({ intent: z.literal("join"), nominationId: z.string({ error: "Wybierz wniosek." }).min(1, "Wybierz wniosek.") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "resolution:draft");
  const submission = parseWithZod(await request.formData(), { schema: Intent });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  if (v.intent === "join") {
    const joined = await addNominationToDraft(params.id!, v.nominationId, { userId: user.id });
    if (joined.kind !== "joined") {
      const message = joined.kind === "refused" ? joined.message : `Nie można dołączyć wniosku: ${joined.missing.map((m) => m.message).join(" ")}`;
      return data({ result: submission.reply({ fieldErrors: { nominationId: [message] } }) }, { status: 422 });
    }
    return redirectWithToast(`/drafts/${params.id}`, { title: "Dołączono wniosek do projektu uchwały." });
  }
  const outcome =
    v.intent === "save"
      ? await saveDraftVersion(
          params.id!,
          { printNumber: v.printNumber, movedBy: v.movedBy, committee: v.committee, mover: v.mover, merits: v.merits },
          v.baseVersion,
          { userId: user.id },
        )
      : await restoreDraftVersion(params.id!, v.version, v.baseVersion, { userId: user.id });
  invariantResponse(outcome.kind !== "not-found", "Nie znaleziono projektu lub wersji.", { status: 404 });
  if (outcome.kind === "frozen") {
    return data(
      { result: submission.reply({ formErrors: ["Uchwała została podjęta: tekst projektu jest zamrożony i nie można go zmieniać."] }) },
      { status: 409 },
    );
  }
  if (outcome.kind === "conflict") {
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Ktoś zapisał wersję ${outcome.latest}, gdy edytowałeś projekt. Twoje zmiany nie zostały zapisane: porównaj wersje poniżej i wprowadź je ponownie.`,
          ],
        }),
      },
      { status: 409 },
    );
  }
  return redirectWithToast(`/drafts/${params.id}`, {
    title: v.intent === "save" ? `Zapisano wersję ${outcome.version} projektu.` : `Przywrócono tekst jako wersję ${outcome.version} projektu.`,
  });
}

export default function DraftPage() {
  const { draft, mover, nominationId, candidateName, latest, shown, versions, documents, diff, honorees, joinable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `draft-${draft.id}-${latest.number}`,
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    defaultValue: { ...latest.content, movedBy: mover.movedBy, committee: mover.committee, baseVersion: String(latest.number), intent: "save" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: Intent }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const noAria = { ariaAttributes: false } as const;
  return (
    <>
      <h1>Projekt uchwały: {candidateName}</h1>
      <p>
        <Link to={`/nominations/${nominationId}`}>Wniosek</Link> · <Link to={`/nominations/${nominationId}/drafts`}>Wszystkie projekty tego wniosku</Link> ·{" "}
        <Link to="/drafts">Projekty oczekujące na Radę</Link>
      </p>
      {draft.frozen ? (
        <p className="alert alert--warn">
          Uchwała nr {draft.resolution?.number} została podjęta: tekst jest zamrożony na wersji {latest.number}.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="baseVersion" value={latest.number} />
          <Field
            id={fields.printNumber.id}
            label="Druk nr"
            errors={fields.printNumber.errors}
            hint="Numer druku nadany przez Kancelarię Rady (można uzupełnić później)."
          >
            {(aria) => <input {...getInputProps(fields.printNumber, { type: "text", ...noAria })} {...aria} />}
          </Field>
          {draft.honour === "HONORARY_CITIZENSHIP" ? (
            <div className="grid-2">
              <Field
                id={fields.movedBy.id}
                label="Projektodawca"
                hint="Domyślnie wynika z wnioskodawcy. Tylko projekt Prezydenta ma zarządzenie przekazujące projekt Radzie."
                errors={fields.movedBy.errors}
              >
                {(aria) => (
                  <select {...getSelectProps(fields.movedBy, noAria)} {...aria}>
                    {DRAFT_MOVERS.map((m) => (
                      <option key={m} value={m}>
                        {DRAFT_MOVER_LABEL[m]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={fields.committee.id}
                label="Komisja (w dopełniaczu), gdy projektodawcą jest komisja"
                hint="np. „Komisji Głównej”"
                errors={fields.committee.errors}
              >
                {(aria) => <input {...getInputProps(fields.committee, { type: "text", ...noAria })} {...aria} />}
              </Field>
            </div>
          ) : null}
          <Field id={fields.mover.id} label="Uzasadnienie: kto wnioskuje (pierwszy akapit)" errors={fields.mover.errors} required>
            {(aria) => <textarea {...getTextareaProps(fields.mover, noAria)} rows={3} {...aria} />}
          </Field>
          <Field id={fields.merits.id} label="Uzasadnienie: zasługi kandydata" hint="Akapity oddzielaj pustym wierszem." errors={fields.merits.errors} required>
            {(aria) => <textarea {...getTextareaProps(fields.merits, noAria)} rows={12} {...aria} />}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              Zapisz jako wersję {latest.number + 1}
            </button>
          </div>
        </Form>
      )}

      <section aria-labelledby="laureaci">
        <h2 id="laureaci">Kandydaci w tym projekcie</h2>
        <ol>
          {honorees.map((h) => (
            <li key={h.id}>
              <Link to={`/nominations/${h.id}`}>{h.name}</Link>
            </li>
          ))}
        </ol>
        {joinable.length && !draft.frozen ? (
          <Form method="post" className="join-form">
            <input type="hidden" name="intent" value="join" />
            <label htmlFor="join-nomination">Dołącz wniosek o medal tej samej klasy (jedna uchwała dla kilku laureatów)</label>
            <select id="join-nomination" name="nominationId" aria-describedby={actionData?.result.error?.nominationId ? "join-error" : undefined}>
              {joinable.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                  {j.caseReference ? ` (${j.caseReference})` : ""}
                </option>
              ))}
            </select>
            {actionData?.result.error?.nominationId ? (
              <p id="join-error" className="field-errors">
                {actionData.result.error.nominationId.join(" ")}
              </p>
            ) : null}
            <button type="submit" className="button--secondary" disabled={navigation.state === "submitting"}>
              Dołącz do projektu
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="wersje">
        <h2 id="wersje">Wersje</h2>
        <table className="data-table versions">
          <thead>
            <tr>
              <th scope="col">Wersja</th>
              <th scope="col">Zapisano</th>
              <th scope="col">Autor</th>
              <th scope="col">Działania</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.number}>
                <td>{v.number === shown ? <strong>{v.number} (podgląd)</strong> : v.number}</td>
                <td>{formatWarsawDateTime(new Date(v.at))}</td>
                <td>{v.author}</td>
                <td>
                  <Link to={`?version=${v.number}`}>Podgląd</Link>
                  {v.number !== latest.number ? (
                    <>
                      {" · "}
                      <Link to={`?from=${v.number}&to=${latest.number}`}>Porównaj z wersją {latest.number}</Link>
                      {draft.frozen ? null : (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="restore" />
                          <input type="hidden" name="version" value={v.number} />
                          <input type="hidden" name="baseVersion" value={latest.number} />
                          {" · "}
                          <button type="submit" className="button--link">
                            Przywróć wersję {v.number}
                          </button>
                        </Form>
                      )}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {diff ? (
        <section aria-labelledby="roznice">
          <h2 id="roznice">
            Zmiany od wersji {diff.from} do wersji {diff.to}
          </h2>
          <p className="muted">Dodany tekst jest podświetlony na zielono, usunięty – przekreślony.</p>
          <div className="diff prose">
            {diff.parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
          </div>
        </section>
      ) : null}

      {documents.map(({ kind, doc }) => (
        <section key={kind} aria-labelledby={`doc-${kind}`}>
          <h2 id={`doc-${kind}`}>
            {DRAFT_DOCUMENT_LABEL[kind][0]!.toUpperCase() + DRAFT_DOCUMENT_LABEL[kind].slice(1)} (wersja {shown})
          </h2>
          <p className="no-print">
            <a href={`/drafts/${draft.id}/download?document=${kind}&format=pdf&version=${shown}`} download>
              Pobierz PDF
            </a>{" "}
            ·{" "}
            <a href={`/drafts/${draft.id}/download?document=${kind}&format=docx&version=${shown}`} download>
              Pobierz DOCX (Word)
            </a>
          </p>
          {doc ? <DocumentPreview doc={doc} label={DRAFT_DOCUMENT_LABEL[kind]} /> : null}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// One Honoris Gratia decision: a preview of the decision and of the letters to the applicants,
// with PDF and DOCX downloads, or what is missing before they can be made.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DocumentPreview } from "#app/components/document-preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { HgNav } from "#app/components/hg";
import { HG_DOCUMENTS, hgDocument } from "#app/documents/honoris-gratia.server";
import { DRAFT_DECISION_ID, hgDecisionData, hgDraftDecisionData } from "#app/models/hg-decisions.server";
import { todayIso } from "#app/domain/polish-dates";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http";
import { PermittedLink } from "#app/components/permitted-link";

export const meta: MetaFunction = () => [{ title: "Decyzja „Honoris Gratia” · Merenti" }];

const LABEL = { decision: "Zarządzenie Prezydenta (lista laureatów)", letters: "Pisma do wnioskodawców" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const d = params.id === DRAFT_DECISION_ID ? await hgDraftDecisionData(todayIso()) : await hgDecisionData(params.id!);
  invariantResponse(d, "Nie znaleziono decyzji.", { status: 404 });
  return {
    draft: params.id === DRAFT_DECISION_ID,
    ordinance: d.ordinance,
    documents: HG_DOCUMENTS.map((document) => ({ document, made: hgDocument(document, d) })),
  };
}

export default function HgDecision() {
  const { draft, ordinance, documents } = useLoaderData<typeof loader>();
  return (
    <>
      <HgNav />
      <h1>{draft ? "Projekt decyzji Prezydenta (wnioski w przygotowaniu decyzji)" : `Zarządzenie nr ${ordinance.number}`}</h1>
      {documents.map((d) => (
        <section key={d.document} aria-labelledby={`doc-${d.document}`}>
          <h2 id={`doc-${d.document}`}>{LABEL[d.document]}</h2>
          {d.made.kind === "ok" ? (
            <>
              <p className="no-print">
                <a href={`/hg/decisions/${ordinance.id}/download?document=${d.document}&format=pdf`}>Pobierz PDF</a> ·{" "}
                <a href={`/hg/decisions/${ordinance.id}/download?document=${d.document}&format=docx`}>Pobierz DOCX</a>
              </p>
              {d.made.docs.map((doc, i) => (
                <DocumentPreview
                  key={i}
                  doc={doc}
                  label={d.made.kind === "ok" && d.made.docs.length > 1 ? `${LABEL[d.document]}: ${i + 1} z ${d.made.docs.length}` : LABEL[d.document]}
                />
              ))}
            </>
          ) : (
            <div className="alert alert--warn">
              <p>
                {d.made.message} {d.made.href ? <PermittedLink to={d.made.href}>Ustawienia</PermittedLink> : null}
              </p>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

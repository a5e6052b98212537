// The Mayor's Honoris Gratia decision (the granted laureates with their badge numbers) and the
// letters informing the applicants of granted and of refused applications (one document, one
// letter a page), from templates/hg-*.hbs.
import type { RefusalLetter } from "#app/domain/hg-refusal-letters";
import { formatPolishDate, formatPolishDateWithDnia } from "#app/domain/polish-dates";
import type { Document } from "./blocks";
import { projectTemplate } from "./templates.server";

export const HG_DOCUMENTS = ["decision", "letters"] as const;
export type HgDocument = (typeof HG_DOCUMENTS)[number];

const FILE: Record<HgDocument, string> = { decision: "hg-decision.hbs", letters: "hg-letters.hbs" };
export const HG_DOCUMENT_FILE_STEM: Record<HgDocument, string> = { decision: "zarzadzenie-honoris-gratia", letters: "pisma-honoris-gratia" };

type Laureate = { name: string; number: string };
type Application = { applicantName: string; applicantContact: string; caseReference: string; receivedDate: string; proposedEventName: string };

/** What a decision and its letters print (app/models/hg-decisions.server.ts loads it). */
export type HgDecisionPrint = {
  draft?: true;
  ordinance: { number: string; issuedOn: string };
  laureates: Laureate[];
  letters: { application: Application; laureates: Laureate[] }[];
  mayor: { titleLine: string; fullName: string } | null;
};

const template = (document: HgDocument) => projectTemplate<object>(FILE[document]);

/** The document, or what is missing before it can be made (the Mayor on the decision's date). */
export function hgDocument(document: HgDocument, d: HgDecisionPrint): { kind: "ok"; doc: Document } | { kind: "missing"; message: string } {
  const ordinance = { number: d.ordinance.number, dateLine: d.draft ? "z dnia ……" : formatPolishDateWithDnia(d.ordinance.issuedOn) };
  if (document === "decision") {
    if (!d.mayor) return { kind: "missing", message: `Brak Prezydenta Miasta w ustawieniach na dzień ${formatPolishDate(d.ordinance.issuedOn)}: uzupełnij sygnatariuszy.` };
    if (!d.laureates.length) {
      return { kind: "missing", message: d.draft ? "Żaden wniosek nie czeka w przygotowaniu decyzji: użyj czynności „Przygotuj decyzję Prezydenta” na liście." : "To zarządzenie nie obejmuje żadnej odznaki." };
    }
    return { kind: "ok", doc: template("decision").render({ ordinance, laureates: d.laureates, mayor: { titleLine: d.mayor.titleLine, fullName: d.mayor.fullName } }) };
  }
  if (d.draft) return { kind: "missing", message: "Pisma do wnioskodawców powstają po decyzji Prezydenta (czynność „Przyznaj odznakę”)." };
  if (!d.letters.length) return { kind: "missing", message: "Żaden z laureatów tego zarządzenia nie ma zarejestrowanego wniosku z wnioskodawcą: nie ma do kogo pisać." };
  const letters = d.letters.map((l) => ({
    applicantName: l.application.applicantName,
    applicantContact: l.application.applicantContact,
    caseReference: l.application.caseReference,
    receivedDate: l.application.receivedDate,
    proposedEventName: l.application.proposedEventName,
    laureates: l.laureates.map((x) => ({ name: x.name, number: x.number })),
  }));
  return { kind: "ok", doc: template("letters").render({ ordinance, dateText: formatPolishDate(d.ordinance.issuedOn), letters }) };
}

export const HG_REFUSAL_LETTERS_FILE_STEM = "pisma-odmowa-honoris-gratia";

/** The letters to the applicants of refused applications (one a page), dated `letterDate`. */
export function hgRefusalLettersDocument(letters: readonly RefusalLetter[], letterDate: string): Document {
  return projectTemplate<object>("hg-refusal-letters.hbs").render({
    dateText: formatPolishDate(letterDate),
    letters: letters.map((l) => ({
      ...l,
      decisionDateText: l.decisionDate ? formatPolishDateWithDnia(l.decisionDate) : "",
      reasonsDiffer: l.sharedReason === null,
    })),
  });
}

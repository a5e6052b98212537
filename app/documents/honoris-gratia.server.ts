// The Mayor's Honoris Gratia decision (the granted laureates with their badge numbers) and the
// letters informing the applicants of granted and of refused applications, from
// templates/hg-*.hbs. A letter is a document of its own (one per applicant and decision, with the
// letterhead, the recipient's postal address, place and date and a named signatory), so a batch
// of letters in one file numbers each letter's pages on its own.
import { caseReferencesOf, recipientLines, senderAddressLines, type LetterApplication } from "#app/domain/hg-letters";
import type { RefusalLetter } from "#app/domain/hg-refusal-letters";
import { mayorTitle, pastVerb, type OfficeHolder } from "#app/domain/office-holders";
import { formatPolishDate, formatPolishDateWithDnia } from "#app/domain/polish-dates";
import { settingHref, signatoryHref } from "#app/domain/settings";
import type { Document } from "./blocks";
import { renderDocxParts } from "./docx.server";
import { renderPdfParts } from "./pdf.server";
import { projectTemplate } from "./templates.server";

export const HG_DOCUMENTS = ["decision", "letters"] as const;
export type HgDocument = (typeof HG_DOCUMENTS)[number];

export const HG_DOCUMENT_FILE_STEM: Record<HgDocument, string> = { decision: "zarzadzenie-honoris-gratia", letters: "pisma-honoris-gratia" };
export const HG_REFUSAL_LETTERS_FILE_STEM = "pisma-odmowa-honoris-gratia";

type Laureate = { name: string; number: string };
type Application = LetterApplication & { proposedEventName: string };

/** The letterhead valid on the letter's date (settings „letters.senderOffice” and „letters.senderAddress”). */
export type Sender = { office: string; address: string };

/** What a decision and its letters print (app/models/hg-decisions.server.ts loads it). */
export type HgDecisionPrint = {
  draft?: true;
  ordinance: { number: string; issuedOn: string };
  laureates: Laureate[];
  /** One per applicant: the applications of that applicant this decision answers and their laureates. */
  letters: { applications: Application[]; laureates: Laureate[] }[];
  mayor: OfficeHolder | null;
  sender: Sender | null;
};

/** Documents ready to print, or what is missing (with where to fill it in). */
export type Made =
  { kind: "ok"; docs: Document[]; meta: Pick<Document["meta"], "title" | "author" | "subject"> } | { kind: "missing"; message: string; href?: string };

const LETTER_PLACE = "Kraków";
const listFormat = new Intl.ListFormat("pl", { type: "conjunction" });

function mayorMissing(date: string): Made {
  return {
    kind: "missing",
    message: `Brak Prezydenta Miasta w ustawieniach na dzień ${formatPolishDate(date)}: uzupełnij sygnatariuszy.`,
    href: signatoryHref("MAYOR"),
  };
}

function senderMissing(date: string): Made {
  return {
    kind: "missing",
    message: `Brak nadawcy pism (nazwa komórki i adres) w ustawieniach na dzień ${formatPolishDate(date)}: uzupełnij ustawienia „Nadawca pism do wnioskodawców”.`,
    href: settingHref("letters.senderOffice"),
  };
}

/** What every letter prints around its body: sender, place and date, case references, recipient, signatory. */
function letterFrame(applications: readonly LetterApplication[], date: string, sender: Sender, mayor: OfficeHolder, fallbackReference = "") {
  const first = applications[0]!;
  const dates = [...new Set(applications.map((a) => a.receivedDate))].sort();
  return {
    sender: { office: sender.office, addressLines: senderAddressLines(sender.address) },
    place: LETTER_PLACE,
    dateText: formatPolishDate(date),
    caseReferences: caseReferencesOf(applications, fallbackReference),
    recipient: { name: first.applicantName, lines: recipientLines(first) },
    signatory: { titleLine: mayor.titleLine, fullName: mayor.fullName },
    manyApplications: applications.length > 1,
    receivedDates: listFormat.format(dates.map(formatPolishDate)),
  };
}

/** The document(s), or what is missing before they can be made (the Mayor, the letterhead). */
export function hgDocument(document: HgDocument, d: HgDecisionPrint): Made {
  const ordinance = { number: d.ordinance.number, dateLine: d.draft ? "z dnia ……" : formatPolishDateWithDnia(d.ordinance.issuedOn) };
  if (document === "decision") {
    if (!d.mayor) return mayorMissing(d.ordinance.issuedOn);
    if (!d.laureates.length) {
      return {
        kind: "missing",
        message: d.draft
          ? "Żaden wniosek nie czeka w przygotowaniu decyzji: użyj czynności „Przygotuj decyzję Prezydenta” na liście."
          : "To zarządzenie nie obejmuje żadnej odznaki.",
      };
    }
    const doc = projectTemplate<object>("hg-decision.hbs").render({
      ordinance,
      laureates: d.laureates,
      mayor: { titleLine: d.mayor.titleLine, fullName: d.mayor.fullName },
    });
    return { kind: "ok", docs: [doc], meta: doc.meta };
  }
  if (d.draft) return { kind: "missing", message: "Pisma do wnioskodawców powstają po decyzji Prezydenta (czynność „Przyznaj odznakę”)." };
  if (!d.letters.length)
    return { kind: "missing", message: "Żaden z laureatów tego zarządzenia nie ma zarejestrowanego wniosku z wnioskodawcą: nie ma do kogo pisać." };
  const date = d.ordinance.issuedOn;
  if (!d.mayor) return mayorMissing(date);
  if (!d.sender) return senderMissing(date);
  const mayor = { title: mayorTitle(d.mayor).nominative, verb: pastVerb(d.mayor, "nadał", "nadała") };
  const docs = d.letters.map((l) =>
    projectTemplate<object>("hg-grant-letter.hbs").render({
      ...letterFrame(l.applications, date, d.sender!, d.mayor!),
      ordinance,
      mayor,
      laureates: l.laureates.map((x) => ({ name: x.name, number: x.number })),
      manyLaureates: l.laureates.length > 1,
      proposedEventName: [...new Set(l.applications.map((a) => a.proposedEventName.trim()).filter(Boolean))].join("; "),
    }),
  );
  return {
    kind: "ok",
    docs,
    meta: {
      title: `Pisma do wnioskodawców: zarządzenie nr ${d.ordinance.number}`,
      author: d.sender.office,
      subject: "Odznaka Honorowa „Honoris Gratia”: zawiadomienia",
    },
  };
}

/** The letters to the applicants of refused applications (one per applicant and decision), dated `letterDate`. */
export function hgRefusalLettersDocument(letters: readonly RefusalLetter[], letterDate: string, mayor: OfficeHolder | null, sender: Sender | null): Made {
  if (!mayor) return mayorMissing(letterDate);
  if (!sender) return senderMissing(letterDate);
  const verb = { title: mayorTitle(mayor).nominative, verb: pastVerb(mayor, "odmówił", "odmówiła") };
  const docs = letters.map((l) =>
    projectTemplate<object>("hg-refusal-letter.hbs").render({
      ...letterFrame(l.applications, letterDate, sender, mayor, l.caseReference),
      mayor: verb,
      decisionDateText: l.decisionDate ? formatPolishDateWithDnia(l.decisionDate) : "",
      candidates: l.candidates,
      sharedReason: l.sharedReason,
      reasonsDiffer: l.sharedReason === null,
    }),
  );
  return {
    kind: "ok",
    docs,
    meta: {
      title: "Pisma do wnioskodawców: odmowa nadania Odznaki „Honoris Gratia”",
      author: sender.office,
      subject: "Odznaka Honorowa „Honoris Gratia”: zawiadomienia o odmowie",
    },
  };
}

/** One file of the documents: a PDF numbering each document's pages on its own, or a DOCX with a section each. */
export function renderMade(made: Extract<Made, { kind: "ok" }>, format: "pdf" | "docx"): Promise<Buffer> {
  return format === "pdf"
    ? renderPdfParts(
        made.docs.map((document) => ({ document })),
        made.meta,
      )
    : renderDocxParts(made.docs, made.meta);
}

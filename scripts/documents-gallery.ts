// npm run documents:gallery -- <folder>: every kind of document the app generates, as PDF, from
// fictional data (a man, a woman with an academic title, an institution with a long name; each
// honour and medal class), with the address from PUBLIC_BASE_URL. Nothing is read from or written
// to the register: the data are built here and go through the same domain functions, templates
// and renderers as the app's. The office reviews designs with it (docs/documents.md).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderDocx } from "#app/documents/docx.server";
import { hgDocument, hgRefusalLettersDocument, renderMade, type HgDecisionPrint } from "#app/documents/honoris-gratia.server";
import { renderPdf } from "#app/documents/pdf.server";
import { projectTemplate } from "#app/documents/templates.server";
import { addressDativeOf } from "#app/domain/address-forms";
import { diplomaTemplateData, diplomaTemplateFile, publicRegistryUrl, type DiplomaInputs } from "#app/domain/diploma";
import { DRAFT_DOCUMENT_FILE, draftDocumentsOf, moverOf, templateData, templateFileOf, type DraftCandidate, type DraftInputs } from "#app/domain/draft";
import type { CandidateKind, Gender, Honour, MedalClass } from "#app/domain/honours";
import { countOf } from "#app/domain/plural";
import { suggestedProgramme } from "#app/domain/programme";
import { refusalLetters } from "#app/domain/hg-refusal-letters";
import { diplomaPdf, FULL_PRINT } from "#app/documents/diploma-pdf.server";
import { env } from "#app/utils/env.server";

const folder = path.resolve(process.argv[2] ?? "documents-gallery");
mkdirSync(folder, { recursive: true });

type Person = DraftCandidate & { title: string; apposition: string; slug: string };

function person(
  slug: string,
  kind: CandidateKind,
  gender: Gender | null,
  title: string,
  nominative: string,
  genitive: string,
  dative: string,
  apposition = "",
): Person {
  return {
    id: slug,
    slug,
    kind,
    gender,
    title,
    apposition,
    nameNominative: nominative,
    nameGenitive: genitive,
    nameDative: dative,
    address: addressDativeOf({ kind, gender, title, addressDative: null }),
    nameFormsConfirmed: true,
  };
}

// Fictional honorees; „č” and „ł” check the font.
const MAN = person("mezczyzna", "PERSON", "MASCULINE", "", "Bolesław Rajčić", "Bolesława Rajčicia", "Bolesławowi Rajčiciowi");
const WOMAN = person(
  "kobieta-prof",
  "PERSON",
  "FEMININE",
  "prof. dr hab.",
  "Łucja Zawadzka-Wiśniewska",
  "Łucji Zawadzkiej-Wiśniewskiej",
  "Łucji Zawadzkiej-Wiśniewskiej",
  "wybitnej lekarce, twórczyni krakowskiej szkoły kardiochirurgii",
);
const INSTITUTION = person(
  "instytucja",
  "ORGANIZATION",
  null,
  "",
  "Towarzystwo Przyjaciół Zabytków Stołecznego Królewskiego Miasta Krakowa i Ziemi Krakowskiej im. Jana Matejki",
  "Towarzystwa Przyjaciół Zabytków Stołecznego Królewskiego Miasta Krakowa i Ziemi Krakowskiej im. Jana Matejki",
  "Towarzystwu Przyjaciół Zabytków Stołecznego Królewskiego Miasta Krakowa i Ziemi Krakowskiej im. Jana Matejki",
);

const MAYOR = { fullName: "Jan Przykładowy", titleLine: "Prezydent Miasta Krakowa" };
const CHAIR = { fullName: "Anna Wzorcowa", titleLine: "Przewodnicząca Rady Miasta Krakowa" };
const SETTINGS: DraftInputs["settings"] = {
  legalBasis:
    "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} oraz regulaminu Medalu „Cracoviae Merenti”, stanowiącego załącznik do {regulamin}, na wniosek Komisji Medalu „Cracoviae Merenti”, uchwala się, co następuje:",
  ordinanceLegalBasis: "Na podstawie art. 30 ust. 1 i ust. 2 pkt 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} zarządza się, co następuje:",
  executionClause: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.",
  entryIntoForceClause: "Uchwała wchodzi w życie z dniem podjęcia.",
  actCitation: "(Dz. U. z 2024 r. poz. 1465, z późn. zm.)",
  medalRules: "uchwała nr C/2603/18 Rady Miasta Krakowa z dnia 25 kwietnia 2018 r.",
};
const HC_BASIS =
  "Na podstawie art. 18 ust. 2 pkt 14 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} oraz uchwały nr LXXXV/1836/17 Rady Miasta Krakowa z dnia 14 czerwca 2017 r. (z późn. zm.) uchwala się, co następuje:";

const written: string[] = [];
async function save(name: string, pdf: Buffer | Promise<Buffer>) {
  writeFileSync(path.join(folder, name), await pdf);
  written.push(name);
}

// Drafts: resolution, justification and (a Mayor's draft) the forwarding ordinance.
const drafts: { slug: string; honour: Honour; medalClass: MedalClass | null; who: Person; nominatorKinds: string[] }[] = [
  { slug: "cm-srebrny", honour: "CRACOVIAE_MERENTI", medalClass: "SILVER", who: MAN, nominatorKinds: ["ORGANIZATION"] },
  { slug: "cm-zloty", honour: "CRACOVIAE_MERENTI", medalClass: "GOLD", who: INSTITUTION, nominatorKinds: ["ORGANIZATION"] },
  { slug: "cm-brazowy", honour: "CRACOVIAE_MERENTI", medalClass: "BRONZE", who: WOMAN, nominatorKinds: ["PERSON"] },
  { slug: "ho-prezydent", honour: "HONORARY_CITIZENSHIP", medalClass: null, who: WOMAN, nominatorKinds: ["MAYOR"] },
  { slug: "ho-przewodniczacy", honour: "HONORARY_CITIZENSHIP", medalClass: null, who: MAN, nominatorKinds: ["COUNCIL_CHAIR"] },
];
for (const d of drafts) {
  const inputs: DraftInputs = {
    honour: d.honour,
    medalClass: d.medalClass,
    candidate: d.who,
    others: [],
    nominators: ["Wnioskodawca przykładowy"],
    nominatorKinds: d.nominatorKinds,
    resolution: null,
    ordinance: null,
    settings: d.honour === "HONORARY_CITIZENSHIP" ? { ...SETTINGS, legalBasis: HC_BASIS } : SETTINGS,
    mayor: MAYOR,
    content: {
      printNumber: "1234",
      mover:
        d.honour === "CRACOVIAE_MERENTI"
          ? "Komisja Medalu „Cracoviae Merenti” pozytywnie zaopiniowała wniosek."
          : "Z wnioskiem wystąpił wnioskodawca przykładowy.",
      merits: "Przykładowy opis zasług: wieloletnia praca na rzecz mieszkańców Krakowa.\n\nDrugi akapit uzasadnienia.",
    },
  };
  for (const document of draftDocumentsOf(moverOf(inputs))) {
    const doc = projectTemplate<ReturnType<typeof templateData>>(templateFileOf(document, d.honour)).render(templateData(inputs));
    await save(`projekt-${d.slug}-${DRAFT_DOCUMENT_FILE[document]}.pdf`, renderPdf(doc));
    if (document === "RESOLUTION") writeFileSync(path.join(folder, `projekt-${d.slug}-${DRAFT_DOCUMENT_FILE[document]}.docx`), await renderDocx(doc));
  }
}

// Diplomas: each honour and class, for each kind of honoree it may go to.
const diplomas: { slug: string; honour: Honour; medalClass: MedalClass | null; who: Person; act: DiplomaInputs["act"] }[] = [
  {
    slug: "cm-zloty-instytucja",
    honour: "CRACOVIAE_MERENTI",
    medalClass: "GOLD",
    who: INSTITUTION,
    act: { kind: "RESOLUTION", number: "XLI/1001/26", date: "2026-03-11" },
  },
  {
    slug: "cm-srebrny-mezczyzna",
    honour: "CRACOVIAE_MERENTI",
    medalClass: "SILVER",
    who: MAN,
    act: { kind: "RESOLUTION", number: "XLI/1002/26", date: "2026-03-11" },
  },
  {
    slug: "cm-brazowy-kobieta",
    honour: "CRACOVIAE_MERENTI",
    medalClass: "BRONZE",
    who: WOMAN,
    act: { kind: "RESOLUTION", number: "XLI/1003/26", date: "2026-03-11" },
  },
  { slug: "ho-kobieta", honour: "HONORARY_CITIZENSHIP", medalClass: null, who: WOMAN, act: { kind: "RESOLUTION", number: "XLII/1010/26", date: "2026-04-22" } },
  { slug: "ho-mezczyzna", honour: "HONORARY_CITIZENSHIP", medalClass: null, who: MAN, act: { kind: "RESOLUTION", number: "XLII/1011/26", date: "2026-04-22" } },
  { slug: "hg-instytucja", honour: "HONORIS_GRATIA", medalClass: null, who: INSTITUTION, act: { kind: "ORDINANCE", number: "1777/2026", date: "2026-02-02" } },
  { slug: "hg-kobieta", honour: "HONORIS_GRATIA", medalClass: null, who: WOMAN, act: { kind: "ORDINANCE", number: "1777/2026", date: "2026-02-02" } },
];
let number = 7;
for (const d of diplomas) {
  const inputs: DiplomaInputs = {
    conferralId: d.slug,
    nominationId: null,
    honour: d.honour,
    medalClass: d.medalClass,
    number: d.honour === "HONORARY_CITIZENSHIP" ? null : number++,
    candidate: { ...d.who, address: d.who.address, apposition: d.who.apposition },
    act: d.act,
    date: "2026-06-05",
    mayor: MAYOR,
    councilChair: d.honour === "HONORIS_GRATIA" ? null : CHAIR,
  };
  const publicUrl = publicRegistryUrl(env().PUBLIC_BASE_URL, `przyklad-${d.slug}`);
  const doc = projectTemplate<ReturnType<typeof diplomaTemplateData>>(diplomaTemplateFile(d.honour)).render(
    diplomaTemplateData(inputs, { verificationCode: "K7QX2MHD", publicUrl }),
  );
  await save(`dyplom-${d.slug}.pdf`, diplomaPdf(doc, publicUrl, { ...FULL_PRINT, medalClass: d.medalClass }));
  await save(`dyplom-${d.slug}-blankiet.pdf`, diplomaPdf(doc, publicUrl, { mode: "PREPRINTED", printer: null }));
}

// Honoris Gratia: the Mayor's decision and the letters to the applicants (granted and refused):
// the foundation sent two applications decided together, so it gets one letter naming both.
const SENDER = { office: "Kancelaria Prezydenta Miasta Krakowa", address: "pl. Wszystkich Świętych 3-4, 31-004 Kraków; tel. 12 616 12 00" };
const address = { applicantStreet: "ul. Przykładowa 1/2", applicantPostalCode: "30-001", applicantCity: "Kraków" };
const application = (id: string, name: string, caseReference: string, receivedDate: string) => ({
  id,
  applicantName: name,
  applicantContact: "biuro@fundacja.example",
  ...address,
  caseReference,
  receivedDate,
  proposedEventName: "Gala Fundacji Przykładowej",
});
const FOUNDATION = [
  application("a1", "Fundacja Przykładowa", "KP-04.0012.1.2026", "2026-01-12"),
  application("a2", "Fundacja Przykładowa", "KP-04.0012.2.2026", "2026-01-19"),
];
const PERSON_APPLICANT = {
  ...application("a3", "Jan Wnioskujący", "KP-04.0012.3.2026", "2026-01-14"),
  applicantStreet: "os. Zielone 7/15",
  applicantPostalCode: "31-968",
};
const decision: HgDecisionPrint = {
  ordinance: { number: "1777/2026", issuedOn: "2026-02-02" },
  laureates: [MAN, WOMAN, INSTITUTION].map((p, i) => ({ name: p.nameNominative, number: String(5530 + i) })),
  letters: [
    { applications: FOUNDATION, laureates: [MAN, WOMAN].map((p, i) => ({ name: p.nameNominative, number: String(5530 + i) })) },
    { applications: [PERSON_APPLICANT], laureates: [{ name: INSTITUTION.nameNominative, number: "5532" }] },
  ],
  mayor: MAYOR,
  sender: SENDER,
};
for (const kind of ["decision", "letters"] as const) {
  const made = hgDocument(kind, decision);
  if (made.kind === "ok") await save(`honoris-gratia-${kind === "decision" ? "zarzadzenie" : "pisma"}.pdf`, renderMade(made, "pdf"));
}
// Refusals: one letter short, one long enough for two pages (its own „Strona 1 z 2”).
const refused = (id: string, name: string, app: (typeof FOUNDATION)[number], reason: string) => ({
  id,
  candidateName: name,
  reason,
  refusedOn: "2026-03-02",
  caseReference: "",
  application: app,
});
const longReason =
  "Wniosek nie wykazał szczególnych zasług dla Krakowa wymaganych regulaminem odznaki; opisane działania, choć cenne, mają charakter lokalny i krótkotrwały.";
const { letters: refusals } = refusalLetters([
  refused("r1", "Stowarzyszenie Miłośników Przykładów", PERSON_APPLICANT, "Odznaka została już nadana temu stowarzyszeniu w 2019 r."),
  ...Array.from({ length: 14 }, (_, i) =>
    refused(`r${i + 2}`, `Kandydat Przykładowy ${i + 1}`, FOUNDATION[0]!, i % 2 ? longReason : `${longReason} (wniosek ${i + 1})`),
  ),
]);
const refusalMade = hgRefusalLettersDocument(refusals, "2026-03-09", MAYOR, SENDER);
if (refusalMade.kind === "ok") await save("honoris-gratia-pisma-odmowa.pdf", renderMade(refusalMade, "pdf"));

// The ceremony's programme and hand-over list.
const ceremony = {
  title: "Uroczysta sesja Rady Miasta Krakowa z okazji Święta Miasta",
  kindLabel: "uroczysta sesja w Święto Miasta",
  isSession: true,
  date: "2026-06-05",
  startTime: "12:00",
  endTime: "14:00",
  venue: { name: "Sala Obrad Rady Miasta Krakowa", address: "Plac Wszystkich Świętych 3-4, 31-004 Kraków" },
  laureates: [MAN, WOMAN, INSTITUTION].map((p, i) => ({
    position: i + 1,
    name: p.nameNominative,
    honourText: ["Srebrny Medal „Cracoviae Merenti”", "Honorowe Obywatelstwo", "Złoty Medal „Cracoviae Merenti”"][i]!,
    attendance: "obecny",
    representedBy: "",
    guestsCount: 2,
    handedOverBy: "Prezydent Miasta Krakowa i Przewodnicząca Rady Miasta Krakowa",
    handoverTime: ["12:40", "12:50", "13:00"][i]!,
    seat: `rząd 1, miejsce ${4 + i}`,
    guestSeats: i === 2 ? "" : `rząd 5, miejsca ${1 + 2 * i}–${2 + 2 * i}`,
  })),
};
// The programme as the ceremony page suggests it (a woman chairs the Council: „Przewodniczącej”).
const items = suggestedProgramme(ceremony, CHAIR, MAYOR).map((row, i) => (i === 3 ? { ...row, time: "12:40" } : row));
await save("uroczystosc-program.pdf", renderPdf(projectTemplate<object>("ceremony-programme.hbs").render({ ...ceremony, items })));
await save("uroczystosc-lista-wreczen.pdf", renderPdf(projectTemplate<object>("ceremony-handover-list.hbs").render(ceremony)));

console.log(
  `Zapisano ${countOf(written.length, { one: "dokument", few: "dokumenty", many: "dokumentów" })} PDF w ${folder} (adres publiczny: ${env().PUBLIC_BASE_URL}).`,
);

// Drafts of Council resolutions: what a draft needs before it can be generated, and the data its
// templates (templates/*.hbs) receive. No Remix, no Prisma: the model gathers the inputs.
import { z } from "zod";
import "./zod-polish";
import type { CandidateKind, Gender, Honour, MedalClass } from "./honours";
import { formatPolishDateWithDnia } from "./polish-dates";
import { dativeFull } from "./address-forms";
import { honoraryCitizenTitle, honoraryCitizenTitleGenitive, possessive } from "./polish-text";

export const DRAFT_DOCUMENTS = ["RESOLUTION", "JUSTIFICATION", "ORDINANCE"] as const;
export type DraftDocument = (typeof DRAFT_DOCUMENTS)[number];

export const DRAFT_DOCUMENT_LABEL: Record<DraftDocument, string> = {
  RESOLUTION: "projekt uchwały",
  JUSTIFICATION: "uzasadnienie",
  ORDINANCE: "zarządzenie Prezydenta",
};

/** File name stem (ASCII) per document, for downloads. */
export const DRAFT_DOCUMENT_FILE: Record<DraftDocument, string> = {
  RESOLUTION: "projekt-uchwaly",
  JUSTIFICATION: "uzasadnienie",
  ORDINANCE: "zarzadzenie",
};

/** Which template renders a document of a draft for an honour. */
export function templateFileOf(document: DraftDocument, honour: Honour): string {
  if (document === "JUSTIFICATION") return "justification.hbs";
  if (document === "ORDINANCE") return "ordinance-forwarding.hbs";
  return honour === "HONORARY_CITIZENSHIP" ? "resolution-honorary-citizenship.hbs" : "resolution-cracoviae-merenti.hbs";
}

/**
 * Who moves a Council draft (projektodawca): the Mayor (whose draft the Mayor's ordinance
 * forwards to the Council), the Council Chair (own initiative or councillors' motion) or a
 * Council committee. A draft without a choice follows the nomination's applicant.
 */
export const DRAFT_MOVERS = ["MAYOR", "COUNCIL_CHAIR", "COMMITTEE"] as const;
export type DraftMover = (typeof DRAFT_MOVERS)[number];

export const DRAFT_MOVER_LABEL: Record<DraftMover, string> = {
  MAYOR: "Prezydent Miasta Krakowa",
  COUNCIL_CHAIR: "Przewodniczący Rady Miasta Krakowa (z własnej inicjatywy lub na wniosek radnych)",
  COMMITTEE: "komisja Rady Miasta Krakowa",
};

/** The mover that follows from the applicants' kinds (Nominator.kind): the Mayor's application → the Mayor. */
export function defaultDraftMover(honour: Honour, nominatorKinds: readonly string[]): DraftMover {
  if (honour !== "HONORARY_CITIZENSHIP") return "MAYOR";
  if (nominatorKinds.includes("MAYOR")) return "MAYOR";
  return "COUNCIL_CHAIR";
}

/** The line under the print number: „projekt Prezydenta Miasta Krakowa”, „projekt Komisji Głównej …”. */
export function moverLine(mover: DraftMover, committee: string): string {
  if (mover === "MAYOR") return "projekt Prezydenta Miasta Krakowa";
  if (mover === "COUNCIL_CHAIR") return "projekt Przewodniczącego Rady Miasta Krakowa";
  return `projekt ${committee || "Komisji Głównej"} Rady Miasta Krakowa`;
}

/** The mover of a draft at a version: the chosen one, else the one the applicants give. */
export function moverOf(i: Pick<DraftInputs, "honour" | "nominatorKinds" | "content">): DraftMover {
  return i.content.movedBy ?? defaultDraftMover(i.honour, i.nominatorKinds);
}

/** Only a Mayor's draft is forwarded to the Council by a Mayor's ordinance. */
export function draftDocumentsOf(mover: DraftMover): DraftDocument[] {
  return mover === "MAYOR" ? [...DRAFT_DOCUMENTS] : DRAFT_DOCUMENTS.filter((d) => d !== "ORDINANCE");
}

/** The parts of a draft a person writes; every save is a new version. */
export const DraftContent = z.object({
  printNumber: z.string().trim().max(50, "Najwyżej 50 znaków.").default(""),
  // Versions saved before the mover was a choice have none: the applicant decides (defaultDraftMover).
  movedBy: z.enum(DRAFT_MOVERS, { error: "Wybierz projektodawcę z listy." }).optional(),
  /** The committee in the genitive („Komisji Głównej”), when a committee moves the draft. */
  committee: z.string().trim().max(200, "Najwyżej 200 znaków.").optional(),
  mover: z
    .string({ error: "Napisz, kto wnioskuje." })
    .trim()
    .min(1, "Napisz, kto wnioskuje (pierwszy akapit uzasadnienia).")
    .max(2000, "Najwyżej 2000 znaków."),
  merits: z.string({ error: "Opisz zasługi kandydata." }).trim().min(1, "Opisz zasługi kandydata.").max(30000, "Najwyżej 30 000 znaków."),
});
export type DraftContent = z.output<typeof DraftContent>;

export const SaveDraftSchema = DraftContent.extend({ baseVersion: z.coerce.number().int().min(1) });

export type DraftCandidate = {
  id: string;
  kind: CandidateKind;
  gender: Gender | null;
  nameNominative: string;
  nameGenitive: string;
  nameDative: string;
  /** The form of address in the dative („Profesorowi”, „Pani”); "" for an organisation. */
  address: string;
  nameFormsConfirmed: boolean;
};

export type DraftInputs = {
  honour: Honour;
  medalClass: MedalClass | null;
  /** The first honoree; `others` are further candidates of one Cracoviae Merenti resolution. */
  candidate: DraftCandidate;
  others: DraftCandidate[];
  nominators: string[];
  /** Nominator.kind of each applicant (MAYOR, COUNCIL_CHAIR, COUNCILLORS, RESIDENTS, …). */
  nominatorKinds: string[];
  /** Filled once the Council adopted the resolution or the Mayor signed the ordinance. */
  resolution: { number: string; adoptedOn: string } | null;
  ordinance: { number: string; issuedOn: string } | null;
  settings: {
    legalBasis: string | null;
    ordinanceLegalBasis: string | null;
    executionClause: string | null;
    entryIntoForceClause: string | null;
    /** The Act's consolidated text, „(Dz. U. z 2024 r. poz. 1465, z późn. zm.)” (setting act.MUNICIPAL_SELF_GOVERNMENT). */
    actCitation: string | null;
    /** The medal's rules resolution, „uchwała nr C/2603/18 …” (setting rules.CRACOVIAE_MERENTI). */
    medalRules: string | null;
  };
  mayor: { fullName: string; titleLine: string } | null;
  content: DraftContent;
};

export type MissingDatum = { message: string; href: string };

/** What a candidate lacks to be named in a draft; `named` adds the name (drafts of several). */
export function missingForCandidate(c: DraftCandidate, named = false): MissingDatum[] {
  const out: MissingDatum[] = [];
  const who = named ? ` (${c.nameNominative})` : "";
  const href = `/candidates/${c.id}/edit`;
  if (!c.nameGenitive || !c.nameDative) {
    out.push({ message: `Brak form nazwy kandydata w dopełniaczu i celowniku${who}.`, href });
  } else if (!c.nameFormsConfirmed) {
    out.push({ message: `Formy nazwy kandydata (dopełniacz, celownik) nie są potwierdzone${who}.`, href });
  }
  if (c.kind === "PERSON" && !c.gender) out.push({ message: `Brak rodzaju gramatycznego kandydata${who}.`, href });
  return out;
}

/** What stops a draft from being generated, each with where to fill it in. */
export function missingForDraft(
  i: Omit<DraftInputs, "content" | "nominators" | "nominatorKinds" | "resolution" | "ordinance" | "others"> & { others?: DraftCandidate[] },
): MissingDatum[] {
  const out: MissingDatum[] = [];
  const several = (i.others ?? []).length > 0;
  for (const c of [i.candidate, ...(i.others ?? [])]) out.push(...missingForCandidate(c, several));
  if (i.honour === "CRACOVIAE_MERENTI" && !i.medalClass) out.push({ message: "Brak klasy medalu.", href: "" });
  const settingHref = (key: string) => `/admin/settings#${key}`;
  if (!i.settings.legalBasis)
    out.push({ message: "Brak podstawy prawnej uchwały obowiązującej w dniu projektu.", href: settingHref(`legalBasis.${i.honour}`) });
  out.push(...missingForLegalBasis(i.settings.legalBasis, i.settings));
  out.push(...missingForLegalBasis(i.settings.ordinanceLegalBasis, i.settings));
  if (!i.settings.ordinanceLegalBasis) out.push({ message: "Brak podstawy prawnej zarządzenia Prezydenta.", href: settingHref("legalBasis.ORDINANCE") });
  if (!i.settings.executionClause) out.push({ message: "Brak klauzuli wykonawczej uchwały.", href: settingHref("clause.execution") });
  if (!i.settings.entryIntoForceClause) out.push({ message: "Brak klauzuli o wejściu uchwały w życie.", href: settingHref("clause.entryIntoForce") });
  if (!i.mayor) out.push({ message: "Brak Prezydenta Miasta (sygnatariusza) na dzień projektu.", href: "/admin/settings#signatory-MAYOR" });
  return out;
}

const MEDAL_FORMS: Record<MedalClass, { nominative: string; genitive: string; accusative: string; genitivePlural: string; accusativePlural: string }> = {
  GOLD: {
    nominative: "Złoty Medal",
    genitive: "Złotego Medalu",
    accusative: "Złoty Medal",
    genitivePlural: "Złotych Medali",
    accusativePlural: "Złote Medale",
  },
  SILVER: {
    nominative: "Srebrny Medal",
    genitive: "Srebrnego Medalu",
    accusative: "Srebrny Medal",
    genitivePlural: "Srebrnych Medali",
    accusativePlural: "Srebrne Medale",
  },
  BRONZE: {
    nominative: "Brązowy Medal",
    genitive: "Brązowego Medalu",
    accusative: "Brązowy Medal",
    genitivePlural: "Brązowych Medali",
    accusativePlural: "Brązowe Medale",
  },
};

function dativeFullOf(c: DraftCandidate): string {
  return dativeFull(c.address, c.nameDative);
}

/**
 * The legal-basis sentence with its placeholders filled: {ustawa} → the Act's consolidated-text
 * citation, {regulamin} → the medal's rules resolution in the genitive („uchwały nr …”). A value
 * without placeholders is printed as it is.
 */
export function legalBasisText(sentence: string, settings: Pick<DraftInputs["settings"], "actCitation" | "medalRules">): string {
  const rules = (settings.medalRules ?? BLANK).replace(/^uchwała\b/, "uchwały");
  return sentence
    .replace(/\{ustawa\}/g, settings.actCitation ?? BLANK)
    .replace(/\{regulamin\}/g, rules)
    .replace(/\s+/g, " ");
}

/** What a legal-basis sentence needs that is missing: the settings its placeholders name. */
export function missingForLegalBasis(sentence: string | null, settings: Pick<DraftInputs["settings"], "actCitation" | "medalRules">): MissingDatum[] {
  const out: MissingDatum[] = [];
  if (sentence?.includes("{ustawa}") && !settings.actCitation)
    out.push({
      message: "Brak tekstu jednolitego ustawy o samorządzie gminnym (Dz. U.) na dzień projektu.",
      href: "/admin/settings#act.MUNICIPAL_SELF_GOVERNMENT",
    });
  if (sentence?.includes("{regulamin}") && !settings.medalRules)
    out.push({ message: "Brak uchwały w sprawie regulaminu Medalu „Cracoviae Merenti” na dzień projektu.", href: "/admin/settings#rules.CRACOVIAE_MERENTI" });
  return out;
}

const BLANK = "……………";

/** The subject line "w sprawie …" shared by the three documents. */
export function draftSubject(i: Pick<DraftInputs, "honour" | "medalClass" | "candidate"> & { others?: DraftCandidate[] }): string {
  const all = [i.candidate, ...(i.others ?? [])];
  const medal = MEDAL_FORMS[i.medalClass ?? "BRONZE"];
  if (i.honour === "HONORARY_CITIZENSHIP") return `nadania tytułu ${honoraryCitizenTitleGenitive(i.candidate.gender)} ${dativeFullOf(i.candidate)}`;
  if (all.length > 1) return `przyznania ${medal.genitivePlural} „Cracoviae Merenti”`;
  return `przyznania ${medal.genitive} „Cracoviae Merenti” ${dativeFullOf(i.candidate)}`;
}

/** The default first paragraph of the justification: who moved the conferral. */
export function defaultMover(i: Pick<DraftInputs, "honour" | "medalClass" | "candidate" | "nominators">): string {
  if (i.honour === "CRACOVIAE_MERENTI") {
    return `Komisja Medalu „Cracoviae Merenti” pozytywnie zaopiniowała wniosek w sprawie ${draftSubject(i)}.`;
  }
  const who = i.nominators.length ? i.nominators.join(", ") : BLANK;
  return `Z wnioskiem w sprawie ${draftSubject(i)} wystąpił: ${who}.`;
}

/** Everything the templates print; names as the templates use them. */
export function templateData(i: DraftInputs) {
  const addressee = { kind: i.candidate.kind, gender: i.candidate.gender };
  const medal = MEDAL_FORMS[i.medalClass ?? "BRONZE"];
  const all = [i.candidate, ...i.others];
  const movedBy = moverOf(i);
  return {
    single: all.length === 1,
    moverLine: moverLine(movedBy, i.content.committee ?? ""),
    honorees: all.map((c) => ({ nominative: c.nameNominative, dativeFull: dativeFullOf(c) })),
    printNumber: i.content.printNumber || BLANK,
    resolution: {
      number: i.resolution?.number ?? BLANK,
      dateLine: i.resolution ? formatPolishDateWithDnia(i.resolution.adoptedOn) : `z dnia ${BLANK}`,
    },
    ordinance: {
      number: i.ordinance?.number ?? BLANK,
      dateLine: i.ordinance ? formatPolishDateWithDnia(i.ordinance.issuedOn) : `z dnia ${BLANK}`,
    },
    medal: { genitive: medal.genitive, accusative: medal.accusative, accusativePlural: medal.accusativePlural },
    honoree: {
      nominative: all.map((c) => c.nameNominative).join(", "),
      genitive: i.candidate.nameGenitive,
      dative: i.candidate.nameDative,
      dativeFull: dativeFullOf(i.candidate),
    },
    citizenTitle: honoraryCitizenTitle(i.candidate.gender),
    citizenTitleGenitive: honoraryCitizenTitleGenitive(i.candidate.gender),
    possessive: possessive(addressee),
    legalBasis: legalBasisText(i.settings.legalBasis ?? "", i.settings),
    ordinanceLegalBasis: legalBasisText(i.settings.ordinanceLegalBasis ?? "", i.settings),
    executionClause: i.settings.executionClause ?? "",
    entryIntoForceClause: i.settings.entryIntoForceClause ?? "",
    mayor: i.mayor ?? { fullName: "", titleLine: "" },
    subject: draftSubject(i),
    mover: i.content.mover,
    meritsParagraphs: i.content.merits
      .split(/\n\s*\n|\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

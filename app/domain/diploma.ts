// Diplomas (dyplomy): what a diploma needs before it can be printed, the data its templates
// (templates/diploma-*.hbs) receive, the fingerprint of that data (a change after confirmation
// makes the confirmation stale), the verification code and the public registry address.
// No Remix, no Prisma: app/models/diploma.server.ts gathers the inputs.
import { createHash, randomBytes } from "node:crypto";
import type { CandidateKind, Gender, Honour, MedalClass } from "./honours";
import { formatPolishDate, formatPolishDateWithDnia } from "./polish-dates";
import { dativeFull } from "./address-forms";
import { byGender, honoraryCitizenTitle, honorific, possessive } from "./polish-text";

export type MissingDatum = { message: string; href: string };

export type DiplomaSignatory = { fullName: string; titleLine: string };

export type DiplomaInputs = {
  conferralId: string;
  nominationId: string | null;
  honour: Honour;
  medalClass: MedalClass | null;
  number: number | null;
  candidate: {
    id: string;
    kind: CandidateKind;
    gender: Gender | null;
    nameNominative: string;
    nameDative: string;
    /** The confirmed form of address in the dative („Profesorowi”); absent: „Panu” / „Pani”. */
    address?: string;
    /** Dative appositions after the name in the dedication („mężowi stanu, …”). */
    apposition?: string;
    nameFormsConfirmed: boolean;
  };
  /** The conferring act: the Council resolution, or (Honoris Gratia) the Mayor's decision. */
  act: { kind: "RESOLUTION" | "ORDINANCE"; number: string; date: string } | null;
  /**
   * The date printed on the diploma: the hand-over date, else the date of the ceremony it is
   * planned for; null when neither is known (the diploma asks for it, see missingForDiploma).
   */
  date: string | null;
  mayor: DiplomaSignatory | null;
  councilChair: DiplomaSignatory | null;
};

/** Which template prints a diploma of an honour. */
export function diplomaTemplateFile(honour: Honour): string {
  return {
    CRACOVIAE_MERENTI: "diploma-cracoviae-merenti.hbs",
    HONORARY_CITIZENSHIP: "diploma-honorary-citizenship.hbs",
    HONORIS_GRATIA: "diploma-honoris-gratia.hbs",
  }[honour];
}

/** Council honours are signed by the Council Chair and the Mayor; Honoris Gratia by the Mayor. */
export function isCouncilHonour(honour: Honour): boolean {
  return honour !== "HONORIS_GRATIA";
}

/** What stops a diploma from being printed, each with where to fill it in. */
export function missingForDiploma(i: DiplomaInputs): MissingDatum[] {
  const out: MissingDatum[] = [];
  const nomination = i.nominationId ? `/nominations/${i.nominationId}` : "";
  if (!i.act) {
    out.push({
      message: isCouncilHonour(i.honour)
        ? "Wyróżnienie nie zostało jeszcze nadane: brak uchwały Rady Miasta Krakowa."
        : "Odznaka nie została jeszcze przyznana: brak decyzji Prezydenta Miasta Krakowa.",
      href: nomination,
    });
  }
  if (i.honour === "CRACOVIAE_MERENTI" && !i.medalClass) out.push({ message: "Brak klasy medalu.", href: nomination });
  if (i.honour === "CRACOVIAE_MERENTI" && i.number === null) out.push({ message: "Medal nie ma jeszcze numeru.", href: nomination });
  const candidateHref = `/candidates/${i.candidate.id}/edit`;
  const holder = byGender(i.candidate, "laureata", "laureatki");
  if (!i.candidate.nameDative) out.push({ message: `Brak formy nazwy ${holder} w celowniku.`, href: candidateHref });
  else if (!i.candidate.nameFormsConfirmed) out.push({ message: `Formy nazwy ${holder} (dopełniacz, celownik) nie są potwierdzone.`, href: candidateHref });
  if (i.candidate.kind === "PERSON" && !i.candidate.gender) out.push({ message: "Brak rodzaju gramatycznego (Pan / Pani).", href: candidateHref });
  if (!i.date) {
    out.push({
      message: "Brak daty dyplomu: dyplom nosi datę wręczenia. Zaplanuj wręczenie na uroczystości albo zapisz datę wręczenia.",
      href: isCouncilHonour(i.honour) ? "/ceremonies" : "/hg/handover",
    });
    return out;
  }
  const date = formatPolishDate(i.date);
  if (isCouncilHonour(i.honour) && !i.councilChair) {
    out.push({
      message: `Brak Przewodniczącego Rady Miasta Krakowa (sygnatariusza) na dzień dyplomu (${date}).`,
      href: "/admin/settings#signatory-COUNCIL_CHAIR",
    });
  }
  if (!i.mayor) out.push({ message: `Brak Prezydenta Miasta Krakowa (sygnatariusza) na dzień dyplomu (${date}).`, href: "/admin/settings#signatory-MAYOR" });
  return out;
}

const MEDAL_NOMINATIVE: Record<MedalClass, string> = { GOLD: "Złoty Medal", SILVER: "Srebrny Medal", BRONZE: "Brązowy Medal" };

/** „Srebrny Medal „Cracoviae Merenti” nr 12”, „tytuł Honorowej Obywatelki…”, „Odznaka „Honoris Gratia” nr 5”. */
export function honourLine(i: Pick<DiplomaInputs, "honour" | "medalClass" | "number" | "candidate">): string {
  const nr = i.number !== null ? ` nr ${i.number}` : "";
  if (i.honour === "CRACOVIAE_MERENTI") return `${MEDAL_NOMINATIVE[i.medalClass ?? "BRONZE"]} „Cracoviae Merenti”${nr}`;
  if (i.honour === "HONORIS_GRATIA") return `Odznaka „Honoris Gratia”${nr}`;
  return honoraryCitizenTitle(i.candidate.gender);
}

/**
 * The honour as the diploma's heading, one entry per line: the class for a medal, no number
 * (the sentence below gives it).
 */
export function diplomaHeading(i: Pick<DiplomaInputs, "honour" | "medalClass">): string[] {
  if (i.honour === "CRACOVIAE_MERENTI") return [`${MEDAL_NOMINATIVE[i.medalClass ?? "BRONZE"]} „Cracoviae Merenti”`];
  if (i.honour === "HONORIS_GRATIA") return ["Odznaka Honorowa „Honoris Gratia”"];
  return ["Honorowe Obywatelstwo", "Stołecznego Królewskiego Miasta Krakowa"];
}

/** What the conferring body gave, in the accusative after „przyznała” / „przyznaje”. */
function honourObject(i: Pick<DiplomaInputs, "honour" | "medalClass" | "number" | "candidate">): string {
  // The badge's full name, as the Mayor's decision names it; a medal's nominative is its accusative.
  if (i.honour === "HONORIS_GRATIA") return `Odznakę Honorową „Honoris Gratia”${i.number !== null ? ` nr ${i.number}` : ""}`;
  return honourLine(i);
}

/** Everything the diploma templates print; names as the templates use them. */
export function diplomaTemplateData(i: DiplomaInputs, code: { verificationCode: string; publicUrl: string }) {
  const addressee = { kind: i.candidate.kind, gender: i.candidate.gender };
  const person = i.candidate.kind === "PERSON";
  const city = "Stołecznego Królewskiego Miasta Krakowa";
  const signatories = isCouncilHonour(i.honour) ? [i.councilChair, i.mayor] : [i.mayor];
  const act = i.act ?? { kind: "RESOLUTION", number: "……………", date: null };
  const actDate = act.date ? formatPolishDateWithDnia(act.date) : "z dnia ……………";
  return {
    person,
    feminine: i.candidate.gender === "FEMININE",
    honourLine: honourLine(i),
    honourObject: honourObject(i),
    heading: diplomaHeading(i),
    honourTitle: { CRACOVIAE_MERENTI: "Medal „Cracoviae Merenti”", HONORARY_CITIZENSHIP: "Honorowe Obywatelstwo", HONORIS_GRATIA: "Odznaka „Honoris Gratia”" }[
      i.honour
    ],
    conferringBody: isCouncilHonour(i.honour) ? "Rada Miasta Krakowa" : "Prezydent Miasta Krakowa",
    // The body is named once, above: the act line gives only its number and date.
    actLine: act.kind === "RESOLUTION" ? `uchwałą nr ${act.number} ${actDate}` : `zarządzeniem nr ${act.number} ${actDate}`,
    honoree: {
      nominative: i.candidate.nameNominative,
      dativeFull: dativeFull(i.candidate.address ?? honorific(addressee, "dative"), i.candidate.nameDative),
      apposition: i.candidate.apposition ?? "",
    },
    citizenTitle: honoraryCitizenTitle(i.candidate.gender),
    dedication: person ? `w dowód uznania ${possessive(addressee)} szczególnych zasług dla ${city}` : `w dowód uznania szczególnych zasług dla ${city}`,
    placeAndDate: `Kraków, ${i.date ? formatPolishDate(i.date) : "……………"}`,
    signatories: signatories.map((s) => s ?? { fullName: "……………", titleLine: "……………" }),
    verificationCode: code.verificationCode,
    publicUrl: code.publicUrl,
  };
}
export type DiplomaTemplateData = ReturnType<typeof diplomaTemplateData>;

/**
 * A fingerprint of everything the diploma's text depends on: the name forms and gender, the
 * honour, class and number, the act, the date and the signatories (and the template). A change
 * to any of them gives another hash, so an earlier confirmation no longer matches.
 */
export function diplomaSourceHash(i: DiplomaInputs): string {
  const source = {
    template: diplomaTemplateFile(i.honour),
    honour: i.honour,
    medalClass: i.medalClass,
    number: i.number,
    candidate: {
      kind: i.candidate.kind,
      gender: i.candidate.gender,
      nominative: i.candidate.nameNominative,
      dative: i.candidate.nameDative,
      address: i.candidate.address ?? null,
      apposition: i.candidate.apposition ?? null,
    },
    act: i.act,
    date: i.date,
    mayor: i.mayor,
    councilChair: isCouncilHonour(i.honour) ? i.councilChair : null,
  };
  return createHash("sha256").update(JSON.stringify(source)).digest("hex");
}

type Confirmation = { confirmedHash: string | null; sourceHash: string };

/** A confirmation that no longer matches the text (the data changed since). */
export function isStale(d: Confirmation): boolean {
  return d.confirmedHash !== null && d.confirmedHash !== d.sourceHash;
}

/** Confirmed, and the confirmation matches the current text. */
export function isConfirmed(d: Confirmation): boolean {
  return d.confirmedHash !== null && d.confirmedHash === d.sourceHash;
}

/** No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken. 32 letters: unbiased. */
export const VERIFICATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const VERIFICATION_CODE_LENGTH = 8;

/** A new random verification code, e.g. "K7QX2MHD". */
export function newVerificationCode(random: (n: number) => Uint8Array = randomBytes): string {
  const out: string[] = [];
  // Rejection sampling keeps every letter equally likely whatever the alphabet's length.
  const limit = 256 - (256 % VERIFICATION_ALPHABET.length);
  while (out.length < VERIFICATION_CODE_LENGTH) {
    for (const b of random(VERIFICATION_CODE_LENGTH * 2)) {
      if (b < limit && out.length < VERIFICATION_CODE_LENGTH) out.push(VERIFICATION_ALPHABET[b % VERIFICATION_ALPHABET.length]!);
    }
  }
  return out.join("");
}

export function isVerificationCode(code: string): boolean {
  return code.length === VERIFICATION_CODE_LENGTH && [...code].every((c) => VERIFICATION_ALPHABET.includes(c));
}

/**
 * A verification code typed into the public registry's search box, as printed or read aloud
 * ("K7QX-2MHD", "k7qx 2mhd", "K7QX2MHD"); undefined when the input cannot be one.
 */
export function verificationCodeOf(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return isVerificationCode(code) ? code : undefined;
}

/** The public registry page of a conferral, printed on the diploma and in its QR code. */
export function publicRegistryUrl(baseUrl: string, publicId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/rejestr/${encodeURIComponent(publicId)}`;
}

export const REPRINT_REASONS = ["SPOILED", "MISSPELT", "LOST", "OTHER"] as const;
export type ReprintReason = (typeof REPRINT_REASONS)[number];
export const REPRINT_REASON_LABEL: Record<ReprintReason, string> = {
  SPOILED: "zniszczony lub źle wydrukowany egzemplarz",
  MISSPELT: "błąd w tekście (poprawiony)",
  LOST: "zagubiony egzemplarz",
  OTHER: "inny powód (opisz)",
};

/** The reason stored with a print: the code, or for OTHER the text; "" when none was given. */
export function reprintReasonText(reason: string | undefined, text: string | undefined): string {
  if (!reason) return "";
  if (reason === "OTHER") return (text ?? "").trim();
  return (REPRINT_REASONS as readonly string[]).includes(reason) ? reason : "";
}

export function reprintReasonLabel(stored: string): string {
  return (REPRINT_REASON_LABEL as Record<string, string>)[stored] ?? stored;
}

/** The PDF file name of a diploma, e.g. „dyplom-Bolesław-Żółkiewski-K7QX2MHD.pdf”. */
export function diplomaFileName(nominative: string, code: string): string {
  const safe = nominative.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
  return `dyplom-${safe}-${code}.pdf`;
}

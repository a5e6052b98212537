// Eligibility of a conferral: the one function the intake, the importer, the workflow, the draft
// and the adoption all ask, with one set of rule data, so they cannot disagree. Each finding
// warns (the user may continue, knowingly) or refuses (the rules do not allow it), always with
// the reason in Polish.
import type { CandidateKind, Honour, MedalClass } from "./honours";
import { honoraryCitizenshipRound } from "./deadlines";
import { formatPolishDate } from "./polish-dates";

export type Finding = { level: "warn" | "refuse"; code: string; message: string };

/** A date a rule starts from, with the act or source that says so (DOMAIN.md). */
export type DatedRule = { from: string; source: string };

/**
 * The honours' dates as rule data. Sources: the Medal's founding resolution LIV/370/92 and its
 * amendments (bronze class since 1998; gold for institutions only since 1997), and the Mayor's
 * ordinance no. 1640/2005 establishing Honoris Gratia.
 */
export const HONOUR_RULES = {
  /** The first day an act may confer the honour. */
  honourExistsFrom: {
    CRACOVIAE_MERENTI: { from: "1992-06-12", source: "uchwała nr LIV/370/92 Rady Miasta Krakowa z 12 czerwca 1992 r. ustanawiająca Medal" },
    HONORIS_GRATIA: { from: "2005-09-17", source: "zarządzenie nr 1640/2005 Prezydenta Miasta Krakowa z 17 września 2005 r. ustanawiające Odznakę" },
  } as Partial<Record<Honour, DatedRule>>,
  /** The first day an act may confer the medal class (the bronze class was added in 1998). */
  medalClassExistsFrom: {
    BRONZE: { from: "1998-01-01", source: "zmiana regulaminu Medalu z 1998 r. wprowadzająca klasę brązową" },
  } as Partial<Record<MedalClass, DatedRule>>,
  /** From this day the gold medal goes to institutions and organisations only. */
  goldForInstitutionsOnlyFrom: {
    from: "1997-01-01",
    source: "zmiana regulaminu Medalu z 1997 r. (jedynym złotym medalem dla osoby pozostaje medal Jana Pawła II z 1993 r.)",
  },
} as const;

export type EligibilityInput = {
  honour: Honour;
  medalClass: MedalClass | null;
  candidate: { kind: CandidateKind; deceased: boolean };
  /** Honours the candidate already holds (conferred), and other open nominations. */
  heldHonours: { honour: Honour; medalClass: MedalClass | null }[];
  openNominations: { honour: Honour }[];
  /** The nomination's received date; null for imported history, which has no nomination. */
  receivedDate: string | null;
  /** The act conferring the honour (the resolution's adoption, the Mayor's decision), once known. */
  actDate: string | null;
  /** The Mayor's ordinance forwarding the draft to the Council, once known. */
  forwardedOn?: string | null;
  handedOverOn?: string | null;
};

/** Settings the sources leave open (DOMAIN.md): both default to a warning. */
export type EligibilityPolicy = { posthumousCracoviaeMerenti: "warn" | "refuse" };

const CLASS_RANK: Record<MedalClass, number> = { BRONZE: 1, SILVER: 2, GOLD: 3 };
const CLASS_ADJECTIVE: Record<MedalClass, string> = { GOLD: "Złoty", SILVER: "Srebrny", BRONZE: "Brązowy" };
const HONOUR_NAME: Record<Honour, string> = {
  CRACOVIAE_MERENTI: "Medal „Cracoviae Merenti”",
  HONORARY_CITIZENSHIP: "Honorowe Obywatelstwo",
  HONORIS_GRATIA: "Odznakę „Honoris Gratia”",
};

const pl = formatPolishDate;

/** The act's name in a message: the Council's resolution or the Mayor's decision. */
const actName = (honour: Honour) => (honour === "HONORIS_GRATIA" ? "Decyzja Prezydenta" : "Uchwała");
const actNameInSentence = (honour: Honour) => (honour === "HONORIS_GRATIA" ? "decyzja Prezydenta" : "uchwała");

/** Codes of the chronology findings: the order of the case's own dates. */
export const CHRONOLOGY_CODES = ["act-before-received", "forwarded-before-received", "act-before-forwarded", "act-after-handover"] as const;

export function checkEligibility(input: EligibilityInput, policy: EligibilityPolicy = { posthumousCracoviaeMerenti: "warn" }): Finding[] {
  const out: Finding[] = [];
  const { honour, candidate, actDate } = input;

  out.push(...checkChronology(input));

  // The act cannot precede the nomination: until it is known, the received date is its earliest day.
  const earliestActDate = actDate ?? input.receivedDate;
  const exists = HONOUR_RULES.honourExistsFrom[honour];
  if (exists && actDate && actDate < exists.from) {
    out.push({
      level: "refuse",
      code: "honour-not-yet-established",
      message: `${HONOUR_NAME[honour]} nadaje się od ${pl(exists.from)} (${exists.source}); ${actNameInSentence(honour)} z ${pl(actDate)} jest wcześniejsza.`,
    });
  }

  if (honour === "CRACOVIAE_MERENTI") {
    const classFrom = input.medalClass ? HONOUR_RULES.medalClassExistsFrom[input.medalClass] : undefined;
    if (classFrom && actDate && actDate < classFrom.from) {
      out.push({
        level: "refuse",
        code: "class-not-yet-established",
        message: `${CLASS_ADJECTIVE[input.medalClass!]} Medal „Cracoviae Merenti” nadaje się od ${pl(classFrom.from)} (${classFrom.source}); uchwała z ${pl(actDate)} jest wcześniejsza.`,
      });
    }
    const goldRule = HONOUR_RULES.goldForInstitutionsOnlyFrom;
    if (input.medalClass === "GOLD" && candidate.kind === "PERSON" && earliestActDate && earliestActDate >= goldRule.from) {
      out.push({
        level: "refuse",
        code: "gold-for-person",
        message: `Od 1997 r. złoty medal przyznaje się wyłącznie instytucjom i organizacjom (jedynym wyjątkiem jest medal dla Jana Pawła II z 1993 r.); ${
          actDate ? `uchwała z ${pl(actDate)}` : `wniosek z ${pl(earliestActDate)}`
        } podlega tej zasadzie. Wybierz klasę srebrną lub brązową.`,
      });
    }
    if (candidate.deceased) {
      out.push({
        level: policy.posthumousCracoviaeMerenti,
        code: "posthumous",
        message: "Kandydat nie żyje: regulamin nie rozstrzyga jednoznacznie, czy medal można nadać pośmiertnie.",
      });
    }
    const held = input.heldHonours.filter((h) => h.honour === "CRACOVIAE_MERENTI");
    for (const h of held) {
      const same = h.medalClass === input.medalClass;
      const higherNow = h.medalClass && input.medalClass && CLASS_RANK[input.medalClass] > CLASS_RANK[h.medalClass];
      out.push({
        level: "warn",
        code: same ? "already-held" : higherNow ? "higher-class" : "already-held-other-class",
        message: same
          ? "Kandydat ma już medal tej klasy."
          : higherNow
            ? "Kandydat ma już medal niższej klasy: regulamin nie rozstrzyga, czy można nadać wyższą klasę."
            : "Kandydat ma już Medal „Cracoviae Merenti” innej klasy.",
      });
    }
  }

  if (honour === "HONORARY_CITIZENSHIP") {
    if (candidate.kind === "ORGANIZATION") {
      out.push({ level: "refuse", code: "hc-organization", message: "Honorowe Obywatelstwo nadaje się wyłącznie osobom, nie instytucjom." });
    }
    if (candidate.deceased) {
      out.push({ level: "refuse", code: "hc-deceased", message: "Honorowe Obywatelstwo nadaje się wyłącznie osobom żyjącym." });
    }
    if (input.heldHonours.some((h) => h.honour === "HONORARY_CITIZENSHIP")) {
      out.push({ level: "refuse", code: "hc-already-held", message: "Kandydat jest już Honorowym Obywatelem Krakowa." });
    }
    const round = input.receivedDate ? honoraryCitizenshipRound(input.receivedDate) : null;
    if (round?.late) {
      out.push({
        level: "warn",
        code: "hc-late",
        message: `Wniosek wpłynął po 31 marca: zostanie rozpatrzony w naborze ${round.year} r., chyba że wskażesz powód rozpatrzenia w bieżącym roku.`,
      });
    }
  }

  if (honour === "HONORIS_GRATIA" && input.heldHonours.some((h) => h.honour === "HONORIS_GRATIA")) {
    out.push({ level: "warn", code: "hg-already-held", message: "Kandydat ma już Odznakę „Honoris Gratia”." });
  }

  if (input.openNominations.some((n) => n.honour === honour)) {
    out.push({ level: "warn", code: "open-nomination", message: "Dla tego kandydata jest już otwarty wniosek o to samo wyróżnienie." });
  }
  return out;
}

/** The case's own dates in order: received, forwarded, the act, the hand-over. Each break refuses, naming both dates. */
function checkChronology(input: EligibilityInput): Finding[] {
  const out: Finding[] = [];
  const { receivedDate: received, forwardedOn: forwarded, actDate: act, handedOverOn: handedOver } = input;
  const what = actName(input.honour);
  if (act && received && act < received) {
    out.push({
      level: "refuse",
      code: "act-before-received",
      message: `${what} z ${pl(act)} nie może być wcześniejsza niż wpływ wniosku (${pl(received)}).`,
    });
  }
  if (forwarded && received && forwarded < received) {
    out.push({
      level: "refuse",
      code: "forwarded-before-received",
      message: `Zarządzenie przekazujące projekt z ${pl(forwarded)} nie może być wcześniejsze niż wpływ wniosku (${pl(received)}).`,
    });
  }
  if (act && forwarded && act < forwarded) {
    out.push({
      level: "refuse",
      code: "act-before-forwarded",
      message: `${what} z ${pl(act)} nie może być wcześniejsza niż przekazanie projektu Radzie (zarządzenie z ${pl(forwarded)}).`,
    });
  }
  if (act && handedOver && act > handedOver) {
    out.push({
      level: "refuse",
      code: "act-after-handover",
      message: `${what} z ${pl(act)} nie może być późniejsza niż wręczenie (${pl(handedOver)}): wręcza się wyróżnienie już nadane.`,
    });
  }
  return out;
}

/** The refusals among the findings as one message, or null when the rules allow the step. */
export function refusalMessage(findings: readonly Finding[]): string | null {
  const refusals = findings.filter((f) => f.level === "refuse");
  return refusals.length ? refusals.map((f) => f.message).join(" ") : null;
}

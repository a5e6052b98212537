// Eligibility checks of a nomination. Each finding warns (the user may continue, knowingly) or
// refuses (the rules do not allow it), always with the reason in Polish.
import type { CandidateKind, Honour, MedalClass } from "./honours";
import { honoraryCitizenshipRound } from "./deadlines";

export type Finding = { level: "warn" | "refuse"; code: string; message: string };

export type EligibilityInput = {
  honour: Honour;
  medalClass: MedalClass | null;
  receivedDate: string;
  candidate: { kind: CandidateKind; deceased: boolean };
  /** Honours the candidate already holds (conferred), and other open nominations. */
  heldHonours: { honour: Honour; medalClass: MedalClass | null }[];
  openNominations: { honour: Honour }[];
};

/** Settings the sources leave open (DOMAIN.md): both default to a warning. */
export type EligibilityPolicy = { posthumousCracoviaeMerenti: "warn" | "refuse" };

const CLASS_RANK: Record<MedalClass, number> = { BRONZE: 1, SILVER: 2, GOLD: 3 };

export function checkEligibility(input: EligibilityInput, policy: EligibilityPolicy = { posthumousCracoviaeMerenti: "warn" }): Finding[] {
  const out: Finding[] = [];
  const { honour, candidate } = input;

  if (honour === "CRACOVIAE_MERENTI") {
    if (input.medalClass === "GOLD" && candidate.kind === "PERSON" && input.receivedDate >= "1997-01-01") {
      out.push({
        level: "warn",
        code: "gold-for-person",
        message: "Od 1997 r. złoty medal przyznaje się wyłącznie instytucjom i organizacjom (jedynym wyjątkiem jest medal dla Jana Pawła II z 1993 r.).",
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
    const round = honoraryCitizenshipRound(input.receivedDate);
    if (round.late) {
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

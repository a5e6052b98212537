// The vocabulary of the three honours: codes (English, stable) and their Polish labels.
import { z } from "zod";

export const HONOURS = ["CRACOVIAE_MERENTI", "HONORARY_CITIZENSHIP", "HONORIS_GRATIA"] as const;
export const Honour = z.enum(HONOURS);
export type Honour = z.infer<typeof Honour>;

export const HONOUR_LABEL: Record<Honour, string> = {
  CRACOVIAE_MERENTI: "Medal „Cracoviae Merenti”",
  HONORARY_CITIZENSHIP: "Honorowe Obywatelstwo",
  HONORIS_GRATIA: "Odznaka „Honoris Gratia”",
};

export const HONOUR_SHORT_LABEL: Record<Honour, string> = {
  CRACOVIAE_MERENTI: "Cracoviae Merenti",
  HONORARY_CITIZENSHIP: "Honorowe Obywatelstwo",
  HONORIS_GRATIA: "Honoris Gratia",
};

export const MEDAL_CLASSES = ["GOLD", "SILVER", "BRONZE"] as const;
export const MedalClass = z.enum(MEDAL_CLASSES);
export type MedalClass = z.infer<typeof MedalClass>;

export const MEDAL_CLASS_LABEL: Record<MedalClass, string> = {
  GOLD: "złoty",
  SILVER: "srebrny",
  BRONZE: "brązowy",
};

export const CANDIDATE_KINDS = ["PERSON", "ORGANIZATION"] as const;
export const CandidateKind = z.enum(CANDIDATE_KINDS);
export type CandidateKind = z.infer<typeof CandidateKind>;

export const CANDIDATE_KIND_LABEL: Record<CandidateKind, string> = {
  PERSON: "osoba",
  ORGANIZATION: "instytucja / organizacja",
};

export const GENDERS = ["MASCULINE", "FEMININE"] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

export const GENDER_LABEL: Record<Gender, string> = {
  MASCULINE: "męski",
  FEMININE: "żeński",
};

export const NOMINATOR_KINDS = ["PERSON", "ORGANIZATION", "MAYOR", "COUNCIL_CHAIR", "COUNCILLORS", "RESIDENTS", "MEDAL_COMMISSION"] as const;
export const NominatorKind = z.enum(NOMINATOR_KINDS);
export type NominatorKind = z.infer<typeof NominatorKind>;

export const NOMINATOR_KIND_LABEL: Record<NominatorKind, string> = {
  PERSON: "osoba",
  ORGANIZATION: "instytucja / organizacja",
  MAYOR: "Prezydent Miasta Krakowa",
  COUNCIL_CHAIR: "Przewodniczący Rady Miasta Krakowa",
  COUNCILLORS: "grupa radnych",
  RESIDENTS: "grupa mieszkańców",
  MEDAL_COMMISSION: "Komisja Medalu",
};

/** The number series of a conferral: one running number per series, for all time. */
export function numberSeriesOf(honour: Honour, medalClass: MedalClass | null): string | null {
  if (honour === "CRACOVIAE_MERENTI") return medalClass ? `CM_${medalClass}` : null;
  if (honour === "HONORIS_GRATIA") return "HG";
  return null;
}

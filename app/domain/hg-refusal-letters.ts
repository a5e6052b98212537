// Letters to the applicants of refused Honoris Gratia applications: which refusals a letter
// covers (one letter per applicant and decision date, as the grant letters), what it says about
// the reason, and the forms that choose the refusals (the period filter and the selection to print).
import { z } from "zod";
import { byApplicant, type LetterApplication } from "./hg-letters";
import { IsoDate, isValidIsoDate } from "./polish-dates";
import "./zod-polish";

/** A refused Honoris Gratia nomination, with what its letter prints. */
export type RefusedNomination = {
  id: string;
  candidateName: string;
  /** The refusal reason recorded with the Mayor's decision ("" when none was recorded). */
  reason: string;
  /** The date of the Mayor's decision, from the refusal's audit event (null when not recorded). */
  refusedOn: string | null;
  caseReference: string;
  application: LetterApplication | null;
};

export type RefusalLetter = {
  /** The applicant's applications the letter answers (the first one's name and address head it). */
  applications: LetterApplication[];
  applicantName: string;
  /** The applications' case references, or the first nomination's when they have none. */
  caseReference: string;
  /** The decision date when every refusal in the letter has the same one (null when none was recorded). */
  decisionDate: string | null;
  candidates: { name: string; reason: string }[];
  /** The reason when every refusal in the letter has the same one ("" = none recorded); null when they differ. */
  sharedReason: string | null;
};

/**
 * One letter per applicant and decision date (an applicant may have sent several applications,
 * each proposing several laureates), applicants in Polish alphabetical order; refusals without a
 * registered application have nobody to write to.
 */
export function refusalLetters(rows: readonly RefusedNomination[]): { letters: RefusalLetter[]; unaddressed: RefusedNomination[] } {
  const unaddressed = rows.filter((r) => !r.application);
  const byDecision = new Map<string, RefusedNomination[]>();
  for (const row of rows) byDecision.set(row.refusedOn ?? "", [...(byDecision.get(row.refusedOn ?? "") ?? []), row]);
  const letters = [...byDecision.values()].flatMap((decided) =>
    byApplicant(decided, (r) => r.application).map(({ applications, items: group }): RefusalLetter => {
      const reasons = new Set(group.map((r) => r.reason.trim()));
      return {
        applications,
        applicantName: applications[0]!.applicantName,
        caseReference: applications.map((a) => a.caseReference).find(Boolean) || group.find((r) => r.caseReference)?.caseReference || "",
        decisionDate: group[0]!.refusedOn,
        candidates: group.map((r) => ({ name: r.candidateName, reason: r.reason.trim() })),
        sharedReason: reasons.size === 1 ? [...reasons][0]! : null,
      };
    }),
  );
  letters.sort(
    (a, b) =>
      a.applicantName.localeCompare(b.applicantName, "pl") ||
      (a.decisionDate ?? "").localeCompare(b.decisionDate ?? "") ||
      a.applications[0]!.receivedDate.localeCompare(b.applications[0]!.receivedDate) ||
      a.applications[0]!.id.localeCompare(b.applications[0]!.id),
  );
  return { letters, unaddressed };
}

const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), IsoDate.optional());

/** The refusals' page filter: the period of the Mayor's decisions. */
export const RefusalPeriod = z.object({ from: optionalDate, to: optionalDate }).superRefine((p, ctx) => {
  if (p.from && p.to && isValidIsoDate(p.from) && isValidIsoDate(p.to) && p.from > p.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "Koniec okresu nie może być przed jego początkiem." });
  }
});
export type RefusalPeriod = z.output<typeof RefusalPeriod>;

export const LETTER_FORMATS = ["pdf", "docx"] as const;

/** The form that prints the letters: the refusals chosen (or all of the period), the letters' date and the format. */
export const refusalLettersSchema = z
  .object({
    from: optionalDate,
    to: optionalDate,
    ids: z
      .array(z.string().min(1).max(100))
      .max(5000)
      .optional()
      .transform((v) => v ?? []),
    allInPeriod: z
      .boolean()
      .optional()
      .transform((v) => v ?? false),
    letterDate: IsoDate,
    format: z.enum(LETTER_FORMATS, { error: "Wybierz format: PDF albo DOCX." }),
  })
  .superRefine((f, ctx) => {
    if (!f.allInPeriod && f.ids.length === 0) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "Zaznacz co najmniej jedną odmowę albo wszystkie z wybranego okresu." });
    }
  });
export type RefusalLettersInput = z.output<typeof refusalLettersSchema>;

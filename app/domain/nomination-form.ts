// The nomination form: one zod schema used by the page (conform) and the server action.
import { z } from "zod";
import { BirthYear, optionalLine, optionalText, requiredText, RecordVersion } from "./form-fields";
import "./zod-polish";
import { CandidateKind, Gender, Honour, MedalClass, NominatorKind } from "./honours";
import { IsoDate, isValidIsoDate } from "./polish-dates";

export const NominatorInput = z.object({
  kind: z.enum(NominatorKind.options, { error: "Wybierz rodzaj wnioskodawcy." }).default("PERSON"),
  name: requiredText({ max: 300 }, "Podaj wnioskodawcę."),
  contact: optionalLine(300, "Najwyżej 300 znaków."),
});

// Cross-field checks run even when a field already failed, so the user sees every error at once.
const ALWAYS = { when: () => true };

export const CandidateInput = z
  .object({
    candidateKind: z.enum(CandidateKind.options, { error: "Wybierz, czy kandydat jest osobą, czy instytucją." }),
    givenNames: optionalLine(200, "Najwyżej 200 znaków."),
    surname: optionalLine(200, "Najwyżej 200 znaków."),
    grammaticalGender: z.enum(Gender.options, { error: "Wybierz rodzaj gramatyczny." }).optional(),
    birthYear: BirthYear.optional(),
    birthDate: IsoDate.optional(),
    deceased: z
      .boolean()
      .optional()
      .transform((v) => v ?? false),
    title: optionalLine(200, "Najwyżej 200 znaków."),
    city: optionalLine(200, "Najwyżej 200 znaków."),
    organizationName: optionalLine(500, "Najwyżej 500 znaków."),
    shortName: optionalLine(200, "Najwyżej 200 znaków."),
  })
  .superRefine((c, ctx) => {
    if (c.candidateKind === "PERSON") {
      if (!c.givenNames) ctx.addIssue({ code: "custom", path: ["givenNames"], message: "Podaj imiona kandydata." });
      if (!c.surname) ctx.addIssue({ code: "custom", path: ["surname"], message: "Podaj nazwisko kandydata." });
      if (!c.grammaticalGender) {
        ctx.addIssue({
          code: "custom",
          path: ["grammaticalGender"],
          message: "Wybierz rodzaj gramatyczny (potrzebny do form „Pan/Pani”, „Jego/Jej”).",
        });
      }
      if (c.birthDate && isValidIsoDate(c.birthDate) && c.birthYear !== undefined && Number(c.birthDate.slice(0, 4)) !== c.birthYear) {
        ctx.addIssue({ code: "custom", path: ["birthYear"], message: "Rok urodzenia nie zgadza się z datą urodzenia." });
      }
    } else if (!c.organizationName) {
      ctx.addIssue({ code: "custom", path: ["organizationName"], message: "Podaj pełną nazwę instytucji." });
    }
  }, ALWAYS);
export type CandidateInput = z.infer<typeof CandidateInput>;

export const NominationFields = z.object({
  honour: z.enum(Honour.options, { error: "Wybierz wyróżnienie." }),
  requestedClass: z.enum(MedalClass.options, { error: "Wybierz klasę medalu." }).optional(),
  receivedDate: IsoDate,
  caseReference: optionalLine(100, "Znak sprawy może mieć najwyżej 100 znaków."),
  merits: optionalText(20000, "Opis zasług może mieć najwyżej 20 000 znaków."),
  attachments: optionalText(5000, "Lista załączników jest za długa."),
  nominators: z.array(NominatorInput, { error: "Podaj co najmniej jednego wnioskodawcę." }).min(1, "Podaj co najmniej jednego wnioskodawcę."),
});

function refineNomination(n: { honour?: Honour; requestedClass?: MedalClass | undefined; receivedDate?: string }, ctx: z.RefinementCtx, today: string) {
  if (n.honour === "CRACOVIAE_MERENTI" && !n.requestedClass) {
    ctx.addIssue({ code: "custom", path: ["requestedClass"], message: "Wybierz klasę medalu." });
  }
  if (n.honour !== "CRACOVIAE_MERENTI" && n.requestedClass) {
    ctx.addIssue({ code: "custom", path: ["requestedClass"], message: "Klasę wybiera się tylko dla Medalu „Cracoviae Merenti”." });
  }
  // Only a real date can be "in the future": "2024-13-01" already has its own message.
  if (n.receivedDate && isValidIsoDate(n.receivedDate) && n.receivedDate > today) {
    ctx.addIssue({ code: "custom", path: ["receivedDate"], message: "Data wpływu nie może być z przyszłości." });
  }
}

/**
 * Creating a nomination: a new candidate (fields), an existing one (candidateId, e.g. from the
 * candidate's page), or the user's answer to the possible-duplicates question (duplicateChoice:
 * an existing candidate's id, or "new" for "a different person, create a new candidate").
 */
export function createNominationSchema(today: string) {
  return z
    .object({
      ...NominationFields.shape,
      creationToken: z.string().min(8).max(100),
      candidateId: z.string().optional(),
      duplicateChoice: z.string().optional(),
      candidate: CandidateInput.optional(),
    })
    .superRefine(
      (n, ctx) => {
        refineNomination(n, ctx, today);
        if (!chosenCandidateId(n) && !n.candidate) {
          ctx.addIssue({ code: "custom", path: ["candidate", "candidateKind"], message: "Podaj dane kandydata." });
        }
      },
      { when: () => true },
    )
    .transform((n) => {
      const { duplicateChoice, ...rest } = n;
      const chosen = chosenCandidateId(n);
      return { ...rest, candidateId: chosen, confirmNewCandidate: duplicateChoice === "new", candidate: chosen ? undefined : n.candidate };
    });
}

function chosenCandidateId(n: { candidateId?: string; duplicateChoice?: string }): string | undefined {
  return n.candidateId ?? (n.duplicateChoice && n.duplicateChoice !== "new" ? n.duplicateChoice : undefined);
}
export type CreateNominationInput = z.output<ReturnType<typeof createNominationSchema>>;

/** Editing a nomination: its own fields, guarded by the version the user saw. */
export function editNominationSchema(today: string) {
  return z
    .object({
      ...NominationFields.shape,
      version: RecordVersion,
    })
    .superRefine((n, ctx) => refineNomination(n, ctx, today), ALWAYS);
}
export type EditNominationInput = z.output<ReturnType<typeof editNominationSchema>>;

export function attachmentNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Editing a candidate, with the name forms printed in documents (confirmed by a person). */
export const EditCandidateSchema = z
  .object({
    candidate: CandidateInput,
    nameNominative: optionalLine(500, "Najwyżej 500 znaków."),
    nameGenitive: optionalLine(500, "Najwyżej 500 znaków."),
    nameDative: optionalLine(500, "Najwyżej 500 znaków."),
    // Empty: documents print the suggested form of address (app/domain/address-forms.ts).
    addressDative: optionalText(100, "Najwyżej 100 znaków.").transform((v) => v || null),
    appositionDative: optionalText(1000, "Najwyżej 1000 znaków.").transform((v) => v || null),
    confirmNameForms: z
      .boolean()
      .optional()
      .transform((v) => v ?? false),
    version: RecordVersion,
  })
  .superRefine((c, ctx) => {
    if (c.confirmNameForms) {
      for (const key of ["nameNominative", "nameGenitive", "nameDative"] as const) {
        if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "Uzupełnij tę formę przed potwierdzeniem." });
      }
    }
  }, ALWAYS);
export type EditCandidateInput = z.output<typeof EditCandidateSchema>;

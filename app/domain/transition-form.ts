// What each step of the workflow asks for, and its zod schema (one per step, used by the
// step's form and its action). The step is named by its target status.
import { z } from "zod";
import { optionalText, RecordVersion } from "./form-fields";
import "./zod-polish";
import type { Honour } from "./honours";
import { MedalClass } from "./honours";
import { IsoDate, isValidIsoDate } from "./polish-dates";
import type { Status } from "./workflow";

export type TransitionField = "reason" | "eventDate" | "opinionClass" | "actNumber" | "votes" | "limitRaise" | "handoverPlace" | "applicant" | "lateReason";

const REASON_REQUIRED: Status[] = ["COMPLETION_REQUESTED", "OPINION_NEGATIVE", "REJECTED", "REFUSED", "WITHDRAWN"];
const DATED: Status[] = ["OPINION_POSITIVE", "OPINION_NEGATIVE", "FORWARDED", "ADOPTED", "REJECTED", "GRANTED", "REFUSED", "DIPLOMA_PRINTED", "HANDED_OVER"];

export function transitionFields(honour: Honour, to: Status): TransitionField[] {
  const fields: TransitionField[] = [];
  if (DATED.includes(to)) fields.push("eventDate");
  if (to === "OPINION_POSITIVE" && honour === "CRACOVIAE_MERENTI") fields.push("opinionClass");
  if (to === "FORWARDED" || to === "ADOPTED" || to === "GRANTED") fields.push("actNumber");
  if (to === "ADOPTED") fields.push("votes", "limitRaise");
  if (to === "HANDED_OVER") fields.push("handoverPlace");
  if (to === "FORMALLY_COMPLETE" && honour === "HONORARY_CITIZENSHIP") fields.push("applicant", "lateReason");
  if (REASON_REQUIRED.includes(to) || to === "CLOSED") fields.push("reason");
  return fields;
}

export const EVENT_DATE_LABEL: Partial<Record<Status, string>> = {
  OPINION_POSITIVE: "Data opinii",
  OPINION_NEGATIVE: "Data opinii",
  FORWARDED: "Data zarządzenia Prezydenta",
  ADOPTED: "Data podjęcia uchwały",
  REJECTED: "Data sesji",
  GRANTED: "Data decyzji Prezydenta",
  REFUSED: "Data decyzji Prezydenta",
  DIPLOMA_PRINTED: "Data wydruku",
  HANDED_OVER: "Data wręczenia",
};

export const ACT_NUMBER_LABEL: Partial<Record<Status, string>> = {
  FORWARDED: "Numer zarządzenia Prezydenta (np. 1234/2026)",
  ADOPTED: "Numer uchwały (np. XCIII/610/26)",
  GRANTED: "Numer zarządzenia lub decyzji Prezydenta",
};

const count = z.coerce
  .number({ error: "Podaj liczbę." })
  .int("Podaj liczbę całkowitą.")
  .min(0, "Liczba nie może być ujemna.")
  .max(100000, "Najwyżej 100 000.")
  .optional();

export function transitionSchema(honour: Honour, to: Status, today: string) {
  const fields = transitionFields(honour, to);
  const has = (f: TransitionField) => fields.includes(f);
  return z
    .object({
      version: RecordVersion,
      reason: optionalText(2000),
      eventDate: IsoDate.optional(),
      opinionClass: z.enum(MedalClass.options, { error: "Wybierz klasę medalu." }).optional(),
      actNumber: optionalText(50),
      votesFor: count,
      votesAgainst: count,
      votesAbstained: count,
      /** Exceeding a term's limit: the recorded LIMIT_RAISE resolution, or one entered on the spot. */
      limitRaiseResolutionId: optionalText(50),
      limitRaiseNumber: optionalText(50),
      limitRaiseDate: IsoDate.optional(),
      limitRaiseMax: z.coerce
        .number({ error: "Podaj liczbę." })
        .int("Podaj liczbę całkowitą.")
        .min(1, "Limit musi być większy od zera.")
        .max(1000, "Najwyżej 1000.")
        .optional(),
      handoverPlace: optionalText(300),
      councillorNames: optionalText(3000),
      residentSignatureCount: count,
      signaturesCollectedFrom: IsoDate.optional(),
      signaturesCollectedTo: IsoDate.optional(),
      lateReason: optionalText(1000),
      /** The user read the step's warnings (a session numeral going backwards) and goes on. */
      confirmWarnings: z.literal("on").optional(),
    })
    .superRefine(
      (v, ctx) => {
        const missing = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (has("reason") && to !== "CLOSED" && !v.reason) {
          missing("reason", to === "COMPLETION_REQUESTED" ? "Napisz, czego brakuje we wniosku." : "Podaj powód.");
        }
        if (has("eventDate")) {
          if (!v.eventDate) missing("eventDate", "Podaj datę.");
          else if (isValidIsoDate(v.eventDate) && v.eventDate > today) missing("eventDate", "Data nie może być z przyszłości.");
        }
        if (has("opinionClass") && !v.opinionClass) missing("opinionClass", "Wybierz klasę medalu, którą zaopiniowała Komisja.");
        if (has("actNumber") && !v.actNumber) missing("actNumber", "Podaj numer aktu.");
        if (has("handoverPlace") && !v.handoverPlace) missing("handoverPlace", "Podaj miejsce wręczenia.");
        if (v.limitRaiseNumber) {
          if (!v.limitRaiseDate) missing("limitRaiseDate", "Podaj datę uchwały podnoszącej limit.");
          if (!v.limitRaiseMax) missing("limitRaiseMax", "Podaj limit, który ustaliła ta uchwała.");
        }
        if (v.signaturesCollectedFrom && v.signaturesCollectedTo && v.signaturesCollectedFrom > v.signaturesCollectedTo) {
          missing("signaturesCollectedTo", "Koniec zbierania podpisów nie może być przed początkiem.");
        }
      },
      { when: () => true },
    );
}
export type TransitionInput = z.output<ReturnType<typeof transitionSchema>>;

/** Honorary Citizenship: who may apply (DOMAIN.md), checked at the formal check. */
export function honoraryCitizenshipApplicantProblems(input: {
  nominatorKinds: string[];
  receivedDate: string;
  councillorNames: string;
  residentSignatureCount: number | undefined;
  signaturesCollectedFrom: string | undefined;
  signaturesCollectedTo: string | undefined;
}): string[] {
  const kinds = new Set(input.nominatorKinds);
  const allowed = ["MAYOR", "COUNCIL_CHAIR", "COUNCILLORS", "RESIDENTS"];
  if (![...kinds].some((k) => allowed.includes(k))) {
    return [
      "Wniosek o Honorowe Obywatelstwo może złożyć tylko Prezydent Miasta, Przewodniczący Rady (z własnej inicjatywy lub na wniosek co najmniej 5 radnych) albo co najmniej 4000 mieszkańców.",
    ];
  }
  const problems: string[] = [];
  if (kinds.has("COUNCILLORS")) {
    const names = input.councillorNames
      .split(/[\n;,]+/)
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length < 5) problems.push(`Wniosek radnych wymaga co najmniej 5 nazwisk radnych (podano ${names.length}).`);
  }
  if (kinds.has("RESIDENTS")) {
    if ((input.residentSignatureCount ?? 0) < 4000) {
      problems.push(`Wniosek mieszkańców wymaga co najmniej 4000 podpisów (podano ${input.residentSignatureCount ?? 0}).`);
    }
    const previousYear = Number(input.receivedDate.slice(0, 4)) - 1;
    const from = input.signaturesCollectedFrom;
    const to = input.signaturesCollectedTo;
    if (!from || !to) problems.push("Podaj daty zbierania podpisów mieszkańców.");
    else if (Number(from.slice(0, 4)) !== previousYear || Number(to.slice(0, 4)) !== previousYear) {
      problems.push(`Podpisy mieszkańców muszą być zebrane w roku kalendarzowym poprzedzającym złożenie wniosku (${previousYear}).`);
    }
  }
  return problems;
}

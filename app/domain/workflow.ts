// The nomination workflow of each honour: statuses and the transition table, in one place.
import { z } from "zod";
import type { Honour } from "./honours";

export const STATUSES = [
  "RECEIVED",
  "COMPLETION_REQUESTED",
  "FORMALLY_COMPLETE",
  "VERIFIED",
  "DECISION_PREPARED",
  "OPINION_POSITIVE",
  "OPINION_NEGATIVE",
  "DRAFT_PREPARED",
  "FORWARDED",
  "ADOPTED",
  "GRANTED",
  "REJECTED",
  "REFUSED",
  "NUMBER_ASSIGNED",
  "DIPLOMA_PRINTED",
  "HANDED_OVER",
  "CLOSED",
  "WITHDRAWN",
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const STATUS_LABEL: Record<Status, string> = {
  RECEIVED: "wpłynął",
  COMPLETION_REQUESTED: "wezwano do uzupełnienia",
  FORMALLY_COMPLETE: "kompletny formalnie",
  VERIFIED: "zweryfikowany",
  DECISION_PREPARED: "decyzja Prezydenta w przygotowaniu",
  OPINION_POSITIVE: "opinia pozytywna",
  OPINION_NEGATIVE: "opinia negatywna",
  DRAFT_PREPARED: "projekt uchwały przygotowany",
  FORWARDED: "przekazany Radzie Miasta",
  ADOPTED: "uchwała podjęta",
  GRANTED: "przyznano",
  REJECTED: "uchwała odrzucona",
  REFUSED: "odmówiono",
  NUMBER_ASSIGNED: "nadano numer medalu",
  DIPLOMA_PRINTED: "dyplom wydrukowany",
  HANDED_OVER: "wręczono",
  CLOSED: "zamknięty",
  WITHDRAWN: "wycofany",
};

/** A step; `byPrint`: taken only by a recorded print of the diploma, never by a person's click. */
export type Transition = { from: Status; to: Status; label: string; byPrint?: boolean };

const t = (from: Status, to: Status, label: string, options: { byPrint?: boolean } = {}): Transition => ({ from, to, label, ...options });

/** Every allowed move, per honour. Withdrawal is allowed from every open status (added below). */
const MOVES: Record<Honour, Transition[]> = {
  CRACOVIAE_MERENTI: [
    t("RECEIVED", "FORMALLY_COMPLETE", "Potwierdź kompletność formalną"),
    t("RECEIVED", "COMPLETION_REQUESTED", "Wezwij do uzupełnienia"),
    t("COMPLETION_REQUESTED", "FORMALLY_COMPLETE", "Potwierdź uzupełnienie"),
    t("FORMALLY_COMPLETE", "OPINION_POSITIVE", "Zapisz pozytywną opinię Komisji Medalu"),
    t("FORMALLY_COMPLETE", "OPINION_NEGATIVE", "Zapisz negatywną opinię Komisji Medalu"),
    t("OPINION_NEGATIVE", "CLOSED", "Zamknij wniosek"),
    t("OPINION_POSITIVE", "DRAFT_PREPARED", "Oznacz projekt uchwały jako przygotowany"),
    t("DRAFT_PREPARED", "FORWARDED", "Przekaż Radzie Miasta (zarządzenie Prezydenta)"),
    t("FORWARDED", "ADOPTED", "Zapisz podjęcie uchwały"),
    t("FORWARDED", "REJECTED", "Zapisz odrzucenie projektu"),
    t("REJECTED", "CLOSED", "Zamknij wniosek"),
    t("ADOPTED", "NUMBER_ASSIGNED", "Nadaj numer medalu"),
    // Issue 16: „dyplom wydrukowany” follows a recorded print (app/models/diploma.server.ts), so
    // it cannot be set for a diploma nobody confirmed or printed.
    t("NUMBER_ASSIGNED", "DIPLOMA_PRINTED", "Wydruk dyplomu", { byPrint: true }),
    t("DIPLOMA_PRINTED", "HANDED_OVER", "Zapisz wręczenie"),
    t("HANDED_OVER", "CLOSED", "Zamknij wniosek"),
  ],
  HONORARY_CITIZENSHIP: [
    t("RECEIVED", "FORMALLY_COMPLETE", "Potwierdź kompletność formalną"),
    t("RECEIVED", "COMPLETION_REQUESTED", "Wezwij do uzupełnienia"),
    t("COMPLETION_REQUESTED", "FORMALLY_COMPLETE", "Potwierdź uzupełnienie"),
    t("FORMALLY_COMPLETE", "OPINION_POSITIVE", "Zapisz pozytywną opinię Komisji Głównej"),
    t("FORMALLY_COMPLETE", "OPINION_NEGATIVE", "Zapisz negatywną opinię Komisji Głównej"),
    t("OPINION_NEGATIVE", "DRAFT_PREPARED", "Oznacz projekt uchwały jako przygotowany"),
    t("OPINION_NEGATIVE", "CLOSED", "Zamknij wniosek"),
    t("OPINION_POSITIVE", "DRAFT_PREPARED", "Oznacz projekt uchwały jako przygotowany"),
    t("DRAFT_PREPARED", "ADOPTED", "Zapisz podjęcie uchwały"),
    t("DRAFT_PREPARED", "REJECTED", "Zapisz odrzucenie projektu"),
    t("REJECTED", "CLOSED", "Zamknij wniosek"),
    t("ADOPTED", "HANDED_OVER", "Zapisz wręczenie"),
    t("HANDED_OVER", "CLOSED", "Zamknij wniosek"),
  ],
  HONORIS_GRATIA: [
    t("RECEIVED", "VERIFIED", "Potwierdź weryfikację"),
    t("VERIFIED", "GRANTED", "Zapisz decyzję Prezydenta: przyznano"),
    t("VERIFIED", "REFUSED", "Zapisz decyzję Prezydenta: odmowa"),
    // Optional: the clerk gathers verified applications into the Mayor's next decision.
    t("VERIFIED", "DECISION_PREPARED", "Przygotuj decyzję Prezydenta"),
    t("DECISION_PREPARED", "GRANTED", "Zapisz decyzję Prezydenta: przyznano"),
    t("DECISION_PREPARED", "REFUSED", "Zapisz decyzję Prezydenta: odmowa"),
    t("REFUSED", "CLOSED", "Zamknij wniosek"),
    t("GRANTED", "HANDED_OVER", "Zapisz wręczenie"),
    t("HANDED_OVER", "CLOSED", "Zamknij wniosek"),
  ],
};

/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly Status[] = ["CLOSED", "WITHDRAWN"];

/** Statuses that end a nomination without the honour (it is no longer open). */
export const CLOSED_WITHOUT_HONOUR: readonly Status[] = ["OPINION_NEGATIVE", "REJECTED", "REFUSED"];

/** Statuses in which the honour is conferred (the resolution adopted or the badge granted). */
export const CONFERRED_STATUSES: readonly Status[] = ["ADOPTED", "GRANTED", "NUMBER_ASSIGNED", "DIPLOMA_PRINTED", "HANDED_OVER"];

export function statusesOf(honour: Honour): Status[] {
  const seen = new Set<Status>();
  for (const m of MOVES[honour]) {
    seen.add(m.from);
    seen.add(m.to);
  }
  seen.add("WITHDRAWN");
  return STATUSES.filter((s) => seen.has(s));
}

export function transitionsOf(honour: Honour): Transition[] {
  const open = statusesOf(honour).filter((s) => !FINAL_STATUSES.includes(s) && !CONFERRED_STATUSES.includes(s) && !CLOSED_WITHOUT_HONOUR.includes(s));
  return [...MOVES[honour], ...open.map((s) => t(s, "WITHDRAWN", "Wycofaj wniosek"))];
}

export function allowedTransitions(honour: Honour, from: Status): Transition[] {
  return transitionsOf(honour).filter((m) => m.from === from);
}

/** The steps a person takes from a status with a form (not those a print records). */
export function manualTransitions(honour: Honour, from: Status): Transition[] {
  return allowedTransitions(honour, from).filter((m) => !m.byPrint);
}

export const INITIAL_STATUS: Status = "RECEIVED";

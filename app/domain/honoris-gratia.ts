// The Honoris Gratia desk (KP-04): intake of applications, the list and its filters, bulk
// decisions, badge numbers, the stock of badges and diploma blanks, and statistics. Pure: the
// models (app/models/hg-*.server.ts) feed it rows and writes what it decides.
import { z } from "zod";
import { BirthYear, optionalLine, optionalText, PageParam, requiredText } from "./form-fields";
import { caseReferenceProblem, checkPersonName, DEFAULT_HG_CASE_REFERENCE_PATTERN } from "./intake-text";
import "./zod-polish";
import { CandidateKind, Gender } from "./honours";
import { countOf } from "./plural";
import { NOUNS } from "./counts";
import { addMonths, daysBetween, HG_OPEN_STATUSES } from "./deadlines";
import { postalAddressProblems } from "./hg-letters";
import { IsoDate, TypedDate, validIso } from "./polish-dates";
import { allowedTransitions, statusesOf, type Status } from "./workflow";

// ---------------------------------------------------------------- vocabulary

export const CHANNELS = ["PAPER", "EPUAP"] as const;
export const Channel = z.enum(CHANNELS, { error: "Wybierz, jak wniosek wpłynął." });
export type Channel = z.infer<typeof Channel>;
export const CHANNEL_LABEL: Record<Channel, string> = { PAPER: "papierowo", EPUAP: "ePUAP" };

export const HG_STATUSES = statusesOf("HONORIS_GRATIA");

// ---------------------------------------------------------------- intake form

const required = (max: number, missing: string) => requiredText({ max }, missing);

/** One proposed laureate; `candidateId` is the user's answer to a possible duplicate ("" = new). */
export const LaureateInput = z
  .object({
    kind: CandidateKind.default("PERSON"),
    givenNames: optionalLine(200),
    surname: optionalLine(200),
    grammaticalGender: z.enum(Gender.options, { error: "Wybierz rodzaj gramatyczny." }).optional(),
    birthYear: BirthYear.optional(),
    organizationName: optionalLine(500),
    city: optionalLine(200),
    candidateId: optionalText(100),
    /** The user confirmed unusual characters in the name (a warning, not a refusal). */
    unusualNameConfirmed: z.literal("on").optional(),
  })
  .superRefine((l, ctx) => {
    if (l.kind === "PERSON") {
      for (const field of ["givenNames", "surname"] as const) {
        const check = checkPersonName(l[field]);
        const message = check.refuse ?? (l.unusualNameConfirmed ? null : check.ask);
        if (message) ctx.addIssue({ code: "custom", path: [field], message });
      }
      if (!l.givenNames) ctx.addIssue({ code: "custom", path: ["givenNames"], message: "Podaj imiona osoby." });
      if (!l.surname) ctx.addIssue({ code: "custom", path: ["surname"], message: "Podaj nazwisko osoby." });
      if (!l.grammaticalGender) ctx.addIssue({ code: "custom", path: ["grammaticalGender"], message: "Wybierz rodzaj gramatyczny (do form „Pan/Pani”)." });
    } else if (!l.organizationName) {
      ctx.addIssue({ code: "custom", path: ["organizationName"], message: "Podaj pełną nazwę instytucji." });
    }
  });
export type LaureateInput = z.output<typeof LaureateInput>;

/** The intake form: one letter (application) proposing one or more laureates. */
export function hgIntakeSchema(today: string, caseReferencePattern = DEFAULT_HG_CASE_REFERENCE_PATTERN) {
  return z
    .object({
      creationToken: z.string().min(8).max(100),
      channel: Channel,
      epuapSubmissionId: optionalText(100),
      epuapSubmittedOn: TypedDate.optional(),
      receivedDate: TypedDate,
      caseReference: optionalText(100),
      applicantKind: CandidateKind.default("ORGANIZATION"),
      applicantName: required(300, "Podaj wnioskodawcę."),
      applicantContact: optionalText(300),
      // The postal address the letters go to (all three, or none: the letter then prints the contact).
      applicantStreet: optionalLine(200),
      applicantPostalCode: optionalLine(20),
      applicantCity: optionalLine(100),
      laureates: z
        .array(LaureateInput, { error: "Podaj co najmniej jednego laureata." })
        .min(1, "Podaj co najmniej jednego laureata.")
        .max(50, "Najwyżej 50 laureatów w jednym wniosku."),
      proposedEventName: optionalLine(300),
      proposedHandoverDate: TypedDate.optional(),
      merits: optionalText(20000),
      /** Set when the duplicate warning was shown: the user has answered it. */
      duplicatesReviewed: z
        .boolean()
        .optional()
        .transform((v) => v ?? false),
    })
    .superRefine(
      (a, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (a.channel === "EPUAP") {
          if (!a.epuapSubmissionId) issue("epuapSubmissionId", "Podaj identyfikator przesyłki ePUAP.");
          if (!a.epuapSubmittedOn) issue("epuapSubmittedOn", "Podaj datę przesłania przez ePUAP.");
        }
        const reference = caseReferenceProblem(a.caseReference, caseReferencePattern);
        if (reference) issue("caseReference", reference);
        if (a.channel === "PAPER" && a.epuapSubmissionId)
          issue("epuapSubmissionId", "Identyfikator ePUAP podaje się tylko dla wniosku przesłanego przez ePUAP.");
        for (const problem of postalAddressProblems(a)) issue(problem.field, problem.message);
        // A date field that failed has its own message; only real dates are compared.
        const [received, submitted, handover] = [validIso(a.receivedDate), validIso(a.epuapSubmittedOn), validIso(a.proposedHandoverDate)];
        if (received && received > today) issue("receivedDate", "Data wpływu nie może być z przyszłości.");
        if (submitted && received && submitted > received) issue("epuapSubmittedOn", "Data przesłania nie może być późniejsza niż data wpływu.");
        if (handover && received && handover < received) {
          issue("proposedHandoverDate", "Proponowana data wręczenia nie może być wcześniejsza niż data wpływu.");
        }
      },
      { when: () => true },
    );
}
export type HgIntakeInput = z.output<ReturnType<typeof hgIntakeSchema>>;

// ---------------------------------------------------------------- the list and the deadline board

export const HG_PAGE_SIZE = 50;

/** "open": awaiting the Mayor's decision (the deadline board); "all": every status. */
export const HgListQuery = z.object({
  status: z
    .union([z.enum(HG_STATUSES as [Status, ...Status[]]), z.enum(["open", "all"])])
    .catch("open")
    .default("open"),
  channel: Channel.optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2200).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  due: z.enum(["overdue", "this-week"]).optional().catch(undefined),
  page: PageParam,
});
export type HgListQuery = z.infer<typeof HgListQuery>;

export function parseHgListQuery(params: URLSearchParams): HgListQuery {
  return HgListQuery.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}

/** The statuses a list query covers. */
export function statusesOfQuery(q: Pick<HgListQuery, "status">): Status[] {
  if (q.status === "open") return [...HG_OPEN_STATUSES];
  if (q.status === "all") return HG_STATUSES;
  return [q.status];
}

/** The query as URL parameters (without the page unless asked), for links, CSV and bulk forms. */
export function hgQueryParams(q: HgListQuery, withPage = false): URLSearchParams {
  const p = new URLSearchParams();
  p.set("status", q.status);
  if (q.channel) p.set("channel", q.channel);
  if (q.year) p.set("year", String(q.year));
  if (q.q) p.set("q", q.q);
  if (q.due) p.set("due", q.due);
  if (withPage && q.page > 1) p.set("page", String(q.page));
  return p;
}

// ---------------------------------------------------------------- bulk work

export const BULK_ACTIONS = ["verify", "prepare", "grant", "refuse"] as const;
export const BulkAction = z.enum(BULK_ACTIONS, { error: "Wybierz czynność." });
export type BulkAction = z.infer<typeof BulkAction>;

export const BULK_TARGET: Record<BulkAction, Status> = {
  verify: "VERIFIED",
  prepare: "DECISION_PREPARED",
  grant: "GRANTED",
  refuse: "REFUSED",
};

export const BULK_LABEL: Record<BulkAction, string> = {
  verify: "Potwierdź weryfikację",
  prepare: "Przygotuj decyzję Prezydenta",
  grant: "Przyznaj odznakę (decyzja Prezydenta)",
  refuse: "Odmów (decyzja Prezydenta)",
};

/** A selection is either explicit ids or "every application matching the filter". */
export function bulkFormSchema(today: string) {
  return z
    .object({
      bulkAction: BulkAction,
      ids: z
        .array(z.string().min(1).max(100))
        .max(5000)
        .optional()
        .transform((v) => v ?? []),
      allMatching: z
        .boolean()
        .optional()
        .transform((v) => v ?? false),
      actNumber: optionalText(50),
      eventDate: TypedDate.optional(),
      reason: optionalText(2000),
      /** Grant: verify the applications that only arrived („wpłynął”) first, in the same run. */
      verifyFirst: z
        .boolean()
        .optional()
        .transform((v) => v ?? false),
    })
    .superRefine(
      (b, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (b.bulkAction === "grant" || b.bulkAction === "refuse") {
          if (!b.eventDate) issue("eventDate", "Podaj datę decyzji Prezydenta.");
          else if ((validIso(b.eventDate) ?? "") > today) issue("eventDate", "Data decyzji nie może być z przyszłości.");
        }
        if (b.bulkAction === "grant" && !b.actNumber) issue("actNumber", "Podaj numer zarządzenia (decyzji) Prezydenta.");
        if (b.bulkAction === "refuse" && !b.reason) issue("reason", "Podaj powód odmowy.");
      },
      { when: () => true },
    );
}
export type BulkInput = z.output<ReturnType<typeof bulkFormSchema>>;

export type BulkRow = { id: string; status: Status; name: string };
/** A row the action will move, through `steps` (the statuses it passes, the action's target last). */
export type PlannedRow = BulkRow & { steps: Status[] };
export type SkippedRow = { row: BulkRow; reason: string };
export type BulkPlan = {
  eligible: PlannedRow[];
  skipped: SkippedRow[];
  /** Grant: skipped rows that only arrived and could be verified and granted in the same run. */
  verifiable: number;
};

export const MUST_VERIFY_FIRST = "trzeba go najpierw zweryfikować";

const canStep = (from: Status, to: Status) => allowedTransitions("HONORIS_GRATIA", from).some((t) => t.to === to);

/**
 * Which selected rows the action can move now, and why the others cannot. Granting an application
 * that only arrived needs its verification first: with `verifyFirst` the row takes both steps.
 */
export function planBulk(rows: readonly BulkRow[], action: BulkAction, { verifyFirst = false } = {}): BulkPlan {
  const to = BULK_TARGET[action];
  const plan: BulkPlan = { eligible: [], skipped: [], verifiable: 0 };
  for (const row of rows) {
    const viaVerification = action === "grant" && canStep(row.status, "VERIFIED") && canStep("VERIFIED", to);
    if (canStep(row.status, to)) plan.eligible.push({ ...row, steps: [to] });
    else if (viaVerification && verifyFirst) plan.eligible.push({ ...row, steps: ["VERIFIED", to] });
    else if (viaVerification) {
      plan.skipped.push({ row, reason: MUST_VERIFY_FIRST });
      plan.verifiable++;
    } else plan.skipped.push({ row, reason: "ten krok nie jest dostępny w obecnym statusie" });
  }
  return plan;
}

export type StepOutcome = { ok: true; detail?: string } | { ok: false; message: string };
export type BulkSummary = { done: { row: PlannedRow; detail?: string }[]; failed: { row: PlannedRow; message: string }[]; skipped: SkippedRow[] };

/**
 * Runs the action row by row: each row is its own transaction (in `step`), so a row that fails
 * is reported and left as it was while the others complete.
 */
export async function runBulk(plan: BulkPlan, step: (row: PlannedRow) => Promise<StepOutcome>): Promise<BulkSummary> {
  const summary: BulkSummary = { done: [], failed: [], skipped: plan.skipped };
  for (const row of plan.eligible) {
    let outcome: StepOutcome;
    try {
      outcome = await step(row);
    } catch (error) {
      outcome = { ok: false, message: `błąd: ${(error as Error).message}` };
    }
    if (outcome.ok) summary.done.push({ row, detail: outcome.detail });
    else summary.failed.push({ row, message: outcome.message });
  }
  return summary;
}

/** What each action did, said of its rows: „Przyznano odznakę: 3 wnioski”. */
const BULK_DONE: Record<BulkAction, string> = {
  verify: "Zweryfikowano",
  prepare: "Przygotowano decyzję Prezydenta",
  grant: "Przyznano odznakę",
  refuse: "Odmówiono",
};

/** The confirmation of a bulk run (its toast and summary): what was done, failed and left, counted. */
export function bulkSummaryText(action: BulkAction, s: Pick<BulkSummary, "done" | "failed" | "skipped">): { title: string; description?: string } {
  const title = s.done.length ? `${BULK_DONE[action]}: ${countOf(s.done.length, NOUNS.nomination)}.` : `${BULK_LABEL[action]}: nic nie zmieniono.`;
  const rest = [];
  if (s.failed.length) rest.push(`Nie powiodło się: ${countOf(s.failed.length, NOUNS.nomination)} (bez zmian).`);
  if (s.skipped.length) rest.push(`Pominięto: ${countOf(s.skipped.length, NOUNS.nomination)}.`);
  return rest.length ? { title, description: rest.join(" ") } : { title };
}

// ---------------------------------------------------------------- batch hand-over

export type ProposedEvent = { title: string; date: string | null };

/**
 * The hand-over event the selected applications propose most often (name and date from the
 * intake), to start a new ceremony's form with; null when none proposes one. Ties: the earliest.
 */
export function mostProposedEvent(proposals: readonly { proposedEventName: string; proposedHandoverDate: string | null }[]): ProposedEvent | null {
  const counts = new Map<string, { event: ProposedEvent; n: number; first: number }>();
  proposals.forEach((p, i) => {
    const title = p.proposedEventName.trim();
    if (!title && !p.proposedHandoverDate) return;
    const key = `${title}\u0000${p.proposedHandoverDate ?? ""}`;
    const entry = counts.get(key) ?? { event: { title, date: p.proposedHandoverDate }, n: 0, first: i };
    entry.n++;
    counts.set(key, entry);
  });
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0];
  return best?.event ?? null;
}

// ---------------------------------------------------------------- badge numbers

/** The number as printed: the format's {n} is the running number, {rrrr} the decision's year. */
export function formatBadgeNumber(format: string | null | undefined, number: number, decisionDate: string): string {
  const f = format && format.includes("{n}") ? format : "{n}";
  return f.replaceAll("{n}", String(number)).replaceAll("{rrrr}", decisionDate.slice(0, 4));
}

// ---------------------------------------------------------------- stock

export const STOCK_ITEMS = ["BADGE", "DIPLOMA_BLANK"] as const;
export const StockItem = z.enum(STOCK_ITEMS, { error: "Wybierz pozycję." });
export type StockItem = z.infer<typeof StockItem>;
export const STOCK_ITEM_LABEL: Record<StockItem, string> = { BADGE: "odznaki", DIPLOMA_BLANK: "blankiety dyplomów" };

export type StockLevel = { item: StockItem; received: number; issued: number; left: number };

export function stockLevels(movements: readonly { item: string; quantity: number }[]): Record<StockItem, StockLevel> {
  const levels = Object.fromEntries(STOCK_ITEMS.map((item) => [item, { item, received: 0, issued: 0, left: 0 }])) as Record<StockItem, StockLevel>;
  for (const m of movements) {
    const level = levels[m.item as StockItem];
    if (!level) continue;
    if (m.quantity >= 0) level.received += m.quantity;
    else level.issued -= m.quantity;
    level.left += m.quantity;
  }
  return levels;
}

export type StockShortfall = { item: StockItem; needed: number; left: number; missing: number };

/** A batch of `laureates` needs one badge and one diploma blank each: what the stock lacks. */
export function batchShortfall(levels: Record<StockItem, StockLevel>, laureates: number): StockShortfall[] {
  return STOCK_ITEMS.filter((item) => levels[item].left < laureates).map((item) => ({
    item,
    needed: laureates,
    left: levels[item].left,
    missing: laureates - Math.max(0, levels[item].left),
  }));
}

export function shortfallMessage(shortfalls: readonly StockShortfall[]): string | null {
  if (!shortfalls.length) return null;
  return `Za mało w magazynie: ${shortfalls.map((s) => `${STOCK_ITEM_LABEL[s.item]} — potrzeba ${s.needed}, zostało ${s.left}`).join("; ")}.`;
}

export const StockMovementForm = z
  .object({
    item: StockItem,
    direction: z.enum(["RECEIVED", "ISSUED"], { error: "Wybierz: przyjęcie czy wydanie." }),
    quantity: z.coerce
      .number({ error: "Podaj liczbę sztuk." })
      .int("Podaj liczbę całkowitą.")
      .min(1, "Podaj co najmniej 1 sztukę.")
      .max(100000, "Najwyżej 100 000 sztuk."),
    date: IsoDate,
    ceremonyId: optionalText(100),
    note: optionalText(500),
  })
  .transform((m) => ({ ...m, signedQuantity: m.direction === "RECEIVED" ? m.quantity : -m.quantity }));
export type StockMovementInput = z.output<typeof StockMovementForm>;

// ---------------------------------------------------------------- statistics

export type DecisionRow = { receivedDate: string; decidedOn: string; granted: boolean; channel: string | null };

export type HgStatistics = {
  perYear: { year: number; badges: number }[];
  perChannel: { channel: string; label: string; badges: number }[];
  decisions: number;
  averageDaysToDecision: number | null;
  shareWithinMonth: number | null;
};

/**
 * Badges per year (every conferral, historical ones included), per channel (applications with a
 * known channel; the others as "nieznany"), average days from receipt to decision and the share
 * decided within one month of receipt (grants and refusals).
 */
export function hgStatistics(badges: readonly { conferredOn: string; channel: string | null }[], decisions: readonly DecisionRow[]): HgStatistics {
  const years = new Map<number, number>();
  const channels = new Map<string, number>();
  for (const b of badges) {
    const y = Number(b.conferredOn.slice(0, 4));
    years.set(y, (years.get(y) ?? 0) + 1);
    const c = b.channel ?? "UNKNOWN";
    channels.set(c, (channels.get(c) ?? 0) + 1);
  }
  const perYear = [...years].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, badges: n }));
  const perChannel = [...CHANNELS, "UNKNOWN"]
    .filter((c) => channels.has(c))
    .map((c) => ({ channel: c, label: c === "UNKNOWN" ? "nieznany (dane historyczne)" : CHANNEL_LABEL[c as Channel], badges: channels.get(c)! }));
  const days = decisions.map((d) => daysBetween(d.receivedDate, d.decidedOn));
  const within = decisions.filter((d) => d.decidedOn <= addMonths(d.receivedDate, 1)).length;
  return {
    perYear,
    perChannel,
    decisions: decisions.length,
    averageDaysToDecision: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
    shareWithinMonth: decisions.length ? within / decisions.length : null,
  };
}

/** "12,5%" (Polish decimal comma); "—" when there is nothing to count. */
export function percentText(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1).replace(".", ",")}%`;
}

/** "23,4" days; "—" when there is nothing to count. */
export function daysText(days: number | null): string {
  return days === null ? "—" : days.toFixed(1).replace(".", ",");
}

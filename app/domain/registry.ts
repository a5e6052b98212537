// The registry of conferrals: the public one at /rejestr and the staff list at /conferrals share
// the query (filters, sorting, paging parsed from the URL) and the rule of what the public sees.
import { z } from "zod";
import { PageParam } from "./form-fields";
import { Honour, MedalClass } from "./honours";
import { formatPolishDate } from "./polish-dates";
import { CONFERRED_STATUSES, type Status } from "./workflow";

export const REGISTRY_PAGE_SIZE = 25;

export const REGISTRY_SORTS = ["conferred-desc", "conferred-asc", "name-asc", "name-desc"] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
export const REGISTRY_SORT_LABEL: Record<RegistrySort, string> = {
  "conferred-desc": "data nadania: najnowsze",
  "conferred-asc": "data nadania: najstarsze",
  "name-asc": "nazwisko / nazwa: A–Ż",
  "name-desc": "nazwisko / nazwa: Ż–A",
};

/** Staff filters beyond the public ones. */
export const HANDOVER_FILTERS = ["yes", "no"] as const;
export const HANDOVER_FILTER_LABEL: Record<(typeof HANDOVER_FILTERS)[number], string> = { yes: "wręczone", no: "jeszcze niewręczone" };
export const SOURCE_FILTERS = ["app", "historical"] as const;
export const SOURCE_FILTER_LABEL: Record<(typeof SOURCE_FILTERS)[number], string> = {
  app: "z wniosku w aplikacji",
  historical: "historyczne (bez wniosku)",
};

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
// A bad value in the URL (hand-edited, stale bookmark, a robot) is ignored, never a 500.
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional()).catch(undefined);

export const RegistryQuery = z.object({
  // Longer input is cut, not refused: a pasted paragraph still gives a page.
  q: z
    .preprocess(emptyToUndefined, z.string().optional())
    .catch(undefined)
    .transform((v) => (v === undefined ? undefined : v.slice(0, 200))),
  honour: lenient(Honour),
  medalClass: lenient(MedalClass),
  term: lenient(z.coerce.number().int().min(1).max(99)),
  year: lenient(z.coerce.number().int().min(1900).max(2999)),
  sort: lenient(z.enum(REGISTRY_SORTS)).transform((v) => v ?? "conferred-desc"),
  page: PageParam,
  handedOver: lenient(z.enum(HANDOVER_FILTERS)),
  source: lenient(z.enum(SOURCE_FILTERS)),
});
export type RegistryQuery = z.output<typeof RegistryQuery>;

/** The public registry ignores the staff filters. */
export function parseRegistryQuery(params: URLSearchParams, audience: "public" | "staff"): RegistryQuery {
  const query = RegistryQuery.parse(Object.fromEntries(params));
  return audience === "public" ? { ...query, handedOver: undefined, source: undefined } : query;
}

export function isFiltered(q: RegistryQuery): boolean {
  return Boolean(q.q || q.honour || q.medalClass || q.term || q.year || q.handedOver || q.source);
}

/** The query as URL parameters (without the page): what an export link carries. */
export function registrySearchParams(q: RegistryQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ["q", "honour", "medalClass", "term", "year", "handedOver", "source"] as const) {
    const v = q[key];
    if (v !== undefined) out.set(key, String(v));
  }
  if (q.sort !== "conferred-desc") out.set("sort", q.sort);
  return out;
}

/**
 * Statuses of a nomination whose conferral the public may see: the honour is conferred (and
 * stays so once the file is closed). Pending, refused, rejected and withdrawn ones never.
 */
export const PUBLIC_NOMINATION_STATUSES: readonly Status[] = [...CONFERRED_STATUSES, "CLOSED"];

export type PublicityInput = {
  conferralAnonymizedAt: Date | null;
  candidateAnonymizedAt: Date | null;
  /** null: a historical conferral recorded without a nomination. */
  nominationStatus: string | null;
};

/** The public registry's rule, also applied in SQL by app/models/registry.server.ts. */
export function isPublicConferral(c: PublicityInput): boolean {
  if (c.conferralAnonymizedAt || c.candidateAnonymizedAt) return false;
  return c.nominationStatus === null || PUBLIC_NOMINATION_STATUSES.includes(c.nominationStatus as Status);
}

/** The date range of a year filter, or of a council term (a conferral counts in the term it was conferred in). */
export function dateRangeOf(
  q: Pick<RegistryQuery, "year" | "term">,
  terms: readonly { number: number; startDate: string; endDate: string | null }[],
): { from: string; to: string } | null | "none" {
  let from = "0000-01-01";
  let to = "9999-12-31";
  if (q.year) {
    from = `${q.year}-01-01`;
    to = `${q.year}-12-31`;
  }
  if (q.term) {
    const term = terms.find((t) => t.number === q.term);
    if (!term) return "none";
    if (term.startDate > from) from = term.startDate;
    if (term.endDate && term.endDate < to) to = term.endDate;
  }
  if (from > to) return "none";
  return q.year || q.term ? { from, to } : null;
}

export type HandoverState = { kind: "handed-over" | "waiting" | "unknown"; text: string };

/**
 * What a public page may say about the hand-over: its date and place when recorded; "not yet"
 * only for a conferral made through the app (its hand-over would be recorded here); for imported
 * history without a date, only that the register has no data (DOMAIN.md: never claim a
 * historical honour was not handed over when the date is simply unknown).
 */
export function handoverState(c: { handedOverOn: string | null; handoverPlace: string; madeInApp: boolean }): HandoverState {
  if (c.handedOverOn) return { kind: "handed-over", text: [formatPolishDate(c.handedOverOn), c.handoverPlace].filter(Boolean).join(", ") };
  return c.madeInApp ? { kind: "waiting", text: "jeszcze nie wręczono" } : { kind: "unknown", text: "brak danych o wręczeniu" };
}

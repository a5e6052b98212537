// The register's list query: filters, sorting and paging parsed from the URL.
import { z } from "zod";
import { AssigneeFilter } from "./assignee";
import { PageParam } from "./form-fields";
import { Honour, MedalClass } from "./honours";
import { foldText } from "./search-text";
import { Status } from "./workflow";

export const PAGE_SIZE = 25;

export const SORTS = ["received-desc", "received-asc", "name-asc", "name-desc"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABEL: Record<Sort, string> = {
  "received-desc": "data wpływu: najnowsze",
  "received-asc": "data wpływu: najstarsze",
  "name-asc": "nazwisko / nazwa: A–Ż",
  "name-desc": "nazwisko / nazwa: Ż–A",
};

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
// A bad value in the URL (hand-edited, stale bookmark) is ignored, never a 500.
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional()).catch(undefined);

export const NominationListQuery = z.object({
  q: z.preprocess(emptyToUndefined, z.string().max(200).optional()).catch(undefined),
  honour: lenient(Honour),
  medalClass: lenient(MedalClass),
  status: lenient(Status),
  term: lenient(z.coerce.number().int().min(1).max(99)),
  year: lenient(z.coerce.number().int().min(1900).max(2999)),
  /** Honorary Citizenship: the yearly round (`roundYear`), linked from the dashboard. */
  round: lenient(z.coerce.number().int().min(1900).max(2999)),
  /** „Prowadzący”: „moje”, „brak” or a user id (app/domain/assignee.ts). */
  prowadzacy: lenient(AssigneeFilter),
  sort: lenient(z.enum(SORTS)).transform((v) => v ?? "received-desc"),
  page: PageParam,
});
export type NominationListQuery = z.output<typeof NominationListQuery>;

export function parseNominationListQuery(params: URLSearchParams): NominationListQuery {
  return NominationListQuery.parse(Object.fromEntries(params));
}

/** The search term as stored in the folded search column; only letters, digits and spaces. */
export function searchTermOf(q: string | undefined): string | undefined {
  if (!q) return undefined;
  const folded = foldText(q)
    .replace(/[^\p{L}\p{N} '-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return folded.length > 0 ? folded : undefined;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

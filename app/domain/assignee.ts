// „Prowadzący”: the specialist who leads a case, and the list's filter by them (issue 19, item 9).
import { z } from "zod";
import { FINAL_STATUSES, type Status } from "./workflow";
import { RecordVersion } from "./form-fields";

/** The filter's value for the signed-in user's own cases, and for cases nobody leads. */
export const MINE = "moje";
export const NOBODY = "brak";

/** `prowadzacy` in the list's URL: „moje”, „brak” or a user id. */
export const AssigneeFilter = z.string().trim().min(1).max(40);

/** Which assigneeId the filter asks for: a user id, null for „nobody”, undefined for no filter. */
export function assigneeIdOf(filter: string | undefined, viewerId: string): string | null | undefined {
  if (!filter) return undefined;
  if (filter === MINE) return viewerId;
  if (filter === NOBODY) return null;
  return filter;
}

/** A case stays in its lead's hands until it is closed or withdrawn. */
export const CASE_DONE_STATUSES: readonly Status[] = FINAL_STATUSES;

/** The assignment form: the version the user saw and who leads the case (empty: nobody). */
export const AssignSchema = z.object({
  version: RecordVersion,
  assigneeId: z.string().trim().max(40).optional(),
});

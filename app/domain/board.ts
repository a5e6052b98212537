// The board of an honour: one column per workflow status, a card per nomination, and on each
// card the steps its status allows that the user may take.
import { HONOURS, Honour } from "./honours";
import { HG_OPEN_STATUSES } from "./deadlines";
import { availableSteps } from "./permissions";
import { FINAL_STATUSES, statusesOf, type Status, type Transition } from "./workflow";

/** Cards shown in a working column; the rest are one link away ("pokaż wszystkie"). */
export const BOARD_CARD_LIMIT = 50;
/** Cards shown in a final column (closed, withdrawn): only the latest. */
export const BOARD_FINAL_LIMIT = 10;

export type BoardOrder =
  /** Oldest received first: the one waiting longest. */
  | "received"
  /** Honoris Gratia awaiting decision: earliest due date first. */
  | "due"
  /** Final columns: the most recently changed first. */
  | "latest";

export type BoardColumn = { status: Status; final: boolean; limit: number; order: BoardOrder };

export function boardColumns(honour: Honour): BoardColumn[] {
  return statusesOf(honour).map((status) => {
    const final = FINAL_STATUSES.includes(status);
    const due = honour === "HONORIS_GRATIA" && (HG_OPEN_STATUSES as readonly Status[]).includes(status);
    return { status, final, limit: final ? BOARD_FINAL_LIMIT : BOARD_CARD_LIMIT, order: final ? "latest" : due ? "due" : "received" };
  });
}

/** The honour named in a board address (`/board/CRACOVIAE_MERENTI`), or null. */
export function boardHonourOf(param: string | undefined): Honour | null {
  const parsed = Honour.safeParse(param);
  return parsed.success ? parsed.data : null;
}

/** The steps a card in this status offers to a user with these permissions. */
export function boardSteps(honour: Honour, status: Status, permissions: readonly string[]): Transition[] {
  return availableSteps(honour, status, permissions);
}

/**
 * The board a user most likely works on: the honour with the most columns whose cards they may
 * move (KP-04 prints medal diplomas too, but works on Honoris Gratia); ties go to the first.
 */
export function defaultBoardHonour(permissions: readonly string[]): Honour {
  const movable = (honour: Honour) => statusesOf(honour).filter((s) => boardSteps(honour, s, permissions).length > 0).length;
  return HONOURS.reduce((best, honour) => (movable(honour) > movable(best) ? honour : best), HONOURS[0]);
}

export type ResultWords = { shown: string; none: string; after?: string };

const RESULTS: ResultWords = { shown: "Wyniki", none: "Brak wyników" };

/**
 * The line above a paged list: „Wyniki 26–33 z 33.”, „Brak wyników.”, and past the last page
 * (an old link, a shortened list) „Brak wyników na tej stronie (wszystkich: 33).”, never a
 * range that ends before it starts.
 */
export function resultCountText(total: number, page: number, pageSize: number, words: ResultWords = RESULTS): string {
  const after = words.after ?? "";
  if (total === 0) return `${words.none}.`;
  const first = (page - 1) * pageSize + 1;
  if (first > total) return `${words.none} na tej stronie (wszystkich: ${total}).`;
  return `${words.shown} ${first}–${Math.min(total, page * pageSize)} z ${total}${after}.`;
}

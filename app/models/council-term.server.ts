import type { Tx } from "#app/utils/db.server";
import { db } from "#app/utils/db.server";

export async function listCouncilTerms() {
  return db().councilTerm.findMany({ orderBy: { number: "asc" } });
}

/** The term in which a date falls (terms are editable data; the latest start wins at a boundary). */
export async function councilTermOn(tx: Tx, date: string) {
  return tx.councilTerm.findFirst({
    where: { startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    orderBy: { startDate: "desc" },
  });
}

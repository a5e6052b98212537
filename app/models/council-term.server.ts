import { Prisma } from "#app/generated/prisma/client.ts";
import type { Tx } from "#app/utils/db.server";
import { db, readRows } from "#app/utils/db.server";

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

/** The terms' numbers in order (the lists' term filter): one plain statement, asked on every list page. */
export async function listCouncilTermNumbers(): Promise<number[]> {
  const rows = await readRows<{ number: number | bigint }[]>(Prisma.sql`SELECT "number" FROM "CouncilTerm" ORDER BY "number"`);
  return rows.map((r) => Number(r.number));
}

// Honoris Gratia stock: badges and diploma blanks received and issued, their levels, and
// whether a planned hand-over has enough.
import { batchShortfall, stockLevels, type StockMovementInput } from "#app/domain/honoris-gratia";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { type Actor } from "./write.server";

export async function stockSummary() {
  const [movements, ceremonies] = await Promise.all([
    db().stockMovement.findMany({
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      include: { ceremony: { select: { id: true, title: true, date: true } } },
    }),
    db().ceremony.findMany({
      where: { status: { notIn: ["CANCELLED"] } },
      orderBy: { date: "desc" },
      select: { id: true, title: true, date: true },
      take: 100,
    }),
  ]);
  return { levels: stockLevels(movements), movements, ceremonies };
}

/**
 * Whether a planned batch of `laureates` hand-overs (one badge and one diploma blank each)
 * exceeds the stock: the shortfalls, empty when there is enough. For the ceremonies module.
 */
export async function checkPlannedBatch(laureates: number, client: Tx = db()) {
  const movements = await client.stockMovement.findMany({ select: { item: true, quantity: true } });
  return batchShortfall(stockLevels(movements), laureates);
}

export type StockResult = { kind: "saved"; id: string } | { kind: "refused"; field: string; message: string };

export async function recordStockMovement(input: StockMovementInput, actor: Actor): Promise<StockResult> {
  return db().$transaction(async (tx) => {
    if (input.ceremonyId && !(await tx.ceremony.findUnique({ where: { id: input.ceremonyId }, select: { id: true } }))) {
      return { kind: "refused" as const, field: "ceremonyId", message: "Wybrana uroczystość nie istnieje." };
    }
    if (input.signedQuantity < 0) {
      const level = stockLevels(await tx.stockMovement.findMany({ where: { item: input.item }, select: { item: true, quantity: true } }))[input.item];
      if (level.left + input.signedQuantity < 0) {
        return { kind: "refused" as const, field: "quantity", message: `W magazynie zostało ${level.left} szt.: nie można wydać ${input.quantity}.` };
      }
    }
    const row = await writeStockMovement(
      tx,
      { item: input.item, quantity: input.signedQuantity, date: input.date, ceremonyId: input.ceremonyId || null, note: input.note },
      actor,
    );
    return { kind: "saved" as const, id: row.id };
  });
}

/**
 * The one write of a stock movement with its audit event, inside the caller's transaction: for the
 * stock page (after its checks) and for holding a ceremony (the badges and blanks handed over).
 */
export async function writeStockMovement(
  tx: Tx,
  movement: { item: string; quantity: number; date: string; ceremonyId: string | null; note: string },
  actor: Actor,
) {
  const row = await tx.stockMovement.create({ data: movement });
  await recordAudit(tx, {
    userId: actor.userId,
    action: "CREATE",
    entityType: "StockMovement",
    entityId: row.id,
    after: { item: row.item, quantity: row.quantity, date: row.date, ceremonyId: row.ceremonyId, note: row.note },
  });
  return row;
}

// The board of an honour: the count of every column in one grouped query, then one query per
// column for its first cards (capped, in the column's order).
import type { Prisma } from "#app/generated/prisma/client.ts";
import { boardColumns, type BoardColumn } from "#app/domain/board";
import type { Honour } from "#app/domain/honours";
import type { Status } from "#app/domain/workflow";
import { db } from "#app/utils/db.server";

const CARD_SELECT = {
  id: true,
  receivedDate: true,
  dueDate: true,
  requestedClass: true,
  opinionClass: true,
  candidate: { select: { displayName: true, isDemo: true } },
} satisfies Prisma.NominationSelect;

const ORDER: Record<BoardColumn["order"], Prisma.NominationOrderByWithRelationInput[]> = {
  received: [{ receivedDate: "asc" }, { id: "asc" }],
  due: [{ dueDate: "asc" }, { receivedDate: "asc" }, { id: "asc" }],
  latest: [{ updatedAt: "desc" }, { id: "desc" }],
};

export type BoardCard = Prisma.NominationGetPayload<{ select: typeof CARD_SELECT }>;

/** The board; `assigneeId`: only the cases this user leads (null: those nobody leads; undefined: all). */
export async function boardOf(honour: Honour, assigneeId?: string | null) {
  const columns = boardColumns(honour);
  const where = assigneeId === undefined ? { honour } : { honour, assigneeId };
  const [counts, ...cards] = await Promise.all([
    db().nomination.groupBy({ by: ["status"], where, _count: { _all: true } }),
    ...columns.map((c) => db().nomination.findMany({ where: { ...where, status: c.status }, orderBy: ORDER[c.order], take: c.limit, select: CARD_SELECT })),
  ]);
  const countOf = new Map(counts.map((g) => [g.status as Status, g._count._all]));
  return columns.map((column, i) => ({ ...column, count: countOf.get(column.status) ?? 0, cards: cards[i]! }));
}

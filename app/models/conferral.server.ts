// Conferrals: who received what, by which act; their permalink ids, numbers and the limit rules.
import { randomBytes } from "node:crypto";
import type { Honour, MedalClass } from "#app/domain/honours";
import type { LimitRule } from "#app/domain/limits";
import { db, type Tx } from "#app/utils/db.server";
import { refuse } from "./write.server";

export async function conferralOf(nominationId: string) {
  return db().conferral.findUnique({
    where: { nominationId },
    include: { resolution: { include: { councilTerm: { select: { number: true } } } }, ordinance: true },
  });
}

/** A short, unguessable id for the public registry permalink. */
export function newPublicId(): string {
  return randomBytes(8).toString("base64url").replace(/[-_]/g, "x").slice(0, 10);
}

/**
 * Gives a conferral the next number of its series in one statement: SQLite runs it under the
 * write lock, so two conferrals can never read the same maximum; the unique index on
 * (numberSeries, number) is the last guard. Historical numbers count: the next one follows the highest.
 */
export async function assignNextNumber(tx: Tx, conferralId: string, series: string): Promise<number> {
  const updated = await tx.$queryRaw<{ number: number | bigint }[]>`
    UPDATE "Conferral"
       SET "numberSeries" = ${series},
           "number" = (SELECT COALESCE(MAX("number"), 0) + 1 FROM "Conferral" WHERE "numberSeries" = ${series}),
           "version" = "version" + 1
     WHERE "id" = ${conferralId} AND "number" IS NULL
    RETURNING "number"`;
  if (updated.length !== 1) refuse("To nadanie ma już numer.");
  return Number(updated[0]!.number);
}

/** The limit rules as app/domain/limits.ts reads them. */
export async function limitRules(tx: Tx): Promise<LimitRule[]> {
  const rows = await tx.limitRule.findMany({ include: { councilTerm: { select: { number: true } } } });
  return rows.map((r) => ({
    honour: r.honour as Honour,
    medalClass: (r.medalClass as MedalClass | null) ?? null,
    maxCount: r.maxCount,
    validFrom: r.validFrom,
    validTo: r.validTo,
    councilTermNumber: r.councilTerm?.number ?? null,
    setByResolutionText: r.setByResolutionText,
  }));
}

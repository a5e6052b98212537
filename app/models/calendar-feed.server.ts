// The calendar feed: its tokens and the ceremonies it (and a single ceremony's .ics) shows.
import * as clock from "#app/domain/clock";
import { todayIso } from "#app/domain/polish-dates";
import { db } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./write.server";

export function listFeedTokens() {
  return db().calendarFeedToken.findMany({ orderBy: { createdAt: "desc" } });
}

export async function createFeedToken(label: string, token: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const row = await tx.calendarFeedToken.create({ data: { label, token } });
    // The secret itself is not logged: the log is readable by more people than the feed.
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "CalendarFeedToken", entityId: row.id, after: { label } });
    return row;
  });
}

export async function revokeFeedToken(id: string, actor: Actor): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const written = await tx.calendarFeedToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: clock.now() } });
    if (written.count === 0) return false;
    await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "CalendarFeedToken", entityId: id, after: { revoked: true } });
    return true;
  });
}

/** Every ceremony from a year back, for a valid (not revoked) token; null otherwise. */
export async function feedCeremonies(token: string, today = todayIso()) {
  const row = await db().calendarFeedToken.findUnique({ where: { token } });
  if (!row || row.revokedAt) return null;
  const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return db().ceremony.findMany({
    where: { date: { gte: from } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
    include: { venue: true, _count: { select: { laureates: true } } },
  });
}

export function ceremonyForIcs(id: string) {
  return db().ceremony.findUnique({ where: { id }, include: { venue: true, _count: { select: { laureates: true } } } });
}

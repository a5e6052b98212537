// Conferrals: who received what, by which act.
import { db } from "#app/utils/db.server";

export async function conferralOf(nominationId: string) {
  return db().conferral.findUnique({
    where: { nominationId },
    include: { resolution: { include: { councilTerm: { select: { number: true } } } }, ordinance: true },
  });
}

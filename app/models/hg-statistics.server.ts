// Honoris Gratia statistics: badges granted and refusals, per year and channel, with decision times.
import { hgStatistics, type DecisionRow } from "#app/domain/honoris-gratia";
import { db } from "#app/utils/db.server";

export async function hgStatisticsData() {
  const [badges, refusals] = await Promise.all([
    db().conferral.findMany({
      where: { honour: "HONORIS_GRATIA" },
      select: { conferredOn: true, nomination: { select: { receivedDate: true, hgApplication: { select: { channel: true } } } } },
    }),
    // A refusal's decision date is the step's date in its audit event.
    db().$queryRaw<{ receivedDate: string; decidedOn: string | null; channel: string | null }[]>`
      SELECT n."receivedDate", json_extract(a."after", '$.eventDate') AS "decidedOn", h."channel"
        FROM "AuditEvent" a
        JOIN "Nomination" n ON n."id" = a."entityId"
        LEFT JOIN "HonorisGratiaApplication" h ON h."id" = n."hgApplicationId"
       WHERE a."entityType" = 'Nomination' AND a."action" = 'TRANSITION' AND a."toStatus" = 'REFUSED' AND n."honour" = 'HONORIS_GRATIA'`,
  ]);
  const decisions: DecisionRow[] = [
    ...badges
      .filter((b) => b.nomination)
      .map((b) => ({
        receivedDate: b.nomination!.receivedDate,
        decidedOn: b.conferredOn,
        granted: true,
        channel: b.nomination!.hgApplication?.channel ?? null,
      })),
    ...refusals.filter((r) => r.decidedOn).map((r) => ({ receivedDate: r.receivedDate, decidedOn: r.decidedOn!, granted: false, channel: r.channel })),
  ];
  return hgStatistics(
    badges.map((b) => ({ conferredOn: b.conferredOn, channel: b.nomination?.hgApplication?.channel ?? null })),
    decisions,
  );
}

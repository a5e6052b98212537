// The dashboard's deadline lists: the Honorary Citizenship round, Honoris Gratia applications
// overdue or due this week, Cracoviae Merenti nominations waiting for the Medal Commission.
// What counts as due is decided in app/domain/deadlines.ts; this module only queries.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { CM_AWAITING_COMMISSION, currentHonoraryCitizenshipRound, dueWindow, HG_OPEN_STATUSES } from "#app/domain/deadlines";
import { db } from "#app/utils/db.server";

/** Items listed under each heading; the count says how many there are in all. */
export const DEADLINE_ITEMS = 5;

const ITEM_SELECT = {
  id: true,
  status: true,
  receivedDate: true,
  dueDate: true,
  requestedClass: true,
  candidate: { select: { displayName: true, isDemo: true } },
} satisfies Prisma.NominationSelect;

export type DeadlineItem = Prisma.NominationGetPayload<{ select: typeof ITEM_SELECT }>;

export async function dashboardDeadlines(today: string) {
  const round = currentHonoraryCitizenshipRound(today);
  const { overdueBefore, dueSoonUntil } = dueWindow(today);
  const hgOpen = { honour: "HONORIS_GRATIA", status: { in: [...HG_OPEN_STATUSES] } } satisfies Prisma.NominationWhereInput;
  const overdue = { ...hgOpen, dueDate: { lt: overdueBefore } } satisfies Prisma.NominationWhereInput;
  const dueSoon = { ...hgOpen, dueDate: { gte: overdueBefore, lte: dueSoonUntil } } satisfies Prisma.NominationWhereInput;
  const commission = { honour: "CRACOVIAE_MERENTI", status: CM_AWAITING_COMMISSION } satisfies Prisma.NominationWhereInput;
  const byDue = [{ dueDate: "asc" as const }, { receivedDate: "asc" as const }, { id: "asc" as const }];

  const [roundCount, overdueCount, overdueItems, dueSoonCount, dueSoonItems, commissionCount, commissionItems] = await Promise.all([
    db().nomination.count({ where: { honour: "HONORARY_CITIZENSHIP", roundYear: round.year } }),
    db().nomination.count({ where: overdue }),
    db().nomination.findMany({ where: overdue, orderBy: byDue, take: DEADLINE_ITEMS, select: ITEM_SELECT }),
    db().nomination.count({ where: dueSoon }),
    db().nomination.findMany({ where: dueSoon, orderBy: byDue, take: DEADLINE_ITEMS, select: ITEM_SELECT }),
    db().nomination.count({ where: commission }),
    db().nomination.findMany({ where: commission, orderBy: [{ receivedDate: "asc" }, { id: "asc" }], take: DEADLINE_ITEMS, select: ITEM_SELECT }),
  ]);
  return {
    honoraryCitizenship: { ...round, count: roundCount },
    honorisGratia: { overdue: { count: overdueCount, items: overdueItems }, dueSoon: { count: dueSoonCount, items: dueSoonItems } },
    medalCommission: { count: commissionCount, items: commissionItems },
  };
}

// The Mayor's Honoris Gratia decisions: the list, the data a decision and its letters print
// (or the draft of the next one), and the badge numbers in each decision's format.
import { byApplicant } from "#app/domain/hg-letters";
import { formatBadgeNumber } from "#app/domain/honoris-gratia";
import { valueOn } from "#app/domain/settings";
import { db, type Tx } from "#app/utils/db.server";
import { letterSenderOn, signatoryOn } from "./settings.server";

const NUMBERING_KEY = "numbering.HONORIS_GRATIA";

/** Prints badge numbers in the format valid on each decision's date (one settings read). */
export async function badgeNumberFormatter(client: Tx = db()) {
  const formats = await client.datedSetting.findMany({ where: { key: NUMBERING_KEY } });
  return (number: number | null, decisionDate: string) =>
    number === null ? null : formatBadgeNumber(valueOn(formats, NUMBERING_KEY, decisionDate)?.value, number, decisionDate);
}

export function listHgDecisions() {
  return db().ordinance.findMany({
    where: { kind: "HG_DECISION" },
    orderBy: [{ issuedOn: "desc" }, { number: "desc" }],
    select: { id: true, number: true, issuedOn: true, _count: { select: { conferrals: true } } },
    take: 200,
  });
}

/** The id of the Mayor's decision with this number and date, or null. */
export async function hgDecisionId(number: string, issuedOn: string): Promise<string | null> {
  const row = await db().ordinance.findUnique({ where: { number_issuedOn: { number, issuedOn } }, select: { id: true } });
  return row?.id ?? null;
}

/** Everything the Mayor's decision and the letters to applicants print, or null. */
export async function hgDecisionData(ordinanceId: string) {
  const ordinance = await db().ordinance.findUnique({
    where: { id: ordinanceId },
    include: {
      conferrals: {
        where: { honour: "HONORIS_GRATIA" },
        orderBy: [{ number: "asc" }, { id: "asc" }],
        include: {
          candidate: { select: { displayName: true, nameNominative: true, city: true } },
          nomination: { select: { caseReference: true, hgApplication: true } },
        },
      },
    },
  });
  if (!ordinance || ordinance.kind !== "HG_DECISION") return null;
  const [format, mayor, sender] = await Promise.all([badgeNumberFormatter(), signatoryOn("MAYOR", ordinance.issuedOn), letterSenderOn(ordinance.issuedOn)]);
  const laureates = ordinance.conferrals.map((c) => ({
    conferralId: c.id,
    name: c.candidate.nameNominative || c.candidate.displayName,
    city: c.candidate.city,
    number: format(c.number, c.conferredOn) ?? "",
    application: c.nomination?.hgApplication ?? null,
    caseReference: c.nomination?.caseReference ?? "",
  }));
  // One letter per applicant: all their applications this decision answers, all their laureates.
  const letters = byApplicant(laureates, (l) => l.application).map((g) => ({ applications: g.applications, laureates: g.items }));
  return { ordinance: { id: ordinance.id, number: ordinance.number, issuedOn: ordinance.issuedOn }, laureates, letters, mayor, sender };
}
export type HgDecisionData = NonNullable<Awaited<ReturnType<typeof hgDecisionData>>> & { draft?: true };

/** The id under which the draft of the next decision is shown (/hg/decisions/draft). */
export const DRAFT_DECISION_ID = "draft";

/**
 * The draft of the Mayor's next decision: the applications whose decision is being prepared
 * (DECISION_PREPARED), without number, date or badge numbers yet; letters come after the decision.
 */
export async function hgDraftDecisionData(today: string): Promise<HgDecisionData> {
  const [prepared, mayor] = await Promise.all([
    db().nomination.findMany({
      where: { honour: "HONORIS_GRATIA", status: "DECISION_PREPARED" },
      orderBy: [{ sortName: "asc" }, { id: "asc" }],
      select: { id: true, caseReference: true, candidate: { select: { displayName: true, nameNominative: true, city: true } } },
    }),
    signatoryOn("MAYOR", today),
  ]);
  return {
    draft: true,
    ordinance: { id: DRAFT_DECISION_ID, number: "……", issuedOn: today },
    laureates: prepared.map((n) => ({
      conferralId: n.id,
      name: n.candidate.nameNominative || n.candidate.displayName,
      city: n.candidate.city,
      number: "……",
      application: null,
      caseReference: n.caseReference,
    })),
    letters: [],
    mayor,
    sender: null,
  };
}

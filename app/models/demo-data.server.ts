// Removing the fictional demo data (prisma/seed/demo.ts) before an office starts its real
// register: every demo record, what hangs on it (drafts, diplomas, ceremony places) and the audit
// rows about it, in one transaction. See docs/operations.md.
import { db, type Tx } from "#app/utils/db.server";
import { removeUnreferencedFiles } from "./attachment.server";

/** What the demo seed marks: isDemo rows, and the fictional office holders and printer it adds. */
const DEMO_SIGNATORY = "(dane demonstracyjne)";
const DEMO_PRINTER_NOTE = "Dane demonstracyjne.";
const DEMO_HISTORY_FILE = "demo-history.csv";

export type DemoCounts = {
  candidates: number;
  nominations: number;
  conferrals: number;
  ceremonies: number;
  hgApplications: number;
  users: number;
  drafts: number;
  resolutions: number;
  ordinances: number;
  signatories: number;
  auditEvents: number;
};

export const DEMO_COUNT_LABEL: Record<keyof DemoCounts, string> = {
  candidates: "kandydaci",
  nominations: "wnioski",
  conferrals: "nadania (w tym historia demonstracyjna)",
  ceremonies: "uroczystości",
  hgApplications: "wnioski „Honoris Gratia” z formularza",
  users: "konta demonstracyjne",
  drafts: "projekty uchwał",
  resolutions: "uchwały bez innych nadań",
  ordinances: "zarządzenia bez innych nadań",
  signatories: "fikcyjni podpisujący",
  auditEvents: "wpisy dziennika zdarzeń o tych danych",
};

async function demoIds(tx: Tx) {
  const candidates = (await tx.candidate.findMany({ where: { isDemo: true }, select: { id: true } })).map((c) => c.id);
  const nominations = await tx.nomination.findMany({
    where: { OR: [{ isDemo: true }, { candidateId: { in: candidates } }] },
    select: { id: true, hgApplicationId: true },
  });
  const nominationIds = nominations.map((n) => n.id);
  const conferrals = await tx.conferral.findMany({
    where: { OR: [{ isDemo: true }, { candidateId: { in: candidates } }, { nominationId: { in: nominationIds } }] },
    select: { id: true, resolutionId: true, ordinanceId: true },
  });
  const conferralIds = conferrals.map((c) => c.id);
  const hgApplications = (
    await tx.honorisGratiaApplication.findMany({
      where: { OR: [{ isDemo: true }, { id: { in: nominations.map((n) => n.hgApplicationId).filter((x): x is string => x !== null) } }] },
      select: { id: true },
    })
  ).map((a) => a.id);
  const ceremonies = (await tx.ceremony.findMany({ where: { isDemo: true }, select: { id: true } })).map((c) => c.id);
  const users = (await tx.user.findMany({ where: { isDemo: true }, select: { id: true } })).map((u) => u.id);
  const draftLinks = await tx.resolutionDraftNomination.findMany({ where: { nominationId: { in: nominationIds } }, select: { draftId: true } });
  // A draft goes with its demo nominations only when it covers no real one.
  const drafts = await tx.resolutionDraft.findMany({
    where: { id: { in: [...new Set(draftLinks.map((l) => l.draftId))] }, nominations: { every: { nominationId: { in: nominationIds } } } },
    select: { id: true, resolutionId: true, ordinanceId: true },
  });
  const draftIds = drafts.map((d) => d.id);
  const acts = (key: "resolutionId" | "ordinanceId") => [...new Set([...conferrals, ...drafts].map((x) => x[key]).filter((x): x is string => x !== null))];
  // An act goes too when nothing real refers to it any more.
  const resolutions = (
    await tx.resolution.findMany({
      where: {
        id: { in: acts("resolutionId") },
        conferrals: { every: { id: { in: conferralIds } } },
        limitRules: { none: {} },
        OR: [{ draft: null }, { draft: { id: { in: draftIds } } }],
      },
      select: { id: true },
    })
  ).map((r) => r.id);
  const ordinances = (
    await tx.ordinance.findMany({
      where: { id: { in: acts("ordinanceId") }, conferrals: { every: { id: { in: conferralIds } } }, drafts: { every: { id: { in: draftIds } } } },
      select: { id: true },
    })
  ).map((o) => o.id);
  const signatories = (await tx.signatory.findMany({ where: { fullName: { contains: DEMO_SIGNATORY } }, select: { id: true } })).map((s) => s.id);
  const entityIds = [
    ...candidates,
    ...nominationIds,
    ...conferralIds,
    ...hgApplications,
    ...ceremonies,
    ...users,
    ...draftIds,
    ...resolutions,
    ...ordinances,
    ...signatories,
  ];
  return { candidates, nominationIds, conferralIds, hgApplications, ceremonies, users, draftIds, resolutions, ordinances, signatories, entityIds };
}

/** Audit rows about the demo records, and the demo history's own import event. */
function demoAuditWhere(entityIds: string[]) {
  return { OR: [{ entityId: { in: entityIds } }, { entityType: "HistoricalImport", after: { contains: `"file":"${DEMO_HISTORY_FILE}"` } }] };
}

function countsOf(ids: Awaited<ReturnType<typeof demoIds>>, auditEvents: number): DemoCounts {
  return {
    candidates: ids.candidates.length,
    nominations: ids.nominationIds.length,
    conferrals: ids.conferralIds.length,
    ceremonies: ids.ceremonies.length,
    hgApplications: ids.hgApplications.length,
    users: ids.users.length,
    drafts: ids.draftIds.length,
    resolutions: ids.resolutions.length,
    ordinances: ids.ordinances.length,
    signatories: ids.signatories.length,
    auditEvents,
  };
}

/** What `npm run demo:remove` would remove (shown before it asks for confirmation). */
export async function demoDataCounts(): Promise<DemoCounts> {
  const tx = db();
  const ids = await demoIds(tx);
  return countsOf(ids, await tx.auditEvent.count({ where: demoAuditWhere(ids.entityIds) }));
}

/**
 * Removes every demo record in one transaction: all of it or, on any failure, nothing. Audit rows
 * that demo accounts left on real records stay, without the account.
 */
export async function removeDemoData(): Promise<DemoCounts> {
  const fileHashes: string[] = [];
  const counts = await db().$transaction(
    async (tx) => {
      const ids = await demoIds(tx);
      const files = await tx.attachment.findMany({ where: { nominationId: { in: ids.nominationIds }, sha256: { not: null } }, select: { sha256: true } });
      fileHashes.push(...files.map((f) => f.sha256!));
      const auditEvents = (await tx.auditEvent.deleteMany({ where: demoAuditWhere(ids.entityIds) })).count;

      const diplomas = (await tx.diploma.findMany({ where: { conferralId: { in: ids.conferralIds } }, select: { id: true } })).map((d) => d.id);
      await tx.diplomaPrint.deleteMany({ where: { diplomaId: { in: diplomas } } });
      await tx.diploma.deleteMany({ where: { id: { in: diplomas } } });
      await tx.ceremonyLaureate.deleteMany({ where: { OR: [{ conferralId: { in: ids.conferralIds } }, { ceremonyId: { in: ids.ceremonies } }] } });
      await tx.stockMovement.deleteMany({ where: { ceremonyId: { in: ids.ceremonies } } });
      await tx.ceremony.deleteMany({ where: { id: { in: ids.ceremonies } } });

      await tx.resolutionDraft.updateMany({ where: { id: { in: ids.draftIds } }, data: { frozenVersionId: null } });
      await tx.resolutionDraft.deleteMany({ where: { id: { in: ids.draftIds } } });
      // A real draft that also named a demo nomination keeps its text, without the link.
      await tx.resolutionDraftNomination.deleteMany({ where: { nominationId: { in: ids.nominationIds } } });
      await tx.conferral.deleteMany({ where: { id: { in: ids.conferralIds } } });
      await tx.resolution.deleteMany({ where: { id: { in: ids.resolutions } } });
      await tx.ordinance.deleteMany({ where: { id: { in: ids.ordinances } } });
      await tx.nomination.deleteMany({ where: { id: { in: ids.nominationIds } } });
      await tx.honorisGratiaApplication.deleteMany({ where: { id: { in: ids.hgApplications } } });
      await tx.candidate.deleteMany({ where: { id: { in: ids.candidates } } });
      await tx.signatory.deleteMany({ where: { id: { in: ids.signatories } } });
      await tx.printerProfile.deleteMany({ where: { note: DEMO_PRINTER_NOTE } });

      await tx.auditEvent.updateMany({ where: { userId: { in: ids.users } }, data: { userId: null } });
      await tx.nomination.updateMany({ where: { createdById: { in: ids.users } }, data: { createdById: null } });
      await tx.resolutionDraftVersion.updateMany({ where: { authorId: { in: ids.users } }, data: { authorId: null } });
      await tx.diplomaPrint.updateMany({ where: { printedById: { in: ids.users } }, data: { printedById: null } });
      await tx.user.deleteMany({ where: { id: { in: ids.users } } });
      return countsOf(ids, auditEvents);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // Files uploaded to demo nominations go after the commit, unless a real attachment has the same content.
  await removeUnreferencedFiles(fileHashes);
  return counts;
}

/** What the importer adds when a number it meets belongs to demo data. */
export const DEMO_REMOVAL_HINT = "To dane demonstracyjne: usuń je poleceniem „npm run demo:remove” (docs/operations.md) i wczytaj plik ponownie.";

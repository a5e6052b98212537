// Honoris Gratia bulk work: a step for many selected applications at once, each through the
// workflow's one transition path, and the event the selected applications propose.
import { BULK_TARGET, mostProposedEvent, planBulk, runBulk, type BulkInput, type BulkRow, type BulkSummary } from "#app/domain/honoris-gratia";
import { transitionSchema } from "#app/domain/transition-form";
import type { Status } from "#app/domain/workflow";
import { db } from "#app/utils/db.server";
import { URGENCY_ORDER } from "./hg-list.server";
import { applyTransitionInBatch, TransitionBatch } from "./workflow.server";
import { type Actor } from "./write.server";

/** The selected Honoris Gratia nominations (others are ignored), in the list's order. */
export async function bulkRows(ids: readonly string[]): Promise<BulkRow[]> {
  if (!ids.length) return [];
  const rows = await db().nomination.findMany({
    where: { id: { in: [...ids] }, honour: "HONORIS_GRATIA" },
    orderBy: URGENCY_ORDER,
    select: { id: true, status: true, candidate: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ id: r.id, status: r.status as Status, name: r.candidate.displayName }));
}

/** A bulk action holds the write lock for its whole batch (500 rows take about half a second). */
const BULK_TIMEOUT_MS = 120_000;

/**
 * Moves each eligible row through the workflow (applyTransitionInBatch, the one transition path):
 * one audit event per row, and each row behind its own savepoint, so a refused or failing row is
 * reported and left as it was while the others complete. The batch commits once.
 */
export async function runHgBulk(input: BulkInput, ids: readonly string[], actor: Actor, today: string): Promise<BulkSummary> {
  const plan = planBulk(await bulkRows(ids), input.bulkAction);
  const to = BULK_TARGET[input.bulkAction];
  const schema = transitionSchema("HONORIS_GRATIA", to, today);
  return db().$transaction(
    async (tx) => {
      const batch = new TransitionBatch(tx);
      const versions = await batch.load(plan.eligible.map((r) => r.id));
      return runBulk(plan, async (row) => {
        const version = versions.get(row.id);
        if (version === undefined) return { ok: false, message: "wniosek nie istnieje" };
        const step = schema.safeParse({ version, eventDate: input.eventDate, actNumber: input.actNumber, reason: input.reason });
        if (!step.success) return { ok: false, message: step.error.issues.map((i) => i.message).join(" ") };
        const result = await applyTransitionInBatch(batch, row.id, to, step.data, actor);
        if (result.kind === "done") return { ok: true };
        if (result.kind === "refused") return { ok: false, message: result.message };
        if (result.kind === "conflict") return { ok: false, message: "wniosek został w międzyczasie zmieniony przez kogoś innego" };
        return { ok: false, message: "wniosek nie istnieje" };
      });
    },
    { timeout: BULK_TIMEOUT_MS, maxWait: BULK_TIMEOUT_MS },
  );
}

/** The event the applications of these nominations propose most often (mostProposedEvent). */
export async function proposedEventOf(nominationIds: readonly string[]) {
  if (!nominationIds.length) return null;
  const rows = await db().nomination.findMany({
    where: { id: { in: [...nominationIds] } },
    select: { hgApplication: { select: { proposedEventName: true, proposedHandoverDate: true } } },
  });
  return mostProposedEvent(rows.flatMap((r) => r.hgApplication ?? []));
}

// Honoris Gratia bulk work: a step for many selected applications at once, each through the
// workflow's one transition path, and the event the selected applications propose.
import {
  mostProposedEvent,
  planBulk,
  runBulk,
  type BulkInput,
  type BulkRow,
  type BulkSummary,
  type PlannedRow,
  type StepOutcome,
} from "#app/domain/honoris-gratia";
import { transitionSchema } from "#app/domain/transition-form";
import type { Status } from "#app/domain/workflow";
import { db } from "#app/utils/db.server";
import { URGENCY_ORDER } from "./hg-list.server";
import { badgeNumberFormatter } from "./hg-decisions.server";
import { applyTransitionInBatch, TransitionBatch, type TransitionResult } from "./workflow.server";
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
 * one audit event per step, and each row behind its own savepoint, so a refused or failing row is
 * reported and left as it was (both steps of „verify and grant” undone) while the others complete.
 * The batch commits once. A granted row's summary carries its badge number.
 */
export async function runHgBulk(input: BulkInput, ids: readonly string[], actor: Actor, today: string): Promise<BulkSummary> {
  const plan = planBulk(await bulkRows(ids), input.bulkAction, { verifyFirst: input.verifyFirst });
  return db().$transaction(
    async (tx) => {
      const batch = new TransitionBatch(tx);
      const versions = await batch.load(plan.eligible.map((r) => r.id));
      const badgeNumber = await badgeNumberFormatter(tx);
      return runBulk(plan, async (row) => {
        const version = versions.get(row.id);
        if (version === undefined) return { ok: false, message: "wniosek nie istnieje" };
        await tx.$executeRawUnsafe("SAVEPOINT bulk_row");
        let outcome: StepOutcome | undefined;
        try {
          outcome = await stepRow(batch, row, version, input, actor, today, badgeNumber);
          return outcome;
        } finally {
          if (!outcome?.ok) await tx.$executeRawUnsafe("ROLLBACK TO bulk_row");
          await tx.$executeRawUnsafe("RELEASE bulk_row");
        }
      });
    },
    { timeout: BULK_TIMEOUT_MS, maxWait: BULK_TIMEOUT_MS },
  );
}

/** One row's steps, in order; the first that fails stops the row (the caller undoes the others). */
async function stepRow(
  batch: TransitionBatch,
  row: PlannedRow,
  version: number,
  input: BulkInput,
  actor: Actor,
  today: string,
  badgeNumber: (n: number | null, decisionDate: string) => string | null,
): Promise<StepOutcome> {
  let outcome: StepOutcome = { ok: true };
  for (const to of row.steps) {
    const step = transitionSchema("HONORIS_GRATIA", to, today).safeParse({
      version,
      eventDate: input.eventDate,
      actNumber: input.actNumber,
      reason: input.reason,
    });
    if (!step.success) return { ok: false, message: step.error.issues.map((i) => i.message).join(" ") };
    const result = await applyTransitionInBatch(batch, row.id, to, step.data, actor);
    if (result.kind !== "done") return { ok: false, message: failure(result) };
    version++;
    if (result.number !== undefined && input.eventDate) outcome = { ok: true, detail: `odznaka nr ${badgeNumber(result.number, input.eventDate)}` };
  }
  return outcome;
}

function failure(result: Exclude<TransitionResult, { kind: "done" }>): string {
  if (result.kind === "refused") return result.message;
  if (result.kind === "conflict") return "wniosek został w międzyczasie zmieniony przez kogoś innego";
  return "wniosek nie istnieje";
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

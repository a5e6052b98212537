// Retention policies: how many months each kind of record is kept before anonymisation (RODO).
import { RECORD_KINDS, type RecordKind, type RetentionPoliciesInput } from "#app/domain/retention";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { expectWritten, isStaleWrite, versioned, type Actor } from "./write.server";

export async function listRetentionPolicies(client: Tx = db()) {
  const rows = await client.retentionPolicy.findMany();
  const order = (kind: string) => {
    const i = RECORD_KINDS.indexOf(kind as RecordKind);
    return i === -1 ? RECORD_KINDS.length : i;
  };
  return rows.sort((a, b) => order(a.recordKind) - order(b.recordKind) || a.recordKind.localeCompare(b.recordKind));
}

export type PolicyUpdateResult =
  | { kind: "updated"; changed: number }
  | { kind: "conflict"; changes: { recordKind: string; savedMonths: number; yourMonths: number }[] }
  | { kind: "not-found"; recordKinds: string[] };

/** Saves the months of every policy in the form, or none: each row must still have the version the form saw. */
export async function updateRetentionPolicies(input: RetentionPoliciesInput, actor: Actor): Promise<PolicyUpdateResult> {
  return db()
    .$transaction(async (tx) => {
      const current = await tx.retentionPolicy.findMany({ where: { recordKind: { in: input.policies.map((p) => p.recordKind) } } });
      const byKind = new Map(current.map((p) => [p.recordKind, p]));
      const missing = input.policies.filter((p) => !byKind.has(p.recordKind)).map((p) => p.recordKind);
      if (missing.length > 0) return { kind: "not-found" as const, recordKinds: missing };
      const stale = input.policies.filter((p) => byKind.get(p.recordKind)!.version !== p.version);
      if (stale.length > 0) {
        return {
          kind: "conflict" as const,
          changes: stale.map((p) => ({ recordKind: p.recordKind, savedMonths: byKind.get(p.recordKind)!.months, yourMonths: p.months })),
        };
      }
      let changed = 0;
      for (const p of input.policies) {
        const saved = byKind.get(p.recordKind)!;
        if (saved.months === p.months) continue;
        // Someone saved between the read and this write: expectWritten undoes everything by throwing.
        expectWritten(await tx.retentionPolicy.updateMany(versioned(saved.id, p.version, { months: p.months })));
        await recordAudit(tx, {
          userId: actor.userId,
          action: "UPDATE",
          entityType: "RetentionPolicy",
          entityId: saved.id,
          before: { recordKind: p.recordKind, months: saved.months },
          after: { recordKind: p.recordKind, months: p.months },
        });
        changed++;
      }
      return { kind: "updated" as const, changed };
    })
    .catch(async (error) => {
      if (!isStaleWrite(error)) throw error;
      const saved = await db().retentionPolicy.findMany();
      return {
        kind: "conflict" as const,
        changes: input.policies.map((p) => ({
          recordKind: p.recordKind,
          savedMonths: saved.find((s) => s.recordKind === p.recordKind)?.months ?? p.months,
          yourMonths: p.months,
        })),
      };
    });
}

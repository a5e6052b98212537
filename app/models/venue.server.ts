// Venues where ceremonies are held.
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit } from "./audit.server";
import { versioned, type Actor, type Conflict, type NotFound, type Saved } from "./write.server";

export async function listVenues(client: Tx = db()) {
  return client.venue.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { ceremonies: true } } } });
}

export function getVenue(id: string) {
  return db().venue.findUnique({ where: { id } });
}

export type VenueWrite = Saved | NotFound | Conflict | { kind: "duplicate" };

export async function saveVenue(
  id: string | null,
  input: { name: string; address: string; capacity?: number; version?: number },
  actor: Actor,
): Promise<VenueWrite> {
  return db().$transaction(async (tx) => {
    const data = { name: input.name, address: input.address, capacity: input.capacity ?? null };
    const same = await tx.venue.findUnique({ where: { name: input.name } });
    if (same && same.id !== id) return { kind: "duplicate" as const };
    if (!id) {
      const v = await tx.venue.create({ data });
      await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "Venue", entityId: v.id, after: data });
      return { kind: "saved" as const, id: v.id };
    }
    const before = await tx.venue.findUnique({ where: { id } });
    if (!before) return { kind: "not-found" as const };
    const written = await tx.venue.updateMany(versioned(id, input.version!, data));
    if (written.count === 0) return { kind: "conflict" as const };
    const diff = changedFields({ name: before.name, address: before.address, capacity: before.capacity }, data);
    if (diff.changed.length)
      await recordAudit(tx, { userId: actor.userId, action: "UPDATE", entityType: "Venue", entityId: id, before: diff.before, after: diff.after });
    return { kind: "saved" as const, id };
  });
}

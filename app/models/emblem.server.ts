// The city's emblem (herb) for diplomas: files valid from/to, like a dated setting, written
// through dated-periods.server.ts (version-checked, audited, never overlapping). A diploma takes
// the emblem valid on its date; without one it is printed without an emblem.
import { emblemProblem, emblemTypeOf, type Emblem as EmblemImage } from "#app/documents/emblem.server";
import { valueOn } from "#app/domain/settings";
import type { NewEmblemInput } from "#app/domain/settings";
import type { Emblem } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/utils/db.server";
import { createPeriod, deletePeriod, type DeleteResult, type PeriodStore, type WriteResult } from "./dated-periods.server";
import { versioned, type Actor } from "./write.server";

/** The emblems without their files, oldest first (the settings screen). */
export function listEmblems() {
  return db().emblem.findMany({
    orderBy: { validFrom: "asc" },
    select: { id: true, mediaType: true, fileName: true, byteSize: true, validFrom: true, validTo: true, note: true, version: true },
  });
}

export function getEmblem(id: string) {
  return db().emblem.findUnique({
    where: { id },
    select: { id: true, mediaType: true, fileName: true, byteSize: true, validFrom: true, validTo: true, note: true, version: true },
  });
}

/**
 * Which emblem a diploma of a date prints (null: none set for that date), from one read of the
 * emblems: a batch of diplomas of several dates asks it for each. A few rows, a few kB each.
 */
export async function emblemsByDate(client: Tx = db()): Promise<(date: string | null) => EmblemImage | null> {
  const rows = (await client.emblem.findMany({ select: { validFrom: true, validTo: true, mediaType: true, data: true } })).map((r) => ({
    ...r,
    key: "emblem",
  }));
  return (date) => {
    const row = date ? valueOn(rows, "emblem", date) : null;
    return row ? { mediaType: row.mediaType as EmblemImage["mediaType"], data: row.data } : null;
  };
}

type EmblemFields = Pick<Emblem, "validFrom" | "validTo" | "note">;
type NewEmblem = EmblemFields & Pick<Emblem, "mediaType" | "data" | "fileName" | "byteSize">;

const emblems: PeriodStore<Emblem, NewEmblem, EmblemFields> = {
  entityType: "Emblem",
  find: (tx, id) => tx.emblem.findUnique({ where: { id } }),
  group: (tx) => tx.emblem.findMany(),
  create: (tx, data) => tx.emblem.create({ data }),
  update: (tx, id, version, data) => tx.emblem.updateMany(versioned(id, version, data)),
  remove: (tx, id, version) => tx.emblem.deleteMany({ where: { id, version } }),
  // The audit log names the file, not its bytes.
  audit: (e) => ({ fileName: e.fileName, mediaType: e.mediaType, byteSize: e.byteSize, validFrom: e.validFrom, validTo: e.validTo, note: e.note }),
  identity: (e) => ({ fileName: e.fileName }),
  fields: (e) => ({ validFrom: e.validFrom, validTo: e.validTo, note: e.note }),
  closeReason: (validFrom) => `Zakończono okres herbu przy dodaniu nowego od ${validFrom}.`,
};

export type EmblemUpload = WriteResult<Emblem> | { kind: "refused"; message: string };

/** Adds an emblem from a date, after checking the file by its content (type, size, that it draws). */
export async function uploadEmblem(input: NewEmblemInput, actor: Actor): Promise<EmblemUpload> {
  const data = new Uint8Array(await input.file.arrayBuffer());
  const problem = emblemProblem(data);
  const mediaType = emblemTypeOf(data);
  if (problem || !mediaType) return { kind: "refused", message: problem ?? "Herb musi być obrazem PNG albo SVG." };
  const { validFrom, validTo, note } = input;
  return createPeriod(emblems, { mediaType, data, fileName: input.file.name.slice(0, 200), byteSize: data.byteLength, validFrom, validTo, note }, input, actor);
}

/** Removes an emblem; only after the user confirmed it. */
export function deleteEmblem(id: string, version: number, actor: Actor): Promise<DeleteResult<Emblem>> {
  return deletePeriod(emblems, id, version, actor);
}

// Uploaded files of a nomination: their rows, and the files in the attachments folder
// (app/utils/attachment-files.server.ts). Every upload and deletion is audited on the nomination,
// so its history shows it and anonymisation redacts it with the nomination's other events.
// A file is removed from disk when no row references its hash any more; placing and removing
// happen inside the write transaction, which runs one at a time, so an upload of the same
// content cannot slip between the count and the removal.
import { ACCEPTED_TYPES, attachmentKindLabel, formatFileSize, maxSizeBytes, type AttachmentUploadInput } from "#app/domain/attachments";
import { todayIso } from "#app/domain/polish-dates";
import { placeIncomingFile, removeStoredFile, storedFileExists, type IncomingFile } from "#app/utils/attachment-files.server";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { settingValueOn } from "./settings.server";
import type { Actor, NotFound } from "./write.server";

const FILE_SELECT = {
  id: true,
  nominationId: true,
  name: true,
  kind: true,
  description: true,
  sha256: true,
  byteSize: true,
  mediaType: true,
  createdAt: true,
} as const;

/** The nomination's uploaded files, oldest first, each marked when its file is missing on disk. */
export async function fileAttachmentsOf(nominationId: string) {
  const rows = await db().attachment.findMany({
    where: { nominationId, sha256: { not: null } },
    select: FILE_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, sha256: r.sha256!, addedOn: todayIso(r.createdAt), onDisk: storedFileExists(r.sha256!) }));
}
export type FileAttachment = Awaited<ReturnType<typeof fileAttachmentsOf>>[number];

/** Attachments recorded by name only (typed on the nomination form, no file). */
export function namedAttachmentsOf(nominationId: string) {
  return db().attachment.findMany({ where: { nominationId, sha256: null }, select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The upload limit in bytes: the setting attachments.maxSizeMb in force today, 20 MB without it. */
export async function attachmentSizeLimit(): Promise<number> {
  return maxSizeBytes(await settingValueOn("attachments.maxSizeMb", todayIso()));
}

/** What the attachment routes need of the nomination: its honour decides who may write. */
export function nominationOfAttachments(id: string) {
  return db().nomination.findUnique({ where: { id }, select: { id: true, honour: true, candidate: { select: { displayName: true } } } });
}

/** One uploaded file of this nomination (an id of another nomination's file finds nothing). */
export function fileAttachment(nominationId: string, attachmentId: string) {
  return db().attachment.findFirst({ where: { id: attachmentId, nominationId, sha256: { not: null } }, select: FILE_SELECT });
}

function auditText(a: { name: string; kind: string | null; mediaType: string | null; byteSize: number | null; description: string | null }): string {
  const type = Object.values(ACCEPTED_TYPES).find((t) => t.mediaType === a.mediaType)?.label ?? a.mediaType ?? "";
  return `${attachmentKindLabel(a.kind)}: ${a.name} (${type}, ${formatFileSize(a.byteSize ?? 0)})${a.description ? ` — ${a.description}` : ""}`;
}

async function referenceCount(tx: Tx, sha256: string): Promise<number> {
  return tx.attachment.count({ where: { sha256 } });
}

/**
 * Records an accepted upload: its file moves to its hash name (or is dropped when that content
 * is stored already) and the row and its audit event are written, all or nothing.
 */
export async function addAttachment(
  nominationId: string,
  input: AttachmentUploadInput,
  file: IncomingFile & { name: string; mediaType: string },
  actor: Actor,
): Promise<{ kind: "saved"; id: string } | NotFound> {
  let placed = false;
  try {
    return await db().$transaction(async (tx) => {
      const nomination = await tx.nomination.findUnique({ where: { id: nominationId }, select: { id: true } });
      if (!nomination) return { kind: "not-found" as const };
      placed = placeIncomingFile(file);
      const row = await tx.attachment.create({
        data: {
          nominationId,
          name: file.name,
          kind: input.kind,
          description: input.description || null,
          sha256: file.sha256,
          byteSize: file.size,
          mediaType: file.mediaType,
        },
      });
      await recordAudit(tx, {
        userId: actor.userId,
        action: "UPDATE",
        entityType: "Nomination",
        entityId: nominationId,
        before: { attachmentFile: null },
        after: { attachmentFile: auditText(row) },
        reason: "Dodano plik załącznika.",
      });
      return { kind: "saved" as const, id: row.id };
    });
  } catch (error) {
    // The row was not written: a file placed for it alone goes too.
    if (placed && (await referenceCount(db(), file.sha256)) === 0) removeStoredFile(file.sha256);
    throw error;
  }
}

/** Deletes an uploaded file's row (audited) and the file itself when no other row references it. */
export async function deleteAttachment(nominationId: string, attachmentId: string, actor: Actor): Promise<{ kind: "deleted"; name: string } | NotFound> {
  return db().$transaction(async (tx) => {
    const row = await tx.attachment.findFirst({ where: { id: attachmentId, nominationId, sha256: { not: null } } });
    if (!row) return { kind: "not-found" as const };
    await tx.attachment.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "Nomination",
      entityId: nominationId,
      before: { attachmentFile: auditText(row) },
      after: { attachmentFile: null },
      reason: "Usunięto plik załącznika.",
    });
    if ((await referenceCount(tx, row.sha256!)) === 0) removeStoredFile(row.sha256!);
    return { kind: "deleted" as const, name: row.name };
  });
}

/** After rows lost their hashes (anonymisation): removes the files no row references any more. */
export async function removeUnreferencedFiles(hashes: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const sha256 of new Set(hashes)) {
    await db().$transaction(async (tx) => {
      if ((await referenceCount(tx, sha256)) > 0 || !storedFileExists(sha256)) return;
      removeStoredFile(sha256);
      removed++;
    });
  }
  return removed;
}

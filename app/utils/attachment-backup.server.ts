// The attachment files in backups: `npm run backup` writes `merenti-<time>.db` and, beside it,
// `merenti-<time>-attachments/` with every file the copied database references (the same rule as
// the live folder: `<database name>-attachments`). `npm run restore` puts the files back into the
// attachments folder before it swaps the database in. Files are named by their SHA-256, so
// copying is add-only: a file already there is the same content.
import { createHash } from "node:crypto";
import { copyFileSync, createReadStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@libsql/client";
import { attachmentsDirOf, syncFile } from "./attachment-files.server";

export type AttachmentCopy = {
  /** The folder the files were copied to. */
  dir: string;
  /** Files the database references (distinct contents). */
  referenced: number;
  /** Files copied now (a restore skips those already in place). */
  copied: number;
  /** Hashes the database references whose file was nowhere to be found. */
  missing: string[];
};

/** The distinct file hashes a database's attachment rows reference (none in a database from before files). */
export async function referencedHashes(databaseFile: string): Promise<string[]> {
  const client = createClient({ url: pathToFileURL(databaseFile).href });
  try {
    const columns = await client.execute(`SELECT name FROM pragma_table_info('Attachment') WHERE name = 'sha256'`);
    if (columns.rows.length === 0) return [];
    const rows = await client.execute(`SELECT DISTINCT "sha256" FROM "Attachment" WHERE "sha256" IS NOT NULL ORDER BY 1`);
    return rows.rows.map((r) => String(r[0])).filter((h) => /^[0-9a-f]{64}$/.test(h));
  } finally {
    client.close();
  }
}

/** The attachments folder that belongs beside a database or backup file. */
export function attachmentsDirBeside(databaseFile: string): string {
  return attachmentsDirOf(pathToFileURL(databaseFile).href);
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Copies the files the copied database (`copyFile`, not yet under its final name `backupFile`)
 * references from the live folder `sourceDir` into the folder beside `backupFile`. The folder is
 * filled under a `.partial` name and renamed when complete, so a backup never has half a folder.
 */
export async function backupAttachmentFiles(copyFile: string, backupFile: string, sourceDir: string): Promise<AttachmentCopy> {
  const hashes = await referencedHashes(copyFile);
  const dir = attachmentsDirBeside(backupFile);
  // A database without uploaded files gets no folder: its backup stays one file.
  if (hashes.length === 0) return { dir, referenced: 0, copied: 0, missing: [] };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const missing: string[] = [];
  let copied = 0;
  try {
    for (const hash of hashes) {
      const source = path.join(sourceDir, hash);
      if (!existsSync(source)) {
        missing.push(hash);
        continue;
      }
      copyFileSync(source, path.join(partial, hash));
      syncFile(path.join(partial, hash));
      copied++;
    }
    syncFile(partial);
    renameSync(partial, dir);
    return { dir, referenced: hashes.length, copied, missing };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Puts the files the database being restored (`copyFile`, the checked copy of `backupFile`)
 * references into `targetDir`, the attachments folder of the restored database: from the folder
 * beside the backup, each checked against its hash and renamed into place whole. Files already
 * in `targetDir` stay; nothing is removed.
 */
export async function restoreAttachmentFiles(copyFile: string, backupFile: string, targetDir: string): Promise<AttachmentCopy> {
  const hashes = await referencedHashes(copyFile);
  const sourceDir = attachmentsDirBeside(backupFile);
  const incoming = path.join(targetDir, ".incoming");
  const missing: string[] = [];
  let copied = 0;
  for (const hash of hashes) {
    const target = path.join(targetDir, hash);
    if (existsSync(target)) continue;
    const source = path.join(sourceDir, hash);
    if (!existsSync(source) || (await sha256OfFile(source)) !== hash) {
      missing.push(hash);
      continue;
    }
    mkdirSync(incoming, { recursive: true });
    const temp = path.join(incoming, `restore-${hash}`);
    copyFileSync(source, temp);
    syncFile(temp);
    renameSync(temp, target);
    copied++;
  }
  if (copied > 0) syncFile(targetDir);
  return { dir: targetDir, referenced: hashes.length, copied, missing };
}

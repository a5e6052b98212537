// The attachments folder: one file per content, named by its SHA-256, however many attachment
// rows point at it. An upload streams to a temporary file in the folder's `.incoming/` (bounded
// memory: one chunk at a time), hashing as it goes, and is renamed into place only when whole and
// accepted, so a failed or refused upload never leaves a half-written file under a hash name.
import { createHash, randomBytes } from "node:crypto";
import { open } from "node:fs/promises";
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { UploadHandler } from "@remix-run/node";
import { fileTypeFromFile } from "file-type";
import { databaseFilePath } from "./database-file.server";
import { env } from "./env.server";

const SHA256 = /^[0-9a-f]{64}$/;
const INCOMING = ".incoming";

/**
 * The attachments folder of a database: `configured` (ATTACHMENTS_DIR) when set, otherwise
 * `<database name>-attachments` beside a file database (app.db → app-attachments), so a copy of
 * the database and its folder travel together; prisma/data/attachments for a libSQL server.
 */
export function attachmentsDirOf(databaseUrl: string, configured?: string): string {
  if (configured) return path.resolve(configured);
  if (!databaseUrl.startsWith("file:")) return path.resolve("prisma/data/attachments");
  const file = databaseFilePath(databaseUrl);
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-attachments`);
}

/** This process's attachments folder (from the environment). */
export function attachmentsDir(): string {
  const e = env();
  return attachmentsDirOf(e.DATABASE_URL, e.ATTACHMENTS_DIR);
}

/** Where the file of a content hash lives (the hash is checked: it names a file on disk). */
export function storedFilePath(sha256: string, dir = attachmentsDir()): string {
  if (!SHA256.test(sha256)) throw new Error(`Nieprawidłowy skrót pliku: ${sha256}`);
  return path.join(dir, sha256);
}

export function storedFileExists(sha256: string, dir = attachmentsDir()): boolean {
  return existsSync(storedFilePath(sha256, dir));
}

/** The stored file as a web stream and its size; null when it is not on disk. */
export function openStoredFile(sha256: string, dir = attachmentsDir()): { body: ReadableStream<Uint8Array>; size: number } | null {
  const file = storedFilePath(sha256, dir);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return null;
  }
  return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size };
}

/** The stored file's content as base64 (the personal-data export), or null when it is not on disk. */
export function storedFileBase64(sha256: string, dir = attachmentsDir()): string | null {
  try {
    return readFileSync(storedFilePath(sha256, dir)).toString("base64");
  } catch {
    return null;
  }
}

export function removeStoredFile(sha256: string, dir = attachmentsDir()): void {
  rmSync(storedFilePath(sha256, dir), { force: true });
}

// ---------------------------------------------------------------- upload

/** A whole upload in `.incoming/`, not yet accepted. */
export type IncomingFile = { tempPath: string; sha256: string; size: number; sentName: string };

export type UploadOutcome = { kind: "none" } | { kind: "too-big" } | { kind: "empty" } | { kind: "file"; file: IncomingFile };

/**
 * An upload handler for Remix's unstable_parseMultipartFormData: the file part named `field`
 * goes to a temporary file; past `maxBytes` it stops writing, removes what it wrote and reads
 * the rest of the part without keeping it (so the browser still gets the answer with the
 * message). Other parts are left to the next handler. Only the first file is taken.
 */
export function fileUploadHandler(field: string, maxBytes: number, dir = attachmentsDir()) {
  let outcome: UploadOutcome = { kind: "none" };
  const drain = async (data: AsyncIterable<Uint8Array>) => {
    for await (const _chunk of data) {
      // discarded
    }
  };
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== field || filename === undefined) return undefined;
    // An empty file input still sends a part, with no name.
    if (outcome.kind !== "none" || filename === "") {
      await drain(data);
      return null;
    }
    const incoming = path.join(dir, INCOMING);
    mkdirSync(incoming, { recursive: true });
    const tempPath = path.join(incoming, randomBytes(16).toString("hex"));
    // Opened before the first write, so a removal after a refusal never races the file's creation.
    const out = (await open(tempPath, "wx")).createWriteStream();
    const hash = createHash("sha256");
    let size = 0;
    let writing = true;
    try {
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (writing && size > maxBytes) {
          writing = false;
          out.destroy();
          await finished(out).catch(() => undefined);
          rmSync(tempPath, { force: true });
        }
        if (!writing) continue;
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, "drain");
      }
      if (writing) {
        out.end();
        await finished(out);
        syncFile(tempPath);
      }
    } catch (error) {
      out.destroy();
      rmSync(tempPath, { force: true });
      throw error;
    }
    if (!writing) outcome = { kind: "too-big" };
    else if (size === 0) {
      rmSync(tempPath, { force: true });
      outcome = { kind: "empty" };
    } else outcome = { kind: "file", file: { tempPath, sha256: hash.digest("hex"), size, sentName: filename } };
    return null;
  };
  return {
    handler,
    outcome: () => outcome,
    /** Removes the temporary file (after a refusal or when it has been placed). */
    discard() {
      if (outcome.kind === "file") rmSync(outcome.file.tempPath, { force: true });
    },
  };
}

/** What the content is (file-type reads the magic bytes; for DOCX and ODT, the zip's entries). */
export async function detectFileType(file: string): Promise<{ ext: string; mime: string } | undefined> {
  return fileTypeFromFile(file);
}

/**
 * Moves an accepted upload to its hash name; when that content is already stored the upload is
 * dropped (one file per content). Returns whether a new file was placed.
 */
export function placeIncomingFile(file: IncomingFile, dir = attachmentsDir()): boolean {
  const target = storedFilePath(file.sha256, dir);
  if (existsSync(target)) {
    rmSync(file.tempPath, { force: true });
    return false;
  }
  renameSync(file.tempPath, target);
  syncFile(dir);
  return true;
}

/** fsync of a file or folder (best effort: some platforms cannot fsync a folder). */
export function syncFile(file: string) {
  try {
    const fd = openSync(file, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A platform that cannot fsync a directory: the rename is still made, only less durably.
  }
}

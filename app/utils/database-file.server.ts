// Where a file: DATABASE_URL puts the database, and the error a backup or restore refuses with.
// Shared by the backup (backup.server.ts) and the attachments folder beside the database.
import path from "node:path";

/** A refusal or failure with a message meant for the person at the terminal. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "BackupError";
  }
}

/** The database file a `file:` DATABASE_URL points at (relative paths from the working directory). */
export function databaseFilePath(databaseUrl: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme !== "file") {
    const where = scheme ? describeServer(databaseUrl) : JSON.stringify(databaseUrl);
    throw new BackupError(
      `Kopie zapasowe i przywracanie działają tylko dla bazy w pliku SQLite (DATABASE_URL=file:…), ` +
        `a DATABASE_URL wskazuje ${where}. Bazę na serwerze libSQL zabezpieczaj kopiami zapasowymi ` +
        `samego serwera (narzędziami jego administratora lub dostawcy).`,
    );
  }
  // The same reading as @libsql/client: file:relative/path, file:/abs/path, file:///abs/path.
  let rest = databaseUrl.slice("file:".length).replace(/[?#].*$/s, "");
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const host = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    if (host !== "" && host.toLowerCase() !== "localhost") {
      throw new BackupError(`Nieprawidłowy adres pliku w DATABASE_URL: ${databaseUrl} (użyj file:/ścieżka/baza.db).`);
    }
    rest = slash < 0 ? "" : rest.slice(slash);
  }
  const file = decodeURIComponent(rest);
  if (file === "" || file.startsWith(":memory:")) {
    throw new BackupError(`DATABASE_URL nie wskazuje pliku bazy danych: ${databaseUrl}`);
  }
  return path.resolve(file);
}

function describeServer(databaseUrl: string): string {
  // Never print a token: scheme and host only.
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/(?:[^@/?#]*@)?([^/?#]*))?/.exec(databaseUrl);
  return match ? `serwer ${match[1]}://${match[2] ?? ""}` : "serwer";
}

// npm run backup [-- --dir DIR]: a consistent, timestamped copy of the database (DATABASE_URL,
// a file: URL) written with VACUUM INTO while the app keeps running. See README, "Backup and restore".
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { backupDatabase, BackupError, formatSize } from "#app/utils/backup.server";
import { NOUNS } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";
import { attachmentsDirOf } from "#app/utils/attachment-files.server";
import { parseEnv } from "#app/utils/env.server";

const USAGE = "Użycie: npm run backup [-- --dir KATALOG]   (domyślnie katalog backups/)";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Like npm start: a local .env is read; real environment variables win over it.
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

try {
  const { values } = parseArgs({
    options: { dir: { type: "string", short: "d" }, help: { type: "boolean", short: "h" } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { DATABASE_URL, ATTACHMENTS_DIR } = parseEnv(process.env);
  const result = await backupDatabase({
    databaseUrl: DATABASE_URL,
    dir: values.dir ?? "backups",
    attachmentsDir: attachmentsDirOf(DATABASE_URL, ATTACHMENTS_DIR),
  });
  const last = result.migrations.at(-1);
  const shown = path.relative(process.cwd(), result.file);
  const seconds =
    result.durationMs < 1000 ? `${result.durationMs} ms` : `${(result.durationMs / 1000).toLocaleString("pl-PL", { maximumFractionDigits: 1 })} s`;
  console.log(`Kopia zapasowa zapisana: ${shown.startsWith("..") ? result.file : shown}`);
  console.log(`  baza: ${result.source}`);
  console.log(
    `  rozmiar: ${formatSize(result.sizeBytes)}, migracje: ${result.migrations.length}${last ? ` (ostatnia: ${last})` : ""}, ` +
      `spójność: ok, czas: ${seconds}`,
  );
  const files = result.attachments;
  const filesDir = path.relative(process.cwd(), files.dir);
  console.log(
    files.referenced === 0
      ? "  załączniki: baza nie wskazuje żadnych plików"
      : `  załączniki: ${countOf(files.copied, NOUNS.file)} w ${filesDir.startsWith("..") ? files.dir : filesDir}`,
  );
  if (files.missing.length > 0) {
    console.warn(`Uwaga: w folderze załączników nie ma plików, które wskazuje baza (liczba: ${files.missing.length}); kopia ich nie zawiera:`);
    for (const hash of files.missing) console.warn(`  - ${hash}`);
  }
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`Błąd: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}

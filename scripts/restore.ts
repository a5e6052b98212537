// npm run restore -- FILE [--yes] [--migrate]: checks a backup (integrity_check, migrations equal
// to prisma/migrations) and, after confirmation, replaces the database (DATABASE_URL, a file:
// URL) with it, keeping the replaced one as .before-restore-<time>. See README, "Backup and restore".
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BackupError, databaseFilePath, fileStamp, formatSize, inspectBackup, restoreDatabase } from "#app/utils/backup.server";
import { NOUNS } from "#app/domain/counts";
import { countOf } from "#app/domain/plural";
import { attachmentsDirOf } from "#app/utils/attachment-files.server";
import { parseEnv } from "#app/utils/env.server";
import { migrate } from "./migrate";

const USAGE = [
  "Użycie: npm run restore -- PLIK_KOPII [--yes] [--migrate]",
  "  --yes      bez pytania o potwierdzenie (do skryptów)",
  "  --migrate  kopia ze starszym schematem: zastosuj brakujące migracje do kopii przed podmianą bazy",
].join("\n");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Like npm start: a local .env is read; real environment variables win over it.
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const show = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") ? file : relative;
};
const when = (date: Date) => new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "short", timeStyle: "short" }).format(date);

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question);
    return /^(t|tak|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      yes: { type: "boolean", short: "y" },
      migrate: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Podaj jeden plik kopii.\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  const { DATABASE_URL, ATTACHMENTS_DIR } = parseEnv(process.env);
  const attachmentsDir = attachmentsDirOf(DATABASE_URL, ATTACHMENTS_DIR);
  const target = databaseFilePath(DATABASE_URL);
  const now = new Date();

  const check = await inspectBackup(file);
  console.log(`Kopia:          ${show(file)}${existsSync(file) ? ` (${formatSize(check.sizeBytes)}, zmieniona ${when(statSync(file).mtime)})` : ""}`);
  console.log(`Spójność:       ${check.integrityOk ? "ok (PRAGMA integrity_check)" : check.integrityChecked ? "BŁĘDY" : "nie sprawdzono"}`);
  if (check.integrityOk) {
    const last = check.migrations.at(-1);
    console.log(`Migracje:       ${check.migrations.length}${last ? ` (ostatnia: ${last})` : ""}`);
  }

  const migrateNow = check.onlyPendingMigrations && values.migrate === true;
  if (check.problems.length > 0 && !migrateNow) {
    console.error(`\nNie można przywrócić tej kopii:\n${check.problems.map((p) => `  - ${p}`).join("\n")}\nBaza ${target} nie została zmieniona.`);
    return 1;
  }
  const replaced = existsSync(target)
    ? ` (obecna zostanie zachowana jako ${path.basename(target)}.before-restore-${fileStamp(now)})`
    : " (jeszcze nie istnieje)";
  console.log(`Baza docelowa:  ${target}${replaced}`);
  if (migrateNow) console.log(`Przed podmianą bazy zostaną zastosowane migracje: ${check.missingMigrations.join(", ")}`);

  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error(
        "\nPrzywrócenie wymaga potwierdzenia, a nie ma terminala, w którym można o nie zapytać. " +
          "Jeśli na pewno chcesz zastąpić bazę, uruchom ponownie z --yes. Baza nie została zmieniona.",
      );
      return 1;
    }
    console.log("\nZatrzymaj aplikację przed przywróceniem: działająca aplikacja pisałaby dalej do zastąpionego pliku.");
    if (!(await confirm("Zastąpić bazę danymi z tej kopii? [t/N] "))) {
      console.log("Przerwano. Baza nie została zmieniona.");
      return 1;
    }
  }

  const result = await restoreDatabase({ file, databaseUrl: DATABASE_URL, now, applyMigrations: values.migrate ? migrate : undefined, attachmentsDir });
  console.log(`\nPrzywrócono bazę ${result.target} z kopii ${show(file)}.`);
  if (result.appliedMigrations.length > 0) console.log(`Zastosowano migracje: ${result.appliedMigrations.join(", ")}.`);
  if (result.previous) console.log(`Poprzednia baza jest zachowana w ${result.previous}.`);
  const files = result.attachments;
  console.log(`Załączniki: ${countOf(files.referenced, NOUNS.file)} w ${show(files.dir)} (przywrócone z kopii: ${files.copied}).`);
  if (files.missing.length > 0) {
    console.warn(`Uwaga: kopia nie zawiera plików załączników, które wskazuje baza (liczba: ${files.missing.length}); wnioski pokażą je jako brakujące:`);
    for (const hash of files.missing) console.warn(`  - ${hash}`);
  }
  console.log("Uruchom aplikację ponownie (npm start).");
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`\nBłąd: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}

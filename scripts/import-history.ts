// npm run import -- plik.csv                        dry run: what the file would create or match, and every error
// npm run import -- plik.csv --apply                imports it in one transaction (nothing while errors remain)
// npm run import -- plik.csv --apply --skip-errors  imports the rows without errors, leaving the others out on purpose
// The format: README, "Import i eksport rejestru historycznego" (app/domain/historical-csv.ts).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyImport, planImport, planReport } from "#app/models/historical-import.server";
import { CLI_WAIT, db, setDatabaseWaitPolicy } from "#app/utils/db.server";
import { migrate } from "./migrate";

setDatabaseWaitPolicy(CLI_WAIT);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const USAGE = "Użycie: npm run import -- plik.csv [--apply] [--skip-errors] [--all]";
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { apply: { type: "boolean" }, "skip-errors": { type: "boolean" }, all: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.log(
    `${USAGE}\n  bez --apply: próba (nic nie zapisuje)\n  --apply: import w jednej transakcji\n  --skip-errors: z --apply pomija wiersze z błędami\n  --all: raport pokazuje wszystkie wiersze`,
  );
  process.exit(values.help ? 0 : 2);
}
const file = positionals[0]!;
if (!existsSync(file)) {
  console.error(`Nie ma pliku ${file}.`);
  process.exit(2);
}

migrate();
const bytes = readFileSync(file);
const rowLimit = values.all ? Infinity : 50;
if (!values.apply) {
  const plan = await planImport(bytes);
  console.log(planReport(plan, { rowLimit }).join("\n"));
  console.log(
    plan.counts.error || plan.fileIssues.length
      ? "\nPróba: popraw błędy (albo użyj --apply --skip-errors)."
      : "\nPróba: plik jest poprawny; --apply go zaimportuje.",
  );
  process.exitCode = plan.counts.error || plan.fileIssues.length ? 1 : 0;
} else {
  console.log("Import zapisuje w jednej transakcji: do jej końca zapisy w aplikacji dostają odpowiedź „Baza danych jest zajęta”, odczyty działają.");
  const result = await applyImport(bytes, { userId: null, fileName: path.basename(file), skipErrors: values["skip-errors"] === true });
  console.log(planReport(result.plan, { rowLimit }).join("\n"));
  if (result.kind === "refused") {
    console.error(`\n${result.message}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\nZaimportowano: ${result.created} nadań (nowi laureaci: ${result.candidatesCreated}); już w rejestrze: ${result.matched}; pominięto: ${result.skipped}.`,
    );
  }
}
await db().$disconnect();

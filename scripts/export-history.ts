// npm run export-history -- plik.csv [--honour CM|HO|HG] [--historical]
// Writes the record in the import format (README, "Import i eksport rejestru historycznego"):
// importing the file back matches every row and creates nothing.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { HONOUR_CODE } from "#app/domain/historical-csv";
import { HONOURS } from "#app/domain/honours";
import { exportHistoricalRecord } from "#app/models/historical-import.server";
import { db } from "#app/utils/db.server";
import { migrate } from "./migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const USAGE = "Użycie: npm run export-history -- plik.csv [--honour CM|HO|HG] [--historical]";
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { honour: { type: "string" }, historical: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const honour = values.honour ? HONOURS.find((h) => HONOUR_CODE[h] === values.honour!.toUpperCase()) : undefined;
if (values.help || positionals.length !== 1 || (values.honour && !honour)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
migrate();
const { csv, count } = await exportHistoricalRecord({ honour, historicalOnly: values.historical === true });
writeFileSync(positionals[0]!, csv);
console.log(`Zapisano ${count} nadań do ${positionals[0]}.`);
await db().$disconnect();

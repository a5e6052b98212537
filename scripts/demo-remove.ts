// npm run demo:remove            shows what is demo data and asks before removing it
// npm run demo:remove -- --yes   removes it without asking (scripts, a fresh installation)
//
// Removes every fictional demo record (prisma/seed/demo.ts), what hangs on it and the audit rows
// about it, in one transaction (docs/operations.md, "Instalacja bez danych demonstracyjnych").
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEMO_COUNT_LABEL, demoDataCounts, removeDemoData, type DemoCounts } from "#app/models/demo-data.server";
import { db } from "#app/utils/db.server";
import { migrate } from "./migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const USAGE = "Użycie: npm run demo:remove [-- --yes]";
let values: { yes?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { yes: { type: "boolean", short: "y" }, help: { type: "boolean", short: "h" } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(`${USAGE}\n  bez --yes: pokazuje, co zostanie usunięte, i pyta o potwierdzenie\n  --yes: usuwa bez pytania (nieodwracalne)`);
  process.exit(0);
}

const lines = (counts: DemoCounts) =>
  (Object.keys(DEMO_COUNT_LABEL) as (keyof DemoCounts)[]).filter((k) => counts[k] > 0).map((k) => `  ${DEMO_COUNT_LABEL[k]}: ${counts[k]}`);

migrate();
const counts = await demoDataCounts();
const found = lines(counts);
if (found.length === 0) {
  console.log("W bazie nie ma danych demonstracyjnych.");
  await db().$disconnect();
  process.exit(0);
}
console.log(["Dane demonstracyjne w bazie:", ...found].join("\n"));
if (!values.yes) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Usunąć je nieodwracalnie? Wpisz „tak”, aby potwierdzić: ");
  rl.close();
  if (answer.trim().toLowerCase() !== "tak") {
    console.log("Nic nie usunięto.");
    await db().$disconnect();
    process.exit(1);
  }
}
const removed = await removeDemoData();
console.log(["Usunięto (w jednej transakcji):", ...lines(removed)].join("\n"));
await db().$disconnect();

// npm run names:resuggest               how many candidates' name forms the current rules would change (dry run)
// npm run names:resuggest -- --apply    suggests them again, in one transaction, with one audit event
//
// A one-off step after the declension rules changed (issue 17): records nobody confirmed and
// nobody typed get the new suggestion; confirmed forms and forms a person wrote are never touched.
// The output names no person: counts only.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { recordAudit } from "#app/models/audit.server";
import { resuggestNameForms } from "#app/models/candidate.server";
import { db } from "#app/utils/db.server";
import { migrate } from "./migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const { values } = parseArgs({ options: { apply: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(
    "Użycie: npm run names:resuggest [-- --apply]\n  bez --apply: tylko liczba kandydatów, których formy by się zmieniły\n  --apply: zapisuje nowe sugestie",
  );
  process.exit(0);
}

migrate();
const apply = values.apply === true;
class DryRun extends Error {}
let changed = 0;
try {
  await db().$transaction(
    async (tx) => {
      changed = await resuggestNameForms(tx, "all");
      if (!apply) throw new DryRun();
      await recordAudit(tx, { userId: null, action: "UPDATE", entityType: "NameFormsResuggestion", entityId: randomUUID(), after: { candidates: changed } });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
} catch (error) {
  if (!(error instanceof DryRun)) throw error;
}
console.log(
  apply ? `Zapisano nowe sugestie form nazwy: ${changed}.` : `Nowe sugestie form nazwy dla ${changed} kandydatów (nic nie zapisano; --apply zapisuje).`,
);
await db().$disconnect();

// npm run retention               lists the nominations whose retention period has run out (dry run)
// npm run retention -- --apply    anonymises them, in one transaction (docs/decisions/004-data-protection.md)
//
// The output names no person (it may end up in a cron mail or a log): ids, case references,
// honours, statuses and dates only.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { HONOUR_SHORT_LABEL, type Honour } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { RECORD_KIND_LABEL } from "#app/domain/retention";
import { STATUS_LABEL, type Status } from "#app/domain/workflow";
import { runRetention } from "#app/models/retention.server";
import { CLI_WAIT, db, setDatabaseWaitPolicy } from "#app/utils/db.server";
import { migrate } from "./migrate";

setDatabaseWaitPolicy(CLI_WAIT);

// Like npm start: a local .env is read; real environment variables win over it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

let values: { apply?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { apply: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUżycie: npm run retention [-- --apply]`);
  process.exit(2);
}
if (values.help) {
  console.log("Użycie: npm run retention [-- --apply]\n  bez --apply: tylko lista wniosków do anonimizacji\n  --apply: anonimizacja (nieodwracalna)");
  process.exit(0);
}

migrate();
const apply = values.apply === true;
if (apply)
  console.log("Anonimizacja zapisuje w jednej transakcji: do jej końca zapisy w aplikacji dostają odpowiedź „Baza danych jest zajęta”, odczyty działają.");
const { due, result } = await runRetention({ apply });

if (due.length === 0) {
  console.log("Żaden wniosek nie czeka na anonimizację.");
} else {
  console.log(`Wnioski, których okres przechowywania upłynął: ${due.length}`);
  for (const d of due) {
    const honour = HONOUR_SHORT_LABEL[d.honour as Honour] ?? d.honour;
    const status = STATUS_LABEL[d.status as Status] ?? d.status;
    const candidate = d.candidate.willBeAnonymized ? "kandydat: do anonimizacji" : "kandydat: pozostaje (wyróżnienie lub inny wniosek)";
    console.log(
      `  ${d.id}  ${d.caseReference || "(bez znaku sprawy)"}  ${honour}, ${status}; rodzaj: ${RECORD_KIND_LABEL[d.recordKind]}; ` +
        `zakończony ${todayIso(d.endedAt)}, do anonimizacji od ${todayIso(d.dueSince)}; ${candidate}`,
    );
  }
  if (!result) {
    console.log("To był podgląd: nic nie zmieniono. Aby zanonimizować te wnioski, uruchom: npm run retention -- --apply");
  }
}
if (result) {
  console.log(
    [
      `Zanonimizowano wnioski: ${result.nominations} (wnioskodawcy: ${result.nominators}, załączniki: ${result.attachments}).`,
      `Kandydaci zanonimizowani: ${result.candidates}; zachowali dane: ${result.candidatesKept}.`,
      `Zgłoszenia „Honoris Gratia”: ${result.hgApplications}. Oczyszczone wpisy dziennika zdarzeń: ${result.auditEventsRedacted}.`,
      result.skippedIds.length ? `Pominięte (już nie spełniały warunków): ${result.skippedIds.length}.` : "",
      `Zdarzenie w dzienniku: ANONYMIZE, RetentionRun ${result.runId}.`,
    ]
      .filter(Boolean)
      .join("\n"),
  );
}
await db().$disconnect();

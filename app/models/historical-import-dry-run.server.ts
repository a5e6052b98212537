// The dry run of an import: what the file would create or match and every problem, as the
// screen and the command line show it. The planning itself is planFile
// (historical-import-plan.server.ts); this keeps of its batches what a report needs, so the
// screen's dry run holds the counts and its first rows, not the file's.
import type { CsvFormat, Issue } from "#app/domain/historical-csv";
import { db } from "#app/utils/db.server";
import { type PlanBatch, planFile, type PlannedRow, type RowAction } from "./historical-import-plan.server";

export type ImportPlan = CsvFormat & {
  /** Problems with the file as a whole (not CSV, missing columns): nothing can be imported. */
  fileIssues: Issue[];
  /** The rows in file order: all of them, or the first `keep` (planImport's option). */
  rows: PlannedRow[];
  /** The issues of the file and of its rows in file order: all, or the first `keep`. */
  issues: Issue[];
  issueCount: number;
  /** Values that look like spreadsheet formulas (imported as text): all, or the first `keep`. */
  warnings: Issue[];
  warningCount: number;
  counts: { rows: number; create: number; match: number; error: number };
};

export type PlanOptions = {
  /** How many rows, issues and warnings the plan keeps (its counts are always whole): the screen keeps 200. */
  keep?: number;
  /** Every issue in file order, including those past `keep` (the error list to download). */
  onIssue?: (issue: Issue) => void;
};

/** The dry run: what the file would create or match, and every problem, row and column. */
export async function planImport(bytes: Uint8Array, options: PlanOptions = {}): Promise<ImportPlan> {
  const collector = planCollector(options);
  const format = await planFile(bytes, db(), collector.add);
  return collector.result(format);
}

/** Keeps what a plan shows as its batches come: every count, and the first rows, issues and warnings. */
export function planCollector({ keep = Infinity, onIssue }: PlanOptions = {}) {
  const counts = { rows: 0, create: 0, match: 0, error: 0 };
  const rows: PlannedRow[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const fileIssues: Issue[] = [];
  let issueCount = 0;
  let warningCount = 0;
  const addIssue = (issue: Issue) => {
    issueCount++;
    if (issues.length < keep) issues.push(issue);
    onIssue?.(issue);
  };
  return {
    add(batch: PlanBatch) {
      fileIssues.push(...batch.fileIssues);
      batch.fileIssues.forEach(addIssue);
      for (const { record: _record, candidateKey: _key, candidateId: _id, ...row } of batch.rows) {
        counts.rows++;
        counts[row.action]++;
        if (rows.length < keep) rows.push(row);
        row.issues.forEach(addIssue);
      }
      warningCount += batch.warnings.length;
      warnings.push(...batch.warnings.slice(0, Math.max(0, keep - warnings.length)));
    },
    result(format: CsvFormat): ImportPlan {
      // A file that cannot be read as a whole imports nothing, whatever rows came before the problem.
      if (fileIssues.length) {
        return {
          ...format,
          fileIssues,
          rows: [],
          issues: fileIssues,
          issueCount: fileIssues.length,
          warnings: [],
          warningCount: 0,
          counts: { rows: 0, create: 0, match: 0, error: 0 },
        };
      }
      return { ...format, fileIssues, rows, issues, issueCount, warnings, warningCount, counts };
    },
  };
}

const ACTION_LABEL: Record<RowAction, string> = { create: "utworzy", match: "istnieje", error: "BŁĄD" };

/** The dry run as plain text (the command line prints it): summary, every error, then the rows. */
export function planReport(plan: ImportPlan, { rowLimit = Infinity }: { rowLimit?: number } = {}): string[] {
  const lines = [
    `Kodowanie: ${plan.encoding}${plan.encoding === "Windows-1250" ? " (plik nie jest w UTF-8: przekodowano z Windows-1250)" : ""}; separator „${plan.delimiter}”.`,
    `Wierszy: ${plan.counts.rows}; do utworzenia: ${plan.counts.create}; już w rejestrze: ${plan.counts.match}; z błędami: ${plan.counts.error}.`,
  ];
  if (plan.issues.length) {
    lines.push("", `Błędy (${plan.issueCount}):`);
    for (const i of plan.issues) lines.push(`  ${i.row === null ? "plik" : `wiersz ${i.row}`}${i.column ? `, kolumna ${i.column}` : ""}: ${i.message}`);
  }
  if (plan.warnings.length) {
    lines.push("", `Ostrzeżenia (${plan.warningCount}):`);
    for (const w of plan.warnings) lines.push(`  wiersz ${w.row}, kolumna ${w.column}: ${w.message}`);
  }
  if (plan.rows.length) {
    lines.push("", "Wiersze:");
    for (const r of plan.rows.slice(0, rowLimit)) lines.push(`  ${String(r.row).padStart(6)}  ${ACTION_LABEL[r.action].padEnd(8)} ${r.label}`);
    if (plan.rows.length > rowLimit) lines.push(`  … i ${plan.rows.length - rowLimit} dalszych (--all pokazuje wszystkie).`);
  }
  return lines;
}

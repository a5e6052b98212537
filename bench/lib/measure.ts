// Timing and reporting shared by the benchmark suites. Benchmarks report, tests assert: a missed
// target is printed as FAIL, never turned into a non-zero exit code.
import { performance } from "node:perf_hooks";

/** What every suite returns to bench/run.ts. */
export type SuiteReport = {
  suite: string;
  figures: Figure[];
};

/** One measured scenario against its target. */
export type Figure = {
  scenario: string;
  iterations: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetP95Ms: number;
  pass: boolean;
  /** Free text shown after the figures, e.g. how many rows the scenario returned. */
  detail?: string;
};

export type MeasureOptions = { warmup: number; iterations: number };

export function iterationsFromEnv(fallback: number): number {
  const n = Number(process.env.BENCH_ITERATIONS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Nearest-rank percentile of ascending-sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Runs `fn` sequentially: a full garbage collection (`npm run bench` runs node with --expose-gc),
 * so the garbage of the set-up (a 100 000-nomination register built in this process) is not
 * collected during, and charged to, the first timed calls; then `warmup` untimed calls, then
 * `iterations` timed ones, each paying for its own garbage.
 */
export async function measure(fn: () => Promise<unknown>, { warmup, iterations }: MeasureOptions): Promise<number[]> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

export function figureOf(scenario: string, sortedSamples: readonly number[], targetP95Ms: number, detail?: string): Figure {
  const p95Ms = percentile(sortedSamples, 95);
  return {
    scenario,
    iterations: sortedSamples.length,
    p50Ms: percentile(sortedSamples, 50),
    p95Ms,
    maxMs: sortedSamples[sortedSamples.length - 1] ?? Number.NaN,
    targetP95Ms,
    pass: p95Ms <= targetP95Ms,
    detail,
  };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
}

/** Prints a fixed-width table; the first column is left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

export function printFigures(figures: readonly Figure[]): void {
  printTable(
    ["scenario", "n", "p50 ms", "p95 ms", "max ms", "target p95", "result"],
    figures.map((f) => [
      f.scenario,
      String(f.iterations),
      formatMs(f.p50Ms),
      formatMs(f.p95Ms),
      formatMs(f.maxMs),
      `≤ ${f.targetP95Ms} ms`,
      f.pass ? "PASS" : "FAIL  <<<",
    ]),
  );
  const details = figures.filter((f) => f.detail);
  if (details.length > 0) {
    console.log("");
    for (const f of details) console.log(`  ${f.scenario}: ${f.detail}`);
  }
}

// Run in a child process by bench/diplomas.ts: the peak memory of one batch, measured in a
// process that does nothing else. After one warm-up batch (modules loaded, fonts parsed, code
// compiled) and a GC, the kernel's RSS high-water mark is reset (/proc/self/clear_refs, Linux);
// the batch's peak is then VmHWM, and its growth VmHWM minus the RSS just before it.
import { readFileSync, writeFileSync } from "node:fs";
import type { DiplomaRows } from "./diplomas";

const kb = (field: "VmHWM" | "VmRSS") => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync("/proc/self/status", "utf8"))![1]);

const rows = JSON.parse(process.env.BENCH_DIPLOMA_ROWS ?? "null") as DiplomaRows;
const { printBatch } = await import("#app/models/diploma-batch.server");
const batch = () =>
  printBatch(rows.conferralIds, { ceremonyId: rows.ceremonyId, mode: "FULL", reason: "SPOILED" }, { userId: rows.userId, name: rows.userName });
await batch();
(globalThis as { gc?: () => void }).gc?.();
writeFileSync("/proc/self/clear_refs", "5");
const before = kb("VmRSS");
const heapBefore = process.memoryUsage().heapUsed;
const result = await batch();
const peak = kb("VmHWM");
const { db } = await import("#app/utils/db.server");
await db().$disconnect();
console.log(
  JSON.stringify({ ok: result.kind === "printed", beforeKb: before, peakKb: peak, heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024 }),
);

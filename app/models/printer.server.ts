// Printer profiles for diplomas on pre-printed stock (settings): a name and the offsets in mm.
// Every write is one transaction with its audit event; a save names the version it started from
// and is refused when someone saved in between; names are unique.
import { calibrationPdf } from "#app/documents/diploma-pdf.server";
import type { PrinterInput } from "#app/domain/diploma-print";
import type { PrinterProfile } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { type Actor } from "./write.server";

export type PrinterWrite =
  { kind: "saved"; row: PrinterProfile } | { kind: "name-taken" } | { kind: "conflict"; saved: PrinterProfile } | { kind: "not-found" };

const audited = (p: PrinterInput) => ({ name: p.name, offsetXMm: p.offsetXMm, offsetYMm: p.offsetYMm, note: p.note });

/**
 * The calibration page for a printer profile (none: without offsets), with its file name; null
 * for a printer that is not there.
 */
export async function calibrationPage(printerId: string | null, orientation: "portrait" | "landscape"): Promise<{ pdf: Buffer; fileName: string } | null> {
  const printer = printerId ? await getPrinter(printerId) : null;
  if (printerId && !printer) return null;
  const pdf = await calibrationPdf(printer, orientation);
  return { pdf, fileName: `kalibracja-${printer ? printer.name : "bez-przesuniecia"}-${orientation === "portrait" ? "pionowo" : "poziomo"}.pdf` };
}

export function getPrinter(id: string) {
  return db().printerProfile.findUnique({ where: { id } });
}

export async function createPrinter(input: PrinterInput, actor: Actor): Promise<PrinterWrite> {
  return db().$transaction(async (tx): Promise<PrinterWrite> => {
    if (await tx.printerProfile.findUnique({ where: { name: input.name } })) return { kind: "name-taken" };
    const row = await tx.printerProfile.create({ data: audited(input) });
    await recordAudit(tx, { userId: actor.userId, action: "CREATE", entityType: "PrinterProfile", entityId: row.id, after: audited(input) });
    return { kind: "saved", row };
  });
}

export async function updatePrinter(id: string, input: PrinterInput & { version: number }, actor: Actor): Promise<PrinterWrite> {
  return db().$transaction(async (tx): Promise<PrinterWrite> => {
    const current = await tx.printerProfile.findUnique({ where: { id } });
    if (!current) return { kind: "not-found" };
    if (current.version !== input.version) return { kind: "conflict", saved: current };
    const other = await tx.printerProfile.findUnique({ where: { name: input.name } });
    if (other && other.id !== id) return { kind: "name-taken" };
    const written = await tx.printerProfile.updateMany({ where: { id, version: input.version }, data: { ...audited(input), version: { increment: 1 } } });
    if (written.count === 0) return { kind: "conflict", saved: current };
    await recordAudit(tx, {
      userId: actor.userId,
      action: "UPDATE",
      entityType: "PrinterProfile",
      entityId: id,
      before: audited(current),
      after: audited(input),
    });
    return { kind: "saved", row: await tx.printerProfile.findUniqueOrThrow({ where: { id } }) };
  });
}

/** Removes a profile (past prints keep the name and offsets they were printed with). */
export async function deletePrinter(
  id: string,
  version: number,
  actor: Actor,
): Promise<{ kind: "deleted" } | { kind: "conflict"; saved: PrinterProfile } | { kind: "not-found" }> {
  return db().$transaction(async (tx) => {
    const current = await tx.printerProfile.findUnique({ where: { id } });
    if (!current) return { kind: "not-found" as const };
    const removed = await tx.printerProfile.deleteMany({ where: { id, version } });
    if (removed.count === 0) return { kind: "conflict" as const, saved: current };
    await recordAudit(tx, { userId: actor.userId, action: "DELETE", entityType: "PrinterProfile", entityId: id, before: audited(current) });
    return { kind: "deleted" as const };
  });
}

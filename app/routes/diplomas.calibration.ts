// /diplomas/calibration?printer=<id>&orientation=landscape|portrait: the calibration page as a PDF
// (crosshairs and rulers printed with the printer's offsets). Prints nothing into the log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calibrationPdf } from "#app/models/diploma.server";
import { requireUserWithAnyPermission } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithAnyPermission(request, ["diploma:print", "settings:manage"]);
  const url = new URL(request.url);
  const printerId = url.searchParams.get("printer");
  const printer = printerId ? await db().printerProfile.findUnique({ where: { id: printerId } }) : null;
  invariantResponse(!printerId || printer, "Nie znaleziono drukarki.", { status: 404 });
  const orientation = url.searchParams.get("orientation") === "portrait" ? "portrait" : "landscape";
  const pdf = await calibrationPdf(printer, orientation);
  return downloadResponse(pdf, { fileName: `kalibracja-${printer ? printer.name : "bez-przesuniecia"}-${orientation === "portrait" ? "pionowo" : "poziomo"}.pdf`, contentType: "application/pdf" });
}

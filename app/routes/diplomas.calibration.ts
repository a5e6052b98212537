// /diplomas/calibration?printer=<id>&orientation=landscape|portrait: the calibration page as a PDF
// (crosshairs and rulers printed with the printer's offsets). Prints nothing into the log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calibrationPage } from "#app/models/printer.server";
import { requireUserWithAnyPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithAnyPermission(request, ["diploma:print", "settings:manage"]);
  const url = new URL(request.url);
  const orientation = url.searchParams.get("orientation") === "portrait" ? "portrait" : "landscape";
  const page = await calibrationPage(url.searchParams.get("printer") || null, orientation);
  invariantResponse(page, "Nie znaleziono drukarki.", { status: 404 });
  return downloadResponse(page.pdf, { fileName: page.fileName, contentType: "application/pdf" });
}

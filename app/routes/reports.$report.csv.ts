// A report as CSV: the same table as its page (app/utils/csv.ts: UTF-8 with BOM, ";", CRLF).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIso } from "#app/domain/polish-dates";
import { buildReport } from "#app/models/reports.server";
import { csvResponse } from "#app/utils/csv";
import { requireReport } from "#app/utils/report-access.server";

const FILE_NAME = { quota: "limity-kadencji", years: "nadania-wg-lat", statuses: "wnioski-wg-statusu", numbers: "numery-medali" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = await requireReport(request, params.report);
  const { table } = await buildReport(key);
  return csvResponse(`raport-${FILE_NAME[key]}-${todayIso()}.csv`, table.header, table.rows);
}

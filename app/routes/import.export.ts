// /import/export[?honour=CM|HO|HG][&historical=1]: the record in the import format, so a file
// exported here and imported back matches every row and creates nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { HONOUR_CODE } from "#app/domain/historical-csv";
import { HONOURS } from "#app/domain/honours";
import { todayIso } from "#app/domain/polish-dates";
import { exportHistoricalRecord } from "#app/models/historical-import.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { downloadResponse } from "#app/utils/download";
import { invariantResponse } from "#app/utils/http";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "laureate:read");
  const url = new URL(request.url);
  const code = url.searchParams.get("honour");
  const honour = code ? HONOURS.find((h) => HONOUR_CODE[h] === code.toUpperCase()) : undefined;
  invariantResponse(!code || honour, "Nieznane wyróżnienie: honour=CM, HO albo HG.", { status: 400 });
  const historicalOnly = url.searchParams.get("historical") === "1";
  const { csv } = await exportHistoricalRecord({ honour, historicalOnly });
  const name = ["rejestr", historicalOnly ? "historyczny" : null, code?.toUpperCase() ?? null, todayIso()].filter(Boolean).join("-");
  return downloadResponse(csv, { fileName: `${name}.csv`, contentType: "text/csv; charset=utf-8" });
}

// The public registry as CSV (open data): every public conferral the filter matches, the same
// public fields as /rejestr, through the one CSV writer. No sign-in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicRegistryUrl } from "#app/domain/diploma";
import { OPEN_DATA_COLUMNS, openDataCsvRow, openDataRecord } from "#app/domain/open-data";
import { todayIso } from "#app/domain/polish-dates";
import { parseRegistryQuery } from "#app/domain/registry";
import { allPublicConferrals } from "#app/models/registry.server";
import { csvResponse } from "#app/utils/csv";
import { env } from "#app/utils/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseRegistryQuery(new URL(request.url).searchParams, "public");
  const rows = await allPublicConferrals(query);
  const base = env().PUBLIC_BASE_URL;
  return csvResponse(
    `rejestr-wyroznien-krakowa-${todayIso()}.csv`,
    OPEN_DATA_COLUMNS,
    rows.map((c) => openDataCsvRow(openDataRecord(c, publicRegistryUrl(base, c.publicId)))),
  );
}

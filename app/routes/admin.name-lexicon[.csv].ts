// /admin/name-lexicon.csv: the lexicon of confirmed name forms, in the seed file's columns.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { LEXICON_CSV_COLUMNS } from "#app/domain/name-lexicon";
import { lexiconCsvRows } from "#app/models/name-lexicon.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "settings:manage");
  return csvResponse("slownik-odmiany.csv", LEXICON_CSV_COLUMNS, await lexiconCsvRows());
}

// Honoris Gratia statistics as CSV: the same figures as the statistics page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { daysText, percentText } from "#app/domain/honoris-gratia";
import { todayIso } from "#app/domain/polish-dates";
import { hgStatisticsData } from "#app/models/hg-statistics.server";
import { requireUserWithPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "nomination:read");
  const stats = await hgStatisticsData();
  return csvResponse(
    `honoris-gratia-statystyki-${todayIso()}.csv`,
    ["zestawienie", "pozycja", "wartość"],
    [
      ...stats.perYear.map((y) => ["odznaki w roku", y.year, y.badges]),
      ...stats.perChannel.map((c) => ["odznaki według kanału", c.label, c.badges]),
      ["decyzje", "liczba decyzji (przyznania i odmowy)", stats.decisions],
      ["decyzje", "średnia liczba dni od wpływu do decyzji", daysText(stats.averageDaysToDecision)],
      ["decyzje", "odsetek decyzji w ciągu miesiąca", percentText(stats.shareWithinMonth)],
    ],
  );
}

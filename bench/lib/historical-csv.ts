// A large, deterministic historical record in the import format (app/domain/historical-csv.ts),
// for the import benchmark and the 10 000-row test: conferrals of all three honours over council
// terms I–VII, about ten per resolution, Honoris Gratia decisions from 2005 on, each medal and
// badge number once. Numbers and resolution running numbers start where the caller says, so the
// file also fits a register that already has conferrals.
import { type HistoricalRecord, historicalCsvRow, EXPORT_COLUMNS } from "#app/domain/historical-csv";
import type { MedalClass } from "#app/domain/honours";
import { addDays } from "#app/domain/polish-dates";
import { toRoman } from "#app/domain/roman";
import { toCsv } from "#app/domain/csv";
import { FEMALE_GIVEN, feminineOf, MALE_GIVEN, ORG_KINDS, ORG_OBJECTS, SURNAMES } from "./names";

/** Terms I–VII as the reference data has them (start, end). */
const TERMS: [number, string, string][] = [
  [1, "1990-06-08", "1994-06-30"],
  [2, "1994-07-01", "1998-10-31"],
  [3, "1998-11-01", "2002-10-31"],
  [4, "2002-11-01", "2006-11-30"],
  [5, "2006-12-01", "2010-11-30"],
  [6, "2010-12-01", "2014-11-30"],
  [7, "2014-12-01", "2018-11-16"],
];

export type HistoricalDatasetOptions = {
  /** The highest number already used per series (CM_GOLD, CM_SILVER, CM_BRONZE, HG). */
  highestNumber?: Record<string, number>;
  /** Resolution running numbers start after this (the register's highest). */
  runningAfter?: number;
  /** A marker in every citation, so a benchmark can find and remove what it imported. */
  citationTag?: string;
};

function person(i: number): Pick<HistoricalRecord, "givenNames" | "surname" | "gender"> {
  const feminine = i % 3 === 1;
  const given = feminine ? FEMALE_GIVEN : MALE_GIVEN;
  const a = i % given.length;
  const b = ((Math.floor(i / given.length) % given.length) + 1 + a) % given.length;
  const surname = SURNAMES[Math.floor(i / (given.length * given.length)) % SURNAMES.length]!;
  return { givenNames: `${given[a]} ${given[b]}`, surname: feminine ? feminineOf(surname) : surname, gender: feminine ? "FEMININE" : "MASCULINE" };
}

export function historicalRecords(count: number, options: HistoricalDatasetOptions = {}): HistoricalRecord[] {
  const next = new Map(Object.entries(options.highestNumber ?? {}));
  const number = (series: string) => {
    const n = (next.get(series) ?? 0) + 1;
    next.set(series, n);
    return n;
  };
  let running = options.runningAfter ?? 0;
  const tag = options.citationTag ? ` [${options.citationTag}]` : "";
  const records: HistoricalRecord[] = [];
  let resolution: { number: string; adoptedOn: string; term: number } | null = null;
  for (let i = 0; i < count; i++) {
    const kindRoll = i % 20;
    const isOrg = kindRoll >= 16;
    const who = isOrg
      ? {
          givenNames: "",
          surname: "",
          gender: null,
          organizationName: `${ORG_KINDS[i % ORG_KINDS.length]} ${ORG_OBJECTS[Math.floor(i / ORG_KINDS.length) % ORG_OBJECTS.length]} nr ${i}`,
        }
      : { ...person(i), organizationName: "" };
    const honourRoll = i % 10;
    const base = {
      ...who,
      kind: isOrg ? ("ORGANIZATION" as const) : ("PERSON" as const),
      handoverPlace: "Sala Obrad Rady Miasta Krakowa",
      citation: `Za zasługi dla Krakowa (dane testowe)${tag}.`,
    };
    if (honourRoll < 4) {
      // Honoris Gratia: the Mayor's decisions from its establishment (17 September 2005) on, a few laureates per ordinance.
      const decidedOn = addDays("2005-09-17", Math.floor(i / 4) % 4800);
      records.push({
        ...base,
        honour: "HONORIS_GRATIA",
        medalClass: null,
        number: number("HG"),
        resolutionNumber: null,
        adoptedOn: null,
        termNumber: null,
        decisionNumber: `${1000 + (Math.floor(i / 4) % 9000)}/${decidedOn.slice(0, 4)}`,
        decidedOn,
        handedOverOn: addDays(decidedOn, 21),
      });
      continue;
    }
    // A new resolution every ten rows, its date moving through terms I–VII.
    if (!resolution || i % 10 === 4) {
      const [term, start, end] = TERMS[Math.floor(i / 10) % TERMS.length]!;
      const span = (Date.parse(end) - Date.parse(start)) / 86_400_000;
      const spread = addDays(start, 10 + ((i * 37) % Math.max(1, Math.floor(span) - 20)));
      // The Medal exists from resolution LIV/370/92 of 12 June 1992.
      const adoptedOn = spread < "1992-06-12" ? "1992-06-12" : spread;
      running++;
      resolution = { number: `${toRoman(1 + (running % 120))}/${running}/${adoptedOn.slice(2, 4)}`, adoptedOn, term };
    }
    const honorary = honourRoll === 9 && !isOrg;
    // Gold goes to institutions; the bronze class exists from 1998.
    const medalClass: MedalClass = isOrg && i % 3 === 0 ? "GOLD" : i % 2 === 0 || resolution.adoptedOn < "1998-01-01" ? "SILVER" : "BRONZE";
    records.push({
      ...base,
      honour: honorary ? "HONORARY_CITIZENSHIP" : "CRACOVIAE_MERENTI",
      medalClass: honorary ? null : medalClass,
      number: honorary ? null : number(`CM_${medalClass}`),
      resolutionNumber: resolution.number,
      adoptedOn: resolution.adoptedOn,
      termNumber: resolution.term,
      decisionNumber: "",
      decidedOn: null,
      handedOverOn: addDays(resolution.adoptedOn, 30),
    });
  }
  return records;
}

/** The file's bytes; `badRow` (a spreadsheet row number, 2 = first data row) gets a date that does not exist. */
export function historicalCsv(records: HistoricalRecord[], { badRow }: { badRow?: number } = {}): Buffer {
  const rows = records.map(historicalCsvRow);
  if (badRow !== undefined) {
    const row = rows[badRow - 2]!;
    const column = row[EXPORT_COLUMNS.indexOf("uchwala_data")] ? "uchwala_data" : "decyzja_data";
    row[EXPORT_COLUMNS.indexOf(column)] = "2001-02-30";
  }
  return Buffer.from(toCsv(EXPORT_COLUMNS, rows), "utf-8");
}

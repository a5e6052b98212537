// The CSV format of the historical record: one row per conferral, the same columns for import and
// export, so an exported file imports back without losing anything. Pure: reading bytes, checking
// each row against the honours' rules and writing rows; the database checks (numbers in use,
// existing resolutions, matching existing records) are in app/models/historical-import.server.ts.
import { isUtf8 } from "node:buffer";
import { parse } from "csv-parse/stream";
import iconv from "iconv-lite";
import { FORMULA_START, toCsv, unneutraliseCell } from "./csv";
import { checkEligibility } from "./eligibility";
import { type CandidateKind, type Gender, HONOUR_LABEL, HONOUR_SHORT_LABEL, HONOURS, type Honour, type MedalClass } from "./honours";
import { isValidIsoDate } from "./polish-dates";
import { checkOrdinanceNumber, checkResolutionNumber, formatResolutionNumber, parseResolutionNumber, type Term } from "./resolution-number";
import { fromRoman, toRoman } from "./roman";
import { foldText } from "./search-text";
import { rowWidthText } from "./counts";

/** The columns every file has, in the order the export writes them. */
export const REQUIRED_COLUMNS = [
  "wyroznienie",
  "klasa",
  "numer",
  "typ",
  "imiona",
  "nazwisko",
  "nazwa",
  "plec",
  "uchwala_nr",
  "uchwala_data",
  "kadencja",
  "decyzja_data",
  "wreczono_data",
  "wreczono_miejsce",
  "opis",
] as const;
/** The Mayor's ordinance number of an Honoris Gratia decision: optional on import, always exported. */
export const OPTIONAL_COLUMNS = ["decyzja_nr"] as const;
export const EXPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type Column = (typeof EXPORT_COLUMNS)[number];

/** What each column holds, for the import screen and the README. */
export const COLUMN_HELP: Record<Column, string> = {
  wyroznienie: "CM, HO lub HG (albo pełna nazwa, np. „Honorowe Obywatelstwo”)",
  klasa: "zloty, srebrny lub brazowy (także z polskimi znakami); tylko Cracoviae Merenti",
  numer: "numer medalu lub odznaki (liczba); Honorowe Obywatelstwo nie ma numeru",
  typ: "osoba lub instytucja",
  imiona: "imiona osoby",
  nazwisko: "nazwisko osoby",
  nazwa: "pełna nazwa instytucji",
  plec: "K lub M (osoby): rodzaj gramatyczny w dokumentach",
  uchwala_nr: "numer uchwały Rady, np. XCIII/610/93 (Cracoviae Merenti, Honorowe Obywatelstwo)",
  uchwala_data: "data podjęcia uchwały",
  kadencja: "kadencja Rady cyframi rzymskimi (puste: wynika z daty uchwały)",
  decyzja_data: "data decyzji Prezydenta (Honoris Gratia)",
  wreczono_data: "data wręczenia",
  wreczono_miejsce: "miejsce wręczenia",
  opis: "krótkie uzasadnienie publikowane w rejestrze",
  decyzja_nr: "numer zarządzenia Prezydenta (Honoris Gratia; kolumna nieobowiązkowa)",
};

/** A problem with the file or one of its rows; row 1 is the header, as a spreadsheet numbers it. */
export type Issue = { row: number | null; column: Column | null; message: string };

/** One conferral as the file describes it, normalised. */
export type HistoricalRecord = {
  honour: Honour;
  medalClass: MedalClass | null;
  number: number | null;
  kind: CandidateKind;
  givenNames: string;
  surname: string;
  organizationName: string;
  gender: Gender | null;
  /** Formatted resolution number (Council honours), or null. */
  resolutionNumber: string | null;
  adoptedOn: string | null;
  termNumber: number | null;
  /** The Mayor's ordinance (Honoris Gratia): its number may be unknown (""). */
  decisionNumber: string;
  decidedOn: string | null;
  handedOverOn: string | null;
  handoverPlace: string;
  citation: string;
};

/** The date the honour exists from: the resolution or the decision. */
export const conferredOnOf = (r: HistoricalRecord) => (r.adoptedOn ?? r.decidedOn)!;

export type RawRow = { row: number; values: Record<Column, string> };

/** How the file is written: found from its bytes before it is read. */
export type CsvFormat = { encoding: "UTF-8" | "Windows-1250"; delimiter: ";" | "," };

/** A row that could not be read by column (wrong number of fields): its cells and the reason. */
export type UnreadableRow = { row: number; cells: string[]; issue: Issue };

/**
 * One stretch of the file as it is read: its rows by column name, the rows that could not be
 * read, and the values a spreadsheet would run as a formula. A problem with the file as a whole
 * (not CSV, wrong header) comes as a batch with `fileIssues` (row null or 1), and nothing is read
 * after it.
 */
export type CsvBatch = {
  rows: RawRow[];
  unreadable: UnreadableRow[];
  fileIssues: Issue[];
  /** Values a spreadsheet would run as a formula: imported as text, but worth a look. */
  warnings: Issue[];
};

/** The whole file: its rows, and every issue (of the file, and the rows not read) in file order. */
export type ReadResult = CsvFormat & { rows: RawRow[]; issues: Issue[]; warnings: Issue[] };

const NOT_CSV = "Plik nie jest plikiem CSV. Zapisz arkusz jako „CSV (rozdzielany średnikami)” i wczytaj go ponownie.";

/** A row before its cells are read: every column, empty. */
const NO_VALUES = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, ""])) as Record<Column, string>;

/** Bytes the parser takes at a time: a few hundred rows, so a batch is small and comes soon. */
const CHUNK_BYTES = 64 * 1024;

const looksBinary = (bytes: Uint8Array) =>
  bytes.subarray(0, 8192).includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** A header name as typed in a spreadsheet: case, diacritics, spaces and hyphens do not matter. */
const headerKey = (name: string) => foldText(name).replace(/[\s-]+/g, "_");

/**
 * UTF-8 (with or without BOM), or Windows-1250 when the bytes are not valid UTF-8; ";" unless
 * the first line has more ",". Only the first line is decoded: a 20 MB file is never one string.
 */
export function csvFormatOf(bytes: Uint8Array): CsvFormat {
  const encoding = isUtf8(bytes) ? "UTF-8" : "Windows-1250";
  const end = bytes.indexOf(0x0a);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, end < 0 ? bytes.length : end);
  const firstLine = (encoding === "UTF-8" ? head.toString("utf8") : iconv.decode(head, "win1250")).replace(/^\uFEFF/, "");
  return { encoding, delimiter: firstLine.split(";").length >= firstLine.split(",").length ? ";" : "," };
}

/** The file's bytes as UTF-8, a chunk at a time (Windows-1250 is decoded as it goes). */
function* utf8Chunks(bytes: Uint8Array, encoding: CsvFormat["encoding"]): Generator<Buffer> {
  const decoder = encoding === "UTF-8" ? null : iconv.getDecoder("win1250");
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK_BYTES, bytes.length - at));
    yield decoder ? Buffer.from(decoder.write(chunk), "utf8") : chunk;
  }
}

/**
 * Reads the file a batch at a time, each row by column name as soon as it is parsed; nothing is
 * kept between batches, so a large file is never held as text, cells or rows. The caller may
 * let other work run between batches.
 */
export async function* historicalCsvBatches(bytes: Uint8Array, format: CsvFormat = csvFormatOf(bytes)): AsyncGenerator<CsvBatch> {
  const empty = (): CsvBatch => ({ rows: [], unreadable: [], fileIssues: [], warnings: [] });
  const fail = (...fileIssues: Issue[]): CsvBatch => ({ ...empty(), fileIssues });
  const problem = (message: string): Issue => ({ row: null, column: null, message });
  if (bytes.length === 0 || looksBinary(bytes)) {
    yield fail(problem(bytes.length === 0 ? "Plik jest pusty." : NOT_CSV));
    return;
  }
  const { delimiter } = format;
  const known = new Set<string>(EXPORT_COLUMNS);
  let batch = empty();
  let header: string[] | null = null;
  let headerIssues: Issue[] = [];
  let dataRows = 0;
  /** One record as it is parsed: the header, or a row for the batch; the parser keeps nothing. */
  const onRecord = (record: string[], row: number): null => {
    if (header === null) {
      header = record.map(headerKey);
      if (header.some((h) => known.has(h))) headerIssues = headerIssuesOf(header, known);
      return null;
    }
    if (headerIssues.length || !header.some((h) => known.has(h))) return null;
    if (record.every((v) => v.trim() === "")) return null;
    dataRows++;
    if (record.length !== header.length) {
      const message = `${rowWidthText(record.length, header.length)} (sprawdź separator „${delimiter}” i cudzysłowy).`;
      batch.unreadable.push({ row, cells: record, issue: { row, column: null, message } });
      return null;
    }
    const values = { ...NO_VALUES };
    for (let j = 0; j < header.length; j++) {
      const h = header[j] as Column | "";
      if (!h) continue;
      const text = record[j]!.trim();
      if (FORMULA_START.test(text)) batch.warnings.push({ row, column: h, message: formulaWarning(text) });
      // A quote our own export put before such a value is not part of it.
      values[h] = unneutraliseCell(text).trim();
    }
    batch.rows.push({ row, values });
    return null;
  };
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    on_record: (record: string[], context) => onRecord(record, context.records),
  });
  const writer = parser.writable.getWriter();
  const taken = () => {
    const done = batch;
    batch = empty();
    return done;
  };
  const unusable = () => header !== null && (headerIssues.length > 0 || !header.some((h) => known.has(h)));
  try {
    for (const chunk of utf8Chunks(bytes, format.encoding)) {
      await writer.write(chunk);
      if (unusable()) break;
      if (batch.rows.length || batch.unreadable.length || batch.warnings.length) yield taken();
    }
    if (!unusable()) await writer.close();
  } catch (error) {
    yield fail(problem(`${NOT_CSV} ${parseProblem(error)}`));
    return;
  }
  if (headerIssues.length) yield fail(...headerIssues);
  else if (!(header ?? []).some((h) => known.has(h)))
    yield fail(problem(`${NOT_CSV} Pierwszy wiersz musi być nagłówkiem z nazwami kolumn: ${REQUIRED_COLUMNS.join(", ")}.`));
  else if (batch.rows.length || batch.unreadable.length || batch.warnings.length) yield taken();
  else if (dataRows === 0) yield fail(problem("Plik nie ma żadnego wiersza danych pod nagłówkiem."));
}

/** The whole file at once (tests and small files); historicalCsvBatches reads a large one. */
export async function readHistoricalCsv(bytes: Uint8Array): Promise<ReadResult> {
  const format = csvFormatOf(bytes);
  const read: ReadResult = { ...format, rows: [], issues: [], warnings: [] };
  for await (const batch of historicalCsvBatches(bytes, format)) {
    read.rows.push(...batch.rows);
    read.issues.push(...batch.fileIssues, ...batch.unreadable.map((u) => u.issue));
    read.warnings.push(...batch.warnings);
  }
  return read;
}

/** What the CSV parser could not read, in Polish and by the spreadsheet's row (the header is row 1). */
function parseProblem(error: unknown): string {
  const { code, records } = error as { code?: string; records?: number };
  const row = typeof records === "number" ? records + 1 : null;
  if (code === "CSV_QUOTE_NOT_CLOSED" && row) return `Cudzysłów otwarty w wierszu ${row} nie jest zamknięty do końca pliku.`;
  return row ? `Nie da się odczytać wiersza ${row}.` : "Nie da się go odczytać.";
}

/** The header's problems that stop the file: missing, unknown or repeated columns. */
function headerIssuesOf(names: string[], known: Set<string>): Issue[] {
  const found: Issue[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) found.push({ row: 1, column: null, message: `Brak kolumn: ${missing.join(", ")}.` });
  const unknown = names.filter((h) => h !== "" && !known.has(h));
  if (unknown.length) found.push({ row: 1, column: null, message: `Nieznane kolumny: ${unknown.join(", ")}. Dozwolone: ${EXPORT_COLUMNS.join(", ")}.` });
  const twice = names.filter((h, i) => h !== "" && names.indexOf(h) !== i);
  if (twice.length) found.push({ row: 1, column: null, message: `Kolumny powtórzone w nagłówku: ${[...new Set(twice)].join(", ")}.` });
  return found;
}

function formulaWarning(text: string): string {
  return `Wartość zaczyna się od „${text[0]}” i arkusz kalkulacyjny może ją wykonać jako formułę: sprawdź ją. Zostanie zapisana jako tekst, a w eksporcie poprzedzona apostrofem.`;
}

// ---------------------------------------------------------------- one row

const plainKey = (text: string) => headerKey(text.replace(/[„”"'.]/g, " "));

const HONOUR_NAMES = new Map<string, Honour>([
  ["cm", "CRACOVIAE_MERENTI"],
  ["ho", "HONORARY_CITIZENSHIP"],
  ["hg", "HONORIS_GRATIA"],
  ["medal_cracoviae_merenti", "CRACOVIAE_MERENTI"],
  ["honorowe_obywatelstwo_miasta_krakowa", "HONORARY_CITIZENSHIP"],
  ["honorowe_obywatelstwo_krakowa", "HONORARY_CITIZENSHIP"],
  ["odznaka_honoris_gratia", "HONORIS_GRATIA"],
  ...HONOURS.flatMap((h) => [h, HONOUR_LABEL[h], HONOUR_SHORT_LABEL[h]].map((name) => [plainKey(name), h] as [string, Honour])),
]);
export const HONOUR_CODE: Record<Honour, string> = { CRACOVIAE_MERENTI: "CM", HONORARY_CITIZENSHIP: "HO", HONORIS_GRATIA: "HG" };

const CLASS_NAMES = new Map<string, MedalClass>([
  ["zloty", "GOLD"],
  ["srebrny", "SILVER"],
  ["brazowy", "BRONZE"],
  ["gold", "GOLD"],
  ["silver", "SILVER"],
  ["bronze", "BRONZE"],
]);
export const CLASS_CODE: Record<MedalClass, string> = { GOLD: "zloty", SILVER: "srebrny", BRONZE: "brazowy" };

const KIND_NAMES = new Map<string, CandidateKind>([
  ["osoba", "PERSON"],
  ["instytucja", "ORGANIZATION"],
  ["organizacja", "ORGANIZATION"],
  ["instytucja_/_organizacja", "ORGANIZATION"],
]);
export const KIND_CODE: Record<CandidateKind, string> = { PERSON: "osoba", ORGANIZATION: "instytucja" };
const GENDER_NAMES = new Map<string, Gender>([
  ["k", "FEMININE"],
  ["m", "MASCULINE"],
]);
export const GENDER_CODE: Record<Gender, string> = { FEMININE: "K", MASCULINE: "M" };

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** "YYYY-MM-DD" or "DD.MM.YYYY" → ISO date; a date that does not exist is an error. */
export function parseCsvDate(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const dotted = DOTTED.exec(text);
  const iso = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { ok: false, message: `„${text}” nie jest datą: wpisz RRRR-MM-DD lub DD.MM.RRRR.` };
  if (!isValidIsoDate(iso)) return { ok: false, message: `Data „${text}” nie istnieje.` };
  return { ok: true, value: iso };
}

export type RowContext = { terms: Term[] };

/** The term a date falls in (the latest start wins at a boundary, as in council-term.server.ts). */
function termOn(terms: Term[], date: string): Term | undefined {
  return terms.filter((t) => t.startDate <= date && (t.endDate === null || t.endDate >= date)).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
}

/** Checks one row against the format and the honours' rules: a record, or every problem found. */
export function validateRow(raw: RawRow, context: RowContext): { record: HistoricalRecord | null; issues: Issue[] } {
  const v = raw.values;
  const issues: Issue[] = [];
  const err = (column: Column, message: string) => issues.push({ row: raw.row, column, message });
  const empty = (c: Column) => v[c] === "";
  const mustBeEmpty = (columns: Column[], why: string) => columns.filter((c) => !empty(c)).forEach((c) => err(c, `Kolumna ${c} musi być pusta: ${why}`));
  const date = (c: Column, required: boolean) => {
    if (empty(c)) {
      if (required) err(c, "Podaj datę.");
      return null;
    }
    const parsed = parseCsvDate(v[c]);
    if (!parsed.ok) err(c, parsed.message);
    return parsed.ok ? parsed.value : null;
  };

  const honour = HONOUR_NAMES.get(plainKey(v.wyroznienie)) ?? null;
  if (!honour) err("wyroznienie", empty("wyroznienie") ? "Podaj wyróżnienie: CM, HO lub HG." : `Nieznane wyróżnienie „${v.wyroznienie}”: wpisz CM, HO lub HG.`);

  let medalClass: MedalClass | null = null;
  if (honour === "CRACOVIAE_MERENTI") {
    medalClass = CLASS_NAMES.get(plainKey(v.klasa)) ?? null;
    if (!medalClass)
      err(
        "klasa",
        empty("klasa") ? "Podaj klasę medalu: zloty, srebrny lub brazowy." : `Nieznana klasa medalu „${v.klasa}”: wpisz zloty, srebrny lub brazowy.`,
      );
  } else if (honour) mustBeEmpty(["klasa"], "klasę ma tylko Medal „Cracoviae Merenti”.");

  let number: number | null = null;
  if (!empty("numer")) {
    if (honour === "HONORARY_CITIZENSHIP") err("numer", "Honorowe Obywatelstwo nie ma numeru.");
    else if (!/^\d{1,7}$/.test(v.numer) || Number(v.numer) < 1) err("numer", `Numer „${v.numer}” musi być liczbą całkowitą większą od zera.`);
    else number = Number(v.numer);
  }

  const kind = KIND_NAMES.get(plainKey(v.typ)) ?? null;
  if (!kind) err("typ", empty("typ") ? "Podaj typ: osoba lub instytucja." : `Nieznany typ „${v.typ}”: wpisz osoba lub instytucja.`);
  let gender: Gender | null = null;
  if (kind === "PERSON") {
    if (empty("imiona")) err("imiona", "Podaj imiona osoby.");
    if (empty("nazwisko")) err("nazwisko", "Podaj nazwisko osoby.");
    mustBeEmpty(["nazwa"], "nazwę wpisuje się tylko instytucji.");
    gender = GENDER_NAMES.get(plainKey(v.plec)) ?? null;
    if (!gender) err("plec", empty("plec") ? "Podaj płeć: K lub M (rodzaj gramatyczny w dokumentach)." : `Nieznana wartość „${v.plec}”: wpisz K lub M.`);
  } else if (kind === "ORGANIZATION") {
    if (empty("nazwa")) err("nazwa", "Podaj pełną nazwę instytucji.");
    mustBeEmpty(["imiona", "nazwisko", "plec"], "imiona, nazwisko i płeć wpisuje się tylko osobie.");
  }

  let resolutionNumber: string | null = null;
  let adoptedOn: string | null = null;
  let termNumber: number | null = null;
  let decidedOn: string | null = null;
  if (honour === "HONORIS_GRATIA") {
    mustBeEmpty(["uchwala_nr", "uchwala_data", "kadencja"], "Odznakę „Honoris Gratia” nadaje Prezydent (kolumny decyzja_data, decyzja_nr).");
    decidedOn = date("decyzja_data", true);
    if (decidedOn && !empty("decyzja_nr")) {
      const checked = checkOrdinanceNumber(v.decyzja_nr, decidedOn);
      if (!checked.ok) err("decyzja_nr", checked.message);
    }
  } else if (honour) {
    mustBeEmpty(["decyzja_data", "decyzja_nr"], "to wyróżnienie nadaje Rada Miasta uchwałą (kolumny uchwala_nr, uchwala_data).");
    adoptedOn = date("uchwala_data", true);
    const parsed = empty("uchwala_nr") ? null : parseResolutionNumber(v.uchwala_nr);
    if (!parsed) err("uchwala_nr", "Podaj numer uchwały, np. XCIII/610/93.");
    else if (!parsed.ok) err("uchwala_nr", parsed.message);
    else resolutionNumber = formatResolutionNumber(parsed.value);

    let declared: number | null = null;
    if (!empty("kadencja")) {
      declared = fromRoman(v.kadencja);
      if (declared === null) err("kadencja", `„${v.kadencja}” nie jest liczbą rzymską (kadencja Rady, np. IV).`);
    }
    if (adoptedOn) {
      const term = termOn(context.terms, adoptedOn);
      if (!term) err("uchwala_data", `Data ${adoptedOn} nie mieści się w żadnej kadencji Rady (kadencje są w ustawieniach).`);
      else if (declared !== null && declared !== term.number) {
        err("kadencja", `Uchwała z ${adoptedOn} należy do ${toRoman(term.number)} kadencji Rady, nie do ${v.kadencja.toUpperCase()}.`);
      } else {
        termNumber = term.number;
        if (parsed?.ok) checkResolutionNumber(parsed.value, adoptedOn, term).forEach((m) => err("uchwala_nr", m));
      }
    }
  }

  const conferredOn = adoptedOn ?? decidedOn;
  const handedOverOn = date("wreczono_data", false);

  if (honour && kind && conferredOn) {
    for (const e of eligibilityErrors({ honour, medalClass, kind, conferredOn, handedOverOn }, [])) err(e.column, e.message);
  }
  if (issues.length || !honour || !kind) return { record: null, issues };
  return {
    record: {
      honour,
      medalClass,
      number,
      kind,
      givenNames: kind === "PERSON" ? v.imiona : "",
      surname: kind === "PERSON" ? v.nazwisko : "",
      organizationName: kind === "ORGANIZATION" ? v.nazwa : "",
      gender,
      resolutionNumber,
      adoptedOn,
      termNumber,
      decisionNumber: honour === "HONORIS_GRATIA" ? v.decyzja_nr : "",
      decidedOn,
      handedOverOn,
      handoverPlace: v.wreczono_miejsce,
      citation: v.opis,
    },
    issues,
  };
}

/**
 * The refusals of the one eligibility function (app/domain/eligibility.ts) for a historical
 * conferral, as row errors in the column they concern. Its warnings are for people deciding a
 * nomination; a recorded conferral the rules refuse is a mistake in the file.
 */
export function eligibilityErrors(
  c: { honour: Honour; medalClass: MedalClass | null; kind: CandidateKind; conferredOn: string; handedOverOn: string | null },
  heldHonours: { honour: Honour; medalClass: MedalClass | null }[],
): { column: Column; message: string }[] {
  const findings = checkEligibility({
    honour: c.honour,
    medalClass: c.medalClass,
    receivedDate: null,
    actDate: c.conferredOn,
    handedOverOn: c.handedOverOn,
    candidate: { kind: c.kind, deceased: false },
    heldHonours,
    openNominations: [],
  });
  const actColumn: Column = c.honour === "HONORIS_GRATIA" ? "decyzja_data" : "uchwala_data";
  const COLUMN: Record<string, Column> = {
    "gold-for-person": "klasa",
    "class-not-yet-established": "klasa",
    "honour-not-yet-established": actColumn,
    "act-after-handover": "wreczono_data",
  };
  return findings.filter((f) => f.level === "refuse").map((f) => ({ column: COLUMN[f.code] ?? "typ", message: f.message }));
}

// ---------------------------------------------------------------- writing

/** One record as a row of the export, in EXPORT_COLUMNS order. */
export function historicalCsvRow(r: HistoricalRecord): string[] {
  const values: Record<Column, string> = {
    wyroznienie: HONOUR_CODE[r.honour],
    klasa: r.medalClass ? CLASS_CODE[r.medalClass] : "",
    numer: r.number === null ? "" : String(r.number),
    typ: KIND_CODE[r.kind],
    imiona: r.givenNames,
    nazwisko: r.surname,
    nazwa: r.organizationName,
    plec: r.gender ? GENDER_CODE[r.gender] : "",
    uchwala_nr: r.resolutionNumber ?? "",
    uchwala_data: r.adoptedOn ?? "",
    kadencja: r.termNumber ? toRoman(r.termNumber) : "",
    decyzja_data: r.decidedOn ?? "",
    wreczono_data: r.handedOverOn ?? "",
    wreczono_miejsce: r.handoverPlace,
    opis: r.citation,
    decyzja_nr: r.decisionNumber,
  };
  return EXPORT_COLUMNS.map((c) => values[c]);
}

/** The whole file (UTF-8 with BOM, ";", CRLF: the app's one CSV writer). */
export function toHistoricalCsv(records: Iterable<HistoricalRecord>): string {
  const rows: string[][] = [];
  for (const r of records) rows.push(historicalCsvRow(r));
  return toCsv(EXPORT_COLUMNS, rows);
}

// Dated settings and signatories: the wording documents take from data, not from code
// (legal-basis sentences, closing clauses, the medal's rules resolution) and who signs as the
// Mayor or the Council Chair. Each value is valid from a date, optionally to a date (both days
// included); two values of one key (or two holders of one office) never overlap. Pure: the model
// (app/models/settings.server.ts) feeds it rows from the database.
import { z } from "zod";
import { optionalText, requiredText } from "./form-fields";
import "./zod-polish";
import { addDays, formatShortDate, IsoDate } from "./polish-dates";

// ---------------------------------------------------------------- vocabulary

export const SETTING_KEYS = [
  "legalBasis.CRACOVIAE_MERENTI",
  "legalBasis.HONORARY_CITIZENSHIP",
  "legalBasis.ORDINANCE",
  "clause.execution",
  "clause.entryIntoForce",
  "rules.CRACOVIAE_MERENTI",
  "act.MUNICIPAL_SELF_GOVERNMENT",
  "ceremony.maxLaureatesPerSession",
  "ceremony.diplomaDaysBefore",
  "numbering.HONORIS_GRATIA",
  "caseReference.HONORIS_GRATIA",
  "letters.senderOffice",
  "letters.senderAddress",
  "attachments.maxSizeMb",
] as const;
export const SettingKey = z.enum(SETTING_KEYS, { error: "Wybierz ustawienie z listy." });
export type SettingKey = z.infer<typeof SettingKey>;

export type SettingDefinition = {
  label: string;
  description: string;
  /** An example of the wording, shown under the field. */
  example: string;
  /** The words the value must end with, where the document's grammar needs them. */
  mustEndWith?: string;
  /** The value is a whole number (a count of laureates, of days). */
  integer?: boolean;
  /** A placeholder the value must contain (a numbering format needs its running number). */
  mustContain?: string;
};

export const SETTINGS: Record<SettingKey, SettingDefinition> = {
  "legalBasis.CRACOVIAE_MERENTI": {
    label: "Podstawa prawna uchwały o przyznaniu Medalu „Cracoviae Merenti”",
    description:
      "Zdanie otwierające uchwałę Rady Miasta Krakowa przyznającą medal: od „Na podstawie…” do „uchwala się, co następuje:”. Projekt uchwały bierze wartość obowiązującą w dniu projektu (po podjęciu: w dniu podjęcia uchwały). {ustawa} zastępuje tekst jednolity ustawy, {regulamin} uchwała w sprawie regulaminu medalu (oba z ustawień na ten dzień).",
    example:
      "Na podstawie art. 18 ust. 2 pkt 15 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} oraz regulaminu … stanowiącego załącznik do {regulamin} … uchwala się, co następuje:",
    mustEndWith: "uchwala się, co następuje:",
  },
  "legalBasis.HONORARY_CITIZENSHIP": {
    label: "Podstawa prawna uchwały o nadaniu Honorowego Obywatelstwa",
    description:
      "Zdanie otwierające uchwałę Rady Miasta Krakowa nadającą tytuł Honorowego Obywatela Stołecznego Królewskiego Miasta Krakowa, zakończone słowami „uchwala się, co następuje:”. {ustawa} zastępuje tekst jednolity ustawy.",
    example: "Na podstawie art. 18 ust. 2 pkt 14 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} … uchwala się, co następuje:",
    mustEndWith: "uchwala się, co następuje:",
  },
  "legalBasis.ORDINANCE": {
    label: "Podstawa prawna zarządzenia Prezydenta przekazującego projekt uchwały",
    description:
      "Zdanie otwierające zarządzenie Prezydenta Miasta Krakowa w sprawie przyjęcia i przekazania pod obrady Rady Miasta Krakowa projektu uchwały, zakończone słowami „zarządza się, co następuje:”. {ustawa} zastępuje tekst jednolity ustawy.",
    example: "Na podstawie art. 30 ust. 1 i ust. 2 pkt 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym {ustawa} zarządza się, co następuje:",
    mustEndWith: "zarządza się, co następuje:",
  },
  "clause.execution": {
    label: "Klauzula wykonawcza uchwały",
    description: "Paragraf uchwały wskazujący, komu powierza się jej wykonanie.",
    example: "Wykonanie uchwały powierza się Prezydentowi Miasta Krakowa.",
  },
  "clause.entryIntoForce": {
    label: "Klauzula o wejściu uchwały w życie",
    description: "Ostatni paragraf uchwały: od kiedy uchwała obowiązuje.",
    example: "Uchwała wchodzi w życie z dniem podjęcia.",
  },
  "rules.CRACOVIAE_MERENTI": {
    label: "Obowiązująca uchwała w sprawie regulaminu Medalu „Cracoviae Merenti”",
    description: "Uchwała Rady Miasta Krakowa, która ostatnio ustaliła lub zmieniła regulamin medalu; projekty uchwał i uzasadnienia powołują się na nią.",
    example: "uchwała nr C/2603/18 Rady Miasta Krakowa z dnia 25 kwietnia 2018 r.",
  },
  "act.MUNICIPAL_SELF_GOVERNMENT": {
    label: "Tekst jednolity ustawy o samorządzie gminnym",
    description:
      "Publikator obowiązującego tekstu jednolitego ustawy z dnia 8 marca 1990 r. o samorządzie gminnym, w nawiasie. Podstawy prawne uchwał i zarządzeń wstawiają go w miejsce {ustawa}; regulamin medalu (uchwała w dopełniaczu) w miejsce {regulamin}.",
    example: "(Dz. U. z 2024 r. poz. 1465, z późn. zm.)",
  },
  "ceremony.maxLaureatesPerSession": {
    label: "Największa liczba laureatów na jednej uroczystej sesji",
    description: "Uroczystość z większą liczbą laureatów dostaje ostrzeżenie (sesje Rady Miasta; gale i wydarzenia innych organizacji nie są liczone).",
    example: "10",
    integer: true,
  },
  "ceremony.diplomaDaysBefore": {
    label: "Ile dni przed uroczystością dyplomy mają być zatwierdzone i wydrukowane",
    description: "Od tego dnia uroczystość z niezatwierdzonym lub niewydrukowanym dyplomem dostaje ostrzeżenie.",
    example: "14",
    integer: true,
  },
  "numbering.HONORIS_GRATIA": {
    label: "Format numeru Odznaki „Honoris Gratia”",
    description:
      "Jak drukowany jest numer odznaki (listy, decyzje, pisma): {n} to numer kolejny serii (ciągły od pierwszej odznaki), {rrrr} rok decyzji. Źródła nie podają formatu, dlatego jest ustawieniem; obowiązuje format z dnia decyzji.",
    example: "{n}/{rrrr}",
    mustContain: "{n}",
  },
  "caseReference.HONORIS_GRATIA": {
    label: "Wzór znaku sprawy wniosku „Honoris Gratia”",
    description:
      "Znak sprawy nadawany przez KP-04: <nr> to numer sprawy, <rrrr> rok. Wniosek ze znakiem innej postaci jest odrzucany; bez tego ustawienia obowiązuje KP-04.0012.<nr>.<rrrr>.",
    example: "KP-04.0012.<nr>.<rrrr>",
    mustContain: "<nr>",
  },
  "letters.senderOffice": {
    label: "Nadawca pism do wnioskodawców: nazwa komórki",
    description: "Pierwszy wiersz nagłówka pism do wnioskodawców „Honoris Gratia” (o nadaniu i o odmowie). Obowiązuje wartość z dnia pisma.",
    example: "Kancelaria Prezydenta Miasta Krakowa",
  },
  "letters.senderAddress": {
    label: "Nadawca pism do wnioskodawców: adres",
    description: "Adres w nagłówku pism do wnioskodawców; pismo dzieli go na wiersze przed kodem pocztowym i przy średniku (np. „…; tel. 12 616 12 00”).",
    example: "pl. Wszystkich Świętych 3-4, 31-004 Kraków",
  },
  "attachments.maxSizeMb": {
    label: "Największy rozmiar pliku załącznika (MB)",
    description:
      "Plik załącznika wniosku (skan pisma, życiorys, lista podpisów) większy niż tyle megabajtów jest odrzucany przy przesyłaniu. Bez tego ustawienia obowiązuje 20 MB.",
    example: "20",
    integer: true,
  },
};

/** The hint under a value's field: the example and, where needed, the words it must end with. */
export function settingHint(key: string): string | undefined {
  if (!isSettingKey(key)) return undefined;
  const { example, mustEndWith } = SETTINGS[key];
  return `Przykład: „${example}”${mustEndWith ? `; treść musi kończyć się słowami „${mustEndWith}”` : ""}`;
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

export function settingLabel(key: string): string {
  return isSettingKey(key) ? SETTINGS[key].label : key;
}

export const OFFICES = ["MAYOR", "COUNCIL_CHAIR"] as const;
export const Office = z.enum(OFFICES, { error: "Wybierz urząd." });
export type Office = z.infer<typeof Office>;

export const OFFICE_LABEL: Record<Office, string> = {
  MAYOR: "Prezydent Miasta Krakowa",
  COUNCIL_CHAIR: "Przewodniczący Rady Miasta Krakowa",
};

/** What the diploma prints under the signature, by default (a woman chairing: „Przewodnicząca …”). */
export const OFFICE_DEFAULT_TITLE_LINE: Record<Office, string> = {
  MAYOR: "Prezydent Miasta Krakowa",
  COUNCIL_CHAIR: "Przewodniczący Rady Miasta Krakowa",
};

export const OFFICE_DESCRIPTION: Record<Office, string> = {
  MAYOR:
    "Podpisuje zarządzenia przekazujące projekty uchwał, decyzje i dyplomy Odznaki „Honoris Gratia” oraz, obok Przewodniczącego Rady, dyplomy Medalu i Honorowego Obywatelstwa.",
  COUNCIL_CHAIR: "Podpisuje uchwały Rady Miasta Krakowa oraz, obok Prezydenta, dyplomy Medalu „Cracoviae Merenti” i Honorowego Obywatelstwa.",
};

export function isOffice(office: string): office is Office {
  return (OFFICES as readonly string[]).includes(office);
}

export function officeLabel(office: string): string {
  return isOffice(office) ? OFFICE_LABEL[office] : office;
}

// ---------------------------------------------------------------- links

/** The id of a key's section on /admin/settings (the key itself: "legalBasis.CRACOVIAE_MERENTI"). */
export function settingAnchor(key: string): string {
  return key;
}

/** The id of an office's section on /admin/settings: "signatory-MAYOR". */
export function signatoryAnchor(office: string): string {
  return `signatory-${office}`;
}

/** Where to fill in a missing setting: "/admin/settings#clause.execution". */
export function settingHref(key: string): string {
  return `/admin/settings#${settingAnchor(key)}`;
}

/** Where to fill in a missing signatory: "/admin/settings#signatory-MAYOR". */
export function signatoryHref(office: string): string {
  return `/admin/settings#${signatoryAnchor(office)}`;
}

// ---------------------------------------------------------------- periods

/** A validity period: both days included; validTo null = still valid. */
export type Period = { validFrom: string; validTo: string | null };

const END_OF_TIME = "9999-12-31";

/** True when the period includes the calendar day `date` ("YYYY-MM-DD"). */
export function isValidOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || period.validTo >= date);
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.validFrom <= (b.validTo ?? END_OF_TIME) && b.validFrom <= (a.validTo ?? END_OF_TIME);
}

/** Of the rows valid on `date`, the one with the latest validFrom; null when none is. */
function latestValidOn<T extends Period>(rows: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (!isValidOn(row, date)) continue;
    if (!best || row.validFrom > best.validFrom) best = row;
  }
  return best;
}

/** The setting row of `key` valid on `date`: the latest validFrom ≤ date whose validTo is null or ≥ date. */
export function valueOn<T extends Period & { key: string }>(settings: readonly T[], key: string, date: string): T | null {
  return latestValidOn(
    settings.filter((s) => s.key === key),
    date,
  );
}

/** Who held `office` on `date` (the same rule as valueOn); null when nobody is recorded. */
export function signatoryOn<T extends Period & { office: string }>(signatories: readonly T[], office: string, date: string): T | null {
  return latestValidOn(
    signatories.filter((s) => s.office === office),
    date,
  );
}

export type PeriodState = "current" | "past" | "future";

/** Whether a period is the one in force on `today`, over, or still to come. */
export function periodState(period: Period, today: string): PeriodState {
  if (period.validFrom > today) return "future";
  if (period.validTo !== null && period.validTo < today) return "past";
  return "current";
}

/** "od 07.05.2024" or "od 21.11.2018 do 06.05.2024". */
export function periodText(period: Period): string {
  return period.validTo ? `od ${formatShortDate(period.validFrom)} do ${formatShortDate(period.validTo)}` : `od ${formatShortDate(period.validFrom)}`;
}

type Row = Period & { id: string };

export type DatedWritePlan<T extends Row> = { kind: "ok"; close: { row: T; validTo: string } | null } | { kind: "overlap"; rows: T[] };

/**
 * Checks a new or changed period against the other rows of the same key or office.
 * - `rows`: every row of that key/office as saved (the edited row, if any, is skipped by `id`);
 * - `closePrevious` (new rows only): the row that began earlier and still runs on the new
 *   validFrom is ended the day before (a new Mayor from 7 May ends the previous one on 6 May),
 *   provided it would not have run beyond the new period's end (its tail would be lost).
 * Answers what to write, or the rows the period would overlap.
 */
export function planDatedWrite<T extends Row>(rows: readonly T[], period: Period, options: { id?: string; closePrevious?: boolean } = {}): DatedWritePlan<T> {
  const others = rows.filter((r) => r.id !== options.id);
  let close: { row: T; validTo: string } | null = null;
  if (options.closePrevious && !options.id) {
    const previous = others
      .filter((r) => r.validFrom < period.validFrom && isValidOn(r, period.validFrom))
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (previous && (previous.validTo ?? END_OF_TIME) <= (period.validTo ?? END_OF_TIME)) {
      close = { row: previous, validTo: addDays(period.validFrom, -1) };
    }
  }
  const overlapping = others.filter((r) => periodsOverlap(close && r.id === close.row.id ? { ...r, validTo: close.validTo } : r, period));
  if (overlapping.length) return { kind: "overlap", rows: overlapping };
  return { kind: "ok", close };
}

/** Which date of a refused period to mark: its start when another row runs on that day, else its end. */
export function overlapField(period: Period, rows: readonly Period[]): "validFrom" | "validTo" {
  return rows.some((r) => isValidOn(r, period.validFrom)) ? "validFrom" : "validTo";
}

/** Every pair of rows (of one key or office) whose periods overlap: a data check for the screen. */
export function overlappingPairs<T extends Row>(rows: readonly T[]): [T, T][] {
  const sorted = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const pairs: [T, T][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (periodsOverlap(sorted[i]!, sorted[j]!)) pairs.push([sorted[i]!, sorted[j]!]);
    }
  }
  return pairs;
}

/** The Polish refusal when a setting's period overlaps other values of the same key. */
export function settingOverlapMessage(rows: readonly Period[]): string {
  const list = rows.map(periodText).join("; ");
  return `Ten okres nakłada się na inną wartość tego ustawienia (obowiązującą ${list}). W danym dniu może obowiązywać tylko jedna wartość: zmień daty albo najpierw zakończ tamtą wartość.`;
}

/** The Polish refusal when a signatory's period overlaps another holder of the office. */
export function signatoryOverlapMessage(rows: readonly (Period & { fullName: string })[]): string {
  const list = rows.map((r) => `${r.fullName}, ${periodText(r)}`).join("; ");
  return `Ten okres nakłada się na okres innej osoby na tym stanowisku (${list}). W danym dniu urząd pełni jedna osoba: zmień daty albo najpierw zakończ tamten okres.`;
}

// ---------------------------------------------------------------- forms

const ValidFrom = z.string({ error: "Podaj datę, od której wartość obowiązuje." }).pipe(IsoDate);
const ValidTo = IsoDate.optional().transform((v) => v ?? null);
const checkbox = z
  .boolean()
  .optional()
  .transform((v) => v ?? false);
const Version = z.coerce.number().int().min(1);

/** The value of `key`, normalised (one line, single spaces) and checked against the key's rules. */
export function settingValueSchema(key: string) {
  const definition = isSettingKey(key) ? SETTINGS[key] : undefined;
  return requiredText({ max: 4000, multiline: true }, "Wpisz treść ustawienia.")
    .transform((v) => v.replace(/\s+/g, " "))
    .refine((v) => !definition?.mustEndWith || v.endsWith(definition.mustEndWith), {
      message: `Ta treść jest wstawiana do dokumentu jako całe zdanie: musi kończyć się słowami „${definition?.mustEndWith ?? ""}”.`,
    })
    .refine((v) => !definition?.integer || /^\d{1,4}$/.test(v), { message: "Wpisz liczbę całkowitą, np. 10." })
    .refine((v) => !definition?.mustContain || v.includes(definition.mustContain), {
      message: `Format musi zawierać ${definition?.mustContain ?? ""} (miejsce na numer kolejny).`,
    });
}

const validToNotBeforeFrom = <T extends { validFrom: string; validTo: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.validTo !== null && v.validTo < v.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "Data końcowa nie może być wcześniejsza niż data początkowa." });
  }
};

/** A new value of a dated setting. `closePrevious` ends the value running on validFrom the day before. */
export function newSettingForm(key: string) {
  return z
    .object({
      key: SettingKey,
      value: settingValueSchema(key),
      validFrom: ValidFrom,
      validTo: ValidTo,
      note: optionalText(1000),
      closePrevious: checkbox,
    })
    .superRefine(validToNotBeforeFrom);
}
export type NewSettingInput = z.output<ReturnType<typeof newSettingForm>>;

/** A change of an existing value (ending it = giving it a validTo). */
export function editSettingForm(key: string) {
  return z
    .object({
      value: settingValueSchema(key),
      validFrom: ValidFrom,
      validTo: ValidTo,
      note: optionalText(1000),
      version: Version,
    })
    .superRefine(validToNotBeforeFrom);
}
export type EditSettingInput = z.output<ReturnType<typeof editSettingForm>>;

const signatoryFields = {
  fullName: requiredText({ max: 200 }, "Podaj imię i nazwisko."),
  titleLine: requiredText({ max: 200 }, "Podaj tytuł drukowany pod podpisem (np. „Prezydent Miasta Krakowa”)."),
  validFrom: z.string({ error: "Podaj datę objęcia urzędu." }).pipe(IsoDate),
  validTo: ValidTo,
};

export const NewSignatoryForm = z.object({ office: Office, ...signatoryFields, closePrevious: checkbox }).superRefine(validToNotBeforeFrom);
export type NewSignatoryInput = z.output<typeof NewSignatoryForm>;

export const EditSignatoryForm = z.object({ ...signatoryFields, version: Version }).superRefine(validToNotBeforeFrom);
export type EditSignatoryInput = z.output<typeof EditSignatoryForm>;

/**
 * A new city emblem from a date: the file (its content is checked by the model, which can read
 * it) and the period. `closePrevious` ends the emblem in use on validFrom the day before.
 */
export const NewEmblemForm = z
  .object({
    // A form submitted without a file still sends an empty, nameless File.
    file: z.preprocess(
      (v) => (v instanceof File && v.size === 0 && v.name === "" ? undefined : v),
      z.instanceof(File, { error: "Wybierz plik z herbem (PNG albo SVG)." }),
    ),
    validFrom: z.string({ error: "Podaj datę, od której herb ma być drukowany." }).pipe(IsoDate),
    validTo: ValidTo,
    note: optionalText(1000),
    closePrevious: checkbox,
  })
  .superRefine(validToNotBeforeFrom);
export type NewEmblemInput = z.output<typeof NewEmblemForm>;

/** The anchor of the emblem's section on the settings screen. */
export const EMBLEM_ANCHOR = "herb";

export const ConfirmDeleteForm = z.object({
  version: Version,
  confirm: z.boolean({ error: "Zaznacz pole potwierdzenia, aby usunąć." }).refine((v) => v, "Zaznacz pole potwierdzenia, aby usunąć."),
});

/** Field names of the two records in the audit log. */
export const SETTING_FIELD_LABEL: Record<string, string> = {
  key: "ustawienie",
  value: "treść",
  validFrom: "obowiązuje od",
  validTo: "obowiązuje do",
  note: "uwagi",
};

export const SIGNATORY_FIELD_LABEL: Record<string, string> = {
  office: "urząd",
  fullName: "imię i nazwisko",
  titleLine: "tytuł pod podpisem",
  validFrom: "od",
  validTo: "do",
};

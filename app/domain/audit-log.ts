// The audit log screen: its query (filters and page from the URL), Warsaw calendar days as
// instants, and the Polish words for what an audit row records. No Prisma, no Remix.
import { z } from "zod";
import { PageParam } from "./form-fields";
import { CANDIDATE_KIND_LABEL, GENDER_LABEL, HONOUR_LABEL, MEDAL_CLASS_LABEL, NOMINATOR_KIND_LABEL } from "./honours";
import { formatShortDate, isValidIsoDate, parseIsoDate } from "./polish-dates";
import { STATUS_LABEL } from "./workflow";

export const AUDIT_PAGE_SIZE = 50;

/** The user filter's value for events written by the system (no user), e.g. the seed. */
export const SYSTEM_USER = "system";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
// A bad value in the URL (hand-edited, stale bookmark) is ignored, never a 500.
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional()).catch(undefined);
const IsoDay = z.string().refine(isValidIsoDate);

export const AuditLogQuery = z
  .object({
    user: lenient(z.string().trim().min(1).max(100)),
    type: lenient(z.string().trim().min(1).max(100)),
    from: lenient(IsoDay),
    to: lenient(IsoDay),
    page: PageParam,
  })
  // "from 10 March to 2 March" is read as the range the user meant.
  .transform((q) => (q.from && q.to && q.from > q.to ? { ...q, from: q.to, to: q.from } : q));
export type AuditLogQuery = z.output<typeof AuditLogQuery>;

export function parseAuditLogQuery(params: URLSearchParams): AuditLogQuery {
  return AuditLogQuery.parse(Object.fromEntries(params));
}

export function auditPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
}

// ---------------------------------------------------------------- Warsaw time

const WARSAW = "Europe/Warsaw";
const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: WARSAW,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function warsawParts(at: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/** Minutes Warsaw is ahead of UTC at this instant (60 in winter, 120 in summer). */
function warsawOffsetMinutes(at: Date): number {
  const p = warsawParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant a Warsaw calendar day ("YYYY-MM-DD") begins. */
export function warsawDayStart(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  const midnightUtc = Date.UTC(year, month - 1, day);
  // Warsaw changes its clocks at 02:00/03:00, never at midnight: the offset an hour or two
  // after the guess is the offset at local midnight.
  let guess = midnightUtc - warsawOffsetMinutes(new Date(midnightUtc)) * 60000;
  guess = midnightUtc - warsawOffsetMinutes(new Date(guess)) * 60000;
  return new Date(guess);
}

/** [start, end) of the Warsaw days from–to (both included); either side may be open. */
export function warsawDayRange(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = warsawDayStart(from);
  if (to) {
    const { year, month, day } = parseIsoDate(to);
    range.lt = warsawDayStart(new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10));
  }
  return range;
}

const two = (n: number) => String(n).padStart(2, "0");

/** "09.03.2025, 14:05:07" in Warsaw time: the same text on the server and in every browser. */
export function formatWarsawDateTime(at: Date): string {
  const p = warsawParts(at);
  return `${two(p.day)}.${two(p.month)}.${p.year}, ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

// ---------------------------------------------------------------- words

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  Nomination: "wniosek",
  Candidate: "kandydat",
  User: "użytkownik",
  Role: "rola",
  Conferral: "nadanie",
  HonorisGratiaApplication: "zgłoszenie „Honoris Gratia”",
  Resolution: "uchwała",
  ResolutionDraft: "projekt uchwały",
  Ordinance: "zarządzenie",
  CouncilTerm: "kadencja Rady",
  LimitRule: "limit nadań",
  DatedSetting: "ustawienie",
  Signatory: "sygnatariusz",
  Ceremony: "uroczystość",
  Venue: "miejsce uroczystości",
  Diploma: "dyplom",
  DiplomaPrint: "wydruk dyplomu",
  StockMovement: "stan odznak i druków",
  CalendarFeedToken: "subskrypcja kalendarza",
  RetentionPolicy: "zasada przechowywania danych",
  Session: "sesja",
  HistoricalImport: "import rejestru historycznego",
  NameLexiconEntry: "słownik odmiany nazw",
  NameFormsResuggestion: "ponowna sugestia form nazw",
};

export function entityTypeLabel(type: string): string {
  return AUDIT_ENTITY_LABEL[type] ?? type;
}

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  CREATE: "utworzenie",
  UPDATE: "zmiana danych",
  DELETE: "usunięcie",
  TRANSITION: "zmiana statusu",
  PRINT: "wydruk",
  ANONYMIZE: "anonimizacja",
  EXPORT: "eksport danych",
  SIGN_IN: "logowanie",
  SIGN_OUT: "wylogowanie",
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

export function statusLabel(status: string): string {
  return (STATUS_LABEL as Record<string, string>)[status] ?? status;
}

/** Field names of candidates and users as the forms call them. */
export const CANDIDATE_FIELD_LABEL: Record<string, string> = {
  kind: "rodzaj",
  givenNames: "imiona",
  surname: "nazwisko",
  organizationName: "pełna nazwa instytucji",
  shortName: "nazwa skrócona",
  grammaticalGender: "rodzaj gramatyczny",
  birthYear: "rok urodzenia",
  birthDate: "data urodzenia",
  deceased: "osoba zmarła",
  deathDate: "data śmierci",
  title: "tytuł lub zawód",
  city: "miejscowość",
  nameNominative: "forma nazwy: mianownik",
  nameGenitive: "forma nazwy: dopełniacz",
  nameDative: "forma nazwy: celownik",
  nameFormsConfirmed: "formy nazwy potwierdzone",
  nameFormsSource: "źródło form nazwy",
  learnedWords: "słowa zapamiętane w słowniku odmiany",
  displayName: "nazwa w wykazach",
};

export const USER_FIELD_LABEL: Record<string, string> = {
  email: "adres e-mail",
  name: "imię i nazwisko",
  active: "konto aktywne",
  roles: "role",
};

/** Columns derived from others (search and sort keys): noise in the log, never shown. */
const DERIVED_FIELDS = new Set(["sortName", "foldedName", "searchText"]);

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

type Lookup = Record<string, string>;

/** The counts one import of the historical record records (app/models/historical-import.server.ts). */
const IMPORT_FIELD_LABEL: Lookup = {
  file: "plik",
  sha256: "skrót SHA-256 pliku",
  encoding: "kodowanie",
  rows: "wierszy w pliku",
  created: "utworzone nadania",
  matched: "już w rejestrze",
  skipped: "pominięte wiersze z błędami",
  candidatesCreated: "nowi laureaci",
  resolutionsCreated: "nowe uchwały",
  ordinancesCreated: "nowe zarządzenia",
  skippedRows: "numery pominiętych wierszy",
  nameFormsResuggested: "laureaci z nowo zasugerowanymi formami nazwy",
};

function parseJson(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { wartość: value };
  } catch {
    return { wartość: text };
  }
}

const NOMINATOR_KIND_IN_TEXT = new RegExp(`\\((${Object.keys(NOMINATOR_KIND_LABEL).join("|")})\\)`, "g");

function formatValue(field: string, value: unknown, roleNames: Lookup): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "tak" : "nie";
  if (Array.isArray(value)) {
    const items = value.map((v) => formatValue(field, v, roleNames)).filter((v) => v !== "—");
    return items.length ? items.join("; ") : "—";
  }
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  const label =
    field === "honour"
      ? (HONOUR_LABEL as Lookup)[text]
      : field === "requestedClass" || field === "medalClass" || field === "opinionClass"
        ? (MEDAL_CLASS_LABEL as Lookup)[text]
        : field === "kind"
          ? (CANDIDATE_KIND_LABEL as Lookup)[text]
          : field === "grammaticalGender"
            ? (GENDER_LABEL as Lookup)[text]
            : field === "status"
              ? (STATUS_LABEL as Lookup)[text]
              : field === "roles"
                ? roleNames[text]
                : undefined;
  if (label) return label;
  if (field === "nominators") return text.replace(NOMINATOR_KIND_IN_TEXT, (_, kind: string) => `(${(NOMINATOR_KIND_LABEL as Lookup)[kind]})`);
  if (isValidIsoDate(text)) return formatShortDate(text);
  return text;
}

/**
 * The fields an audit row changed, readable: Polish field names where known, Polish values for
 * vocabularies, dates as 09.03.2025. `before` is null for a created record, `after` for a removed one.
 */
export function describeChanges(
  beforeJson: string | null | undefined,
  afterJson: string | null | undefined,
  { fieldLabels = {}, roleNames = {} }: { fieldLabels?: Lookup; roleNames?: Lookup } = {},
): AuditChange[] {
  const before = parseJson(beforeJson);
  const after = parseJson(afterJson);
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].filter((f) => !DERIVED_FIELDS.has(f));
  return (
    fields
      .map((field) => ({
        field,
        label: fieldLabels[field] ?? field,
        before: before ? formatValue(field, before[field], roleNames) : null,
        after: after ? formatValue(field, after[field], roleNames) : null,
      }))
      // A created (or removed) record's empty fields say nothing.
      .filter((c) => !((c.before === null && c.after === "—") || (c.after === null && c.before === "—")))
  );
}

/** Field labels for an entity type; `extra` adds labels owned elsewhere (the nomination model's). */
export function fieldLabelsOf(entityType: string, extra: Record<string, Lookup> = {}): Lookup {
  const own: Record<string, Lookup> = { Candidate: CANDIDATE_FIELD_LABEL, User: USER_FIELD_LABEL, HistoricalImport: IMPORT_FIELD_LABEL };
  return { ...own[entityType], ...extra[entityType] };
}

export type TimelineEntry = {
  id: string;
  at: string;
  atText: string;
  action: string;
  toStatus: string | null;
  fields: string[];
  who: string;
  reason: string;
};

type TimelineEvent = {
  id: string;
  at: Date;
  action: string;
  toStatus: string | null;
  after: string | null;
  reason: string;
  user: { name: string } | null;
};

/** A record's own history, as its page shows it: when, what, which fields (by Polish name), who. */
export function timelineEntries(events: readonly TimelineEvent[], fieldLabels: Record<string, string>): TimelineEntry[] {
  return events.map((h) => ({
    id: h.id,
    at: h.at.toISOString(),
    atText: formatWarsawDateTime(h.at),
    action: actionLabel(h.action),
    toStatus: h.toStatus ? statusLabel(h.toStatus) : null,
    fields: h.action === "UPDATE" ? changedFieldNames(h.after, fieldLabels) : [],
    who: h.user?.name ?? "system",
    reason: h.reason,
  }));
}

/** The Polish names of the fields an update changed (derived search and sort keys left out). */
function changedFieldNames(after: string | null, labels: Record<string, string>): string[] {
  try {
    const fields = Object.keys((JSON.parse(after ?? "{}") ?? {}) as Record<string, unknown>);
    return fields.filter((f) => f in labels).map((f) => labels[f]!);
  } catch {
    return [];
  }
}

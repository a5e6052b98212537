// Ceremonies where honours are handed over: vocabulary, status moves, form schemas, the order of
// laureates, who may be added, the conflict checks and the rule for holding a ceremony. Pure: the
// models (app/models/ceremony*.server.ts) load the rows and write the result.
import { z } from "zod";
import { optionalLine, optionalText, requiredText, RecordVersion } from "./form-fields";
import "./zod-polish";
import { shortfallMessage, type StockShortfall } from "./honoris-gratia";
import type { CandidateKind, Gender, Honour } from "./honours";
import { byGender } from "./polish-text";
import { addDays, formatPolishDate, IsoDate, parseIsoDate } from "./polish-dates";
import { allowedTransitions, CONFERRED_STATUSES, STATUS_LABEL, type Status } from "./workflow";
import { NOUNS } from "./counts";
import { countOf } from "./plural";

// ---------------------------------------------------------------- vocabulary

export const CEREMONY_KINDS = ["COUNCIL_SESSION", "CITY_DAY_SESSION", "GALA", "EXTERNAL_EVENT"] as const;
export const CeremonyKind = z.enum(CEREMONY_KINDS, { error: "Wybierz rodzaj uroczystości." });
export type CeremonyKind = z.infer<typeof CeremonyKind>;

export const CEREMONY_KIND_LABEL: Record<CeremonyKind, string> = {
  COUNCIL_SESSION: "uroczysta sesja Rady Miasta Krakowa",
  CITY_DAY_SESSION: "uroczysta sesja z okazji Święta Miasta",
  GALA: "gala",
  EXTERNAL_EVENT: "wydarzenie innej organizacji",
};

/** Sessions of the City Council: the configured maximum of laureates applies to them. */
export const SESSION_KINDS: readonly CeremonyKind[] = ["COUNCIL_SESSION", "CITY_DAY_SESSION"];

export const CEREMONY_STATUSES = ["PLANNED", "CONFIRMED", "HELD", "CLOSED", "CANCELLED"] as const;
export type CeremonyStatus = (typeof CEREMONY_STATUSES)[number];

export const CEREMONY_STATUS_LABEL: Record<CeremonyStatus, string> = {
  PLANNED: "planowana",
  CONFIRMED: "potwierdzona z Kancelarią Rady",
  HELD: "odbyła się",
  CLOSED: "zamknięta",
  CANCELLED: "odwołana",
};

export const ATTENDANCES = ["UNKNOWN", "ATTENDS", "REPRESENTED", "ABSENT"] as const;
export const Attendance = z.enum(ATTENDANCES, { error: "Wybierz obecność." });
export type Attendance = z.infer<typeof Attendance>;

export const ATTENDANCE_LABEL: Record<Attendance, string> = {
  UNKNOWN: "nie ustalono",
  ATTENDS: "będzie osobiście",
  REPRESENTED: "reprezentowany",
  ABSENT: "nieobecny",
};

/** The honour is handed over to these: the laureate in person or their representative. */
export const PRESENT: readonly Attendance[] = ["ATTENDS", "REPRESENTED"];

export function isCeremonyStatus(s: string): s is CeremonyStatus {
  return (CEREMONY_STATUSES as readonly string[]).includes(s);
}

export function ceremonyStatusLabel(s: string): string {
  return isCeremonyStatus(s) ? CEREMONY_STATUS_LABEL[s] : s;
}

export function ceremonyKindLabel(k: string): string {
  return (CEREMONY_KINDS as readonly string[]).includes(k) ? CEREMONY_KIND_LABEL[k as CeremonyKind] : k;
}

// ---------------------------------------------------------------- status moves

export const CEREMONY_STEPS = ["CONFIRM", "HOLD", "CLOSE", "CANCEL", "REOPEN"] as const;
export type CeremonyStep = (typeof CEREMONY_STEPS)[number];

export const CEREMONY_STEP: Record<CeremonyStep, { from: readonly CeremonyStatus[]; to: CeremonyStatus; label: string; needsReason: boolean }> = {
  CONFIRM: { from: ["PLANNED"], to: "CONFIRMED", label: "Potwierdzona z Kancelarią Rady", needsReason: false },
  HOLD: { from: ["PLANNED", "CONFIRMED"], to: "HELD", label: "Uroczystość odbyła się: zapisz wręczenia", needsReason: false },
  CLOSE: { from: ["HELD"], to: "CLOSED", label: "Zamknij uroczystość", needsReason: false },
  CANCEL: { from: ["PLANNED", "CONFIRMED"], to: "CANCELLED", label: "Odwołaj uroczystość", needsReason: true },
  // A held (or closed) ceremony is changed only after reopening it, with a reason in the log.
  REOPEN: { from: ["HELD", "CLOSED", "CANCELLED"], to: "CONFIRMED", label: "Otwórz ponownie do zmian", needsReason: true },
};

export function stepsFrom(status: string): CeremonyStep[] {
  return CEREMONY_STEPS.filter((s) => (CEREMONY_STEP[s].from as readonly string[]).includes(status));
}

/** Data, laureates and the programme change only while the ceremony is planned or confirmed. */
export function isEditable(status: string): boolean {
  return status === "PLANNED" || status === "CONFIRMED";
}

export const NOT_EDITABLE_MESSAGE =
  "Tej uroczystości nie można już zmieniać: odbyła się, została zamknięta albo odwołana. Aby coś poprawić, otwórz ją ponownie i podaj powód.";

// ---------------------------------------------------------------- forms

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const Time = (missing: string) => z.string({ error: missing }).trim().regex(TIME, "Podaj godzinę w formacie GG:MM, np. 12:00.");

export const CeremonyForm = z
  .object({
    kind: CeremonyKind,
    title: requiredText({ max: 300 }, "Podaj nazwę uroczystości."),
    date: z.string({ error: "Podaj datę uroczystości." }).pipe(IsoDate),
    startTime: Time("Podaj godzinę rozpoczęcia."),
    endTime: Time("Podaj godzinę zakończenia."),
    venueId: optionalText(100),
    organiser: optionalLine(300),
    chancelleryContact: optionalLine(300),
    notes: optionalText(4000),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia." });
  });
export type CeremonyInput = z.output<typeof CeremonyForm>;

export const CEREMONY_FIELD_LABEL: Record<string, string> = {
  kind: "rodzaj",
  title: "nazwa",
  date: "data",
  startTime: "godzina rozpoczęcia",
  endTime: "godzina zakończenia",
  venueId: "miejsce",
  organiser: "organizator",
  chancelleryContact: "kontakt w Kancelarii Rady",
  notes: "uwagi",
  programme: "program",
  status: "stan",
  cancellationReason: "powód odwołania",
  laureateAdded: "dodano do listy",
  laureateRemoved: "usunięto z listy",
  laureateMoved: "przesunięto na liście",
  markedAttending: "oznaczono „będzie osobiście”",
  attendanceSet: "ustawiono obecność",
  attendanceOf: "laureaci, którym ustawiono obecność",
  orderChanged: "nowa kolejność wręczania",
  stockIssued: "wydano z magazynu (odznaki i blankiety, szt.)",
  position: "miejsce w kolejności",
  laureate: "laureat",
  conferralId: "nadanie",
  attendance: "obecność",
  representedBy: "reprezentuje",
  guestsCount: "liczba gości",
  handedOverBy: "kto wręcza",
  handoverTime: "godzina wręczenia",
  seatRow: "rząd",
  seat: "miejsce",
  guestSeats: "miejsca gości",
  handedOver: "wręczono",
  waiting: "nieobecni (czekają)",
  name: "nazwa",
  address: "adres",
  capacity: "liczba miejsc",
};

/** One line of seating text: trimmed; undefined when the form did not send the field at all. */
function seatingText(max: number) {
  return z.preprocess((v) => (v === undefined ? undefined : String(v ?? "").trim()), z.string().max(max, `Najwyżej ${max} znaków.`).optional());
}

export const LaureateForm = z
  .object({
    attendance: Attendance,
    representedBy: optionalText(300),
    guestsCount: z.coerce
      .number({ error: "Podaj liczbę gości." })
      .int("Podaj liczbę całkowitą.")
      .min(0, "Liczba gości nie może być ujemna.")
      .max(500, "Najwyżej 500 gości."),
    handedOverBy: optionalText(300),
    // Seating and time on the hand-over list (issue 16); left out of a form, they stay as saved.
    handoverTime: seatingText(5).refine((v) => !v || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: "Godzina w postaci GG:MM, np. 12:40 (albo pusta)." }),
    seatRow: seatingText(10),
    seat: seatingText(10),
    guestSeats: seatingText(200),
  })
  .superRefine((v, ctx) => {
    if (v.attendance === "REPRESENTED" && !v.representedBy)
      ctx.addIssue({ code: "custom", path: ["representedBy"], message: "Podaj imię i nazwisko osoby reprezentującej." });
  });
export type LaureateInput = z.output<typeof LaureateForm>;

export const VenueForm = z.object({
  name: requiredText({ max: 200 }, "Podaj nazwę miejsca."),
  address: optionalText(300),
  capacity: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "Podaj liczbę miejsc." })
      .int("Podaj liczbę całkowitą.")
      .min(1, "Liczba miejsc musi być dodatnia.")
      .max(100000, "Najwyżej 100 000 miejsc.")
      .optional(),
  ),
});
export type VenueInput = z.output<typeof VenueForm>;

// ---------------------------------------------------------------- order of laureates

// ---------------------------------------------------------------- the laureates' table (one form)

/** Attendance that can be set for many at once: „reprezentowany” needs a name in each row. */
export const BULK_ATTENDANCES = ["ATTENDS", "ABSENT", "UNKNOWN"] as const;

/** A row of the laureates' table: its fields, and which laureate it is. */
export const LaureateRow = LaureateForm.and(z.object({ laureateId: z.string().min(1) }));
export type LaureateRow = z.output<typeof LaureateRow>;

/**
 * What the table's buttons do, on top of saving every row: set the attendance of the ticked
 * laureates or of all, or move one laureate a place up or down. The rows' order in the form is
 * the new hand-over order (drag and drop reorders the rows before sending).
 */
export type TableOperation =
  | { kind: "save" }
  | { kind: "bulk"; scope: "selected" | "all"; attendance: (typeof BULK_ATTENDANCES)[number] }
  | { kind: "move"; laureateId: string; direction: "up" | "down" };

export const TABLE_INTENT = /^(save|bulk:(selected|all)|move:([^:]+):(up|down))$/;

export const LaureateTableForm = z
  .object({
    version: RecordVersion,
    intent: z.string().regex(TABLE_INTENT, "Nieznana czynność."),
    rows: z.array(LaureateRow).default([]),
    selected: z.array(z.string().min(1)).default([]),
    bulkAttendance: z.preprocess((v) => (v === "" ? undefined : v), z.enum(BULK_ATTENDANCES, { error: "Wybierz obecność do ustawienia." }).optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.intent.startsWith("bulk:")) return;
    if (!v.bulkAttendance) ctx.addIssue({ code: "custom", path: ["bulkAttendance"], message: "Wybierz obecność do ustawienia." });
    if (v.intent === "bulk:selected" && v.selected.length === 0)
      ctx.addIssue({ code: "custom", path: ["selected"], message: "Zaznacz laureatów, którym ustawić obecność, albo użyj „Ustaw wszystkim”." });
  });
export type LaureateTableInput = z.output<typeof LaureateTableForm>;

/** The operation named by the clicked button (`intent`), with the bulk attendance chosen. */
export function tableOperation(input: Pick<LaureateTableInput, "intent" | "bulkAttendance">): TableOperation {
  const m = TABLE_INTENT.exec(input.intent);
  if (m?.[2] && input.bulkAttendance) return { kind: "bulk", scope: m[2] as "selected" | "all", attendance: input.bulkAttendance };
  if (m?.[3]) return { kind: "move", laureateId: m[3], direction: m[4] as "up" | "down" };
  return { kind: "save" };
}

export type Seating = { handoverTime: string; seatRow: string; seat: string; guestSeats: string };
export const SEATING_FIELDS = ["handoverTime", "seatRow", "seat", "guestSeats"] as const;
export type StoredLaureate = { id: string; name: string; attendance: string; representedBy: string; guestsCount: number; handedOverBy: string } & Seating;
type RowData = { attendance: Attendance; representedBy: string; guestsCount: number; handedOverBy: string } & Seating;

/** Where a laureate sits, as the hand-over list prints it: „rząd 1, miejsce 4” ("" when not set). */
export function seatText(s: Pick<Seating, "seatRow" | "seat">): string {
  return [s.seatRow && `rząd ${s.seatRow}`, s.seat && `miejsce ${s.seat}`].filter(Boolean).join(", ");
}

/** The seating a form sent, the saved value where it sent none. */
export function seatingOf(row: Partial<Seating>, saved: Seating): Seating {
  return {
    handoverTime: row.handoverTime ?? saved.handoverTime,
    seatRow: row.seatRow ?? saved.seatRow,
    seat: row.seat ?? saved.seat,
    guestSeats: row.guestSeats ?? saved.guestSeats,
  };
}

export type TablePlan =
  | { kind: "stale" }
  | {
      kind: "planned";
      /** Ids in the new hand-over order. */
      order: string[];
      orderChanged: boolean;
      /** Rows whose fields change, with the fields before and after (for the audit). */
      updates: { id: string; name: string; data: RowData; before: Partial<RowData>; after: Partial<RowData> }[];
      /** The names of those whose attendance a bulk operation set. */
      bulkNames: string[];
    };

/**
 * What saving the table changes: every row's fields as sent, then the button's operation. The
 * rows sent must be exactly the stored ones (someone else added or removed a laureate: stale).
 */
export function planTableSave(
  stored: readonly StoredLaureate[],
  rows: readonly LaureateRow[],
  op: TableOperation,
  selected: readonly string[] = [],
): TablePlan {
  const byId = new Map(stored.map((l) => [l.id, l]));
  const sent = new Set(rows.map((r) => r.laureateId));
  if (rows.length !== stored.length || sent.size !== rows.length || rows.some((r) => !byId.has(r.laureateId))) return { kind: "stale" };
  let order = rows.map((r) => r.laureateId);
  if (op.kind === "move") order = moveInOrder(order, op.laureateId, op.direction);
  const targets = op.kind === "bulk" ? new Set(op.scope === "all" ? order : selected.filter((id) => byId.has(id))) : new Set<string>();
  const updates: Extract<TablePlan, { kind: "planned" }>["updates"] = [];
  const bulkNames: string[] = [];
  for (const row of rows) {
    const old = byId.get(row.laureateId)!;
    const attendance = op.kind === "bulk" && targets.has(row.laureateId) ? op.attendance : row.attendance;
    if (op.kind === "bulk" && targets.has(row.laureateId)) bulkNames.push(old.name);
    const data: RowData = {
      attendance,
      representedBy: attendance === "REPRESENTED" ? row.representedBy : "",
      guestsCount: row.guestsCount,
      handedOverBy: row.handedOverBy,
      ...seatingOf(row, old),
    };
    const before: Partial<RowData> = {};
    const after: Partial<RowData> = {};
    for (const key of ["attendance", "representedBy", "guestsCount", "handedOverBy", ...SEATING_FIELDS] as const) {
      if (old[key] !== data[key]) {
        (before as Record<string, unknown>)[key] = old[key];
        (after as Record<string, unknown>)[key] = data[key];
      }
    }
    if (Object.keys(after).length) updates.push({ id: row.laureateId, name: old.name, data, before, after });
  }
  const orderChanged = order.some((id, i) => id !== stored[i]!.id);
  return { kind: "planned", order, orderChanged, updates, bulkNames };
}

/** The ids in their new order after moving `id` one place up or down (unchanged at either end). */
export function moveInOrder(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const order = [...ids];
  const i = order.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= order.length) return order;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return order;
}

// ---------------------------------------------------------------- conflict checks

export type Finding = { code: string; severity: "warning" | "notice"; message: string };

export type CheckedLaureate = {
  name: string;
  /** For the gendered words of the messages („laureatka jest zaplanowana”). */
  kind: CandidateKind;
  gender: Gender | null;
  honour: Honour;
  /** The resolution's adoption or the Mayor's decision. */
  conferredOn: string;
  /** Whether the laureate comes (absent ones take no seat) and with how many guests. */
  attendance?: string;
  guestsCount?: number;
  /** Other ceremonies (planned or confirmed) the same conferral is planned for. */
  otherCeremonies: { title: string; date: string }[];
  /** The diploma: null when no text was generated yet. */
  diploma: { confirmed: boolean; printed: boolean } | null;
};

export type CeremonyCheckInput = {
  kind: string;
  status: string;
  date: string;
  startTime: string;
  endTime: string;
  laureates: readonly CheckedLaureate[];
  /** Other ceremonies (not cancelled) at the same venue on the same day. */
  sameVenue: readonly { title: string; startTime: string; endTime: string }[];
  maxLaureatesPerSession: number | null;
  diplomaDaysBefore: number | null;
  /** The venue's seats, when known. */
  capacity?: number | null;
  /** What the stock lacks for the Honoris Gratia laureates still to be handed over (checkPlannedBatch). */
  stockShortfall?: readonly StockShortfall[];
  today: string;
};

/** Two time spans of one day overlap when each starts before the other ends. */
export function timesOverlap(a: { startTime: string; endTime: string }, b: { startTime: string; endTime: string }): boolean {
  return a.startTime < b.endTime && b.startTime < a.endTime;
}

/** Whether `date` is the City Day, 5 June (anniversary of the 1257 location charter). */
export function isCityDay(date: string): boolean {
  const { month, day } = parseIsoDate(date);
  return month === 6 && day === 5;
}

const names = (ls: readonly { name: string }[]) => ls.map((l) => l.name).join(", ");

/** Everything that looks wrong with a ceremony, with the reason; nothing for a held or cancelled one. */
export function ceremonyFindings(c: CeremonyCheckInput): Finding[] {
  if (!isEditable(c.status)) return [];
  const findings: Finding[] = [];
  for (const l of c.laureates) {
    for (const other of l.otherCeremonies) {
      findings.push({
        code: "DOUBLE_PLANNED",
        severity: "warning",
        message: `${l.name}: ${byGender(l, "laureat jest zaplanowany", "laureatka jest zaplanowana")} także na inną uroczystość („${other.title}”, ${formatPolishDate(other.date)}). Usuń ${byGender(l, "go", "ją")} z jednej z nich.`,
      });
    }
    if (c.date < l.conferredOn) {
      const act = l.honour === "HONORIS_GRATIA" ? "decyzją Prezydenta" : "podjęciem uchwały";
      findings.push({
        code: "BEFORE_CONFERRAL",
        severity: "warning",
        message: `${l.name}: uroczystość (${formatPolishDate(c.date)}) jest wcześniej niż nadanie wyróżnienia (${act} z ${formatPolishDate(l.conferredOn)}).`,
      });
    }
  }
  for (const other of c.sameVenue) {
    if (timesOverlap(c, other)) {
      findings.push({
        code: "VENUE_DOUBLE_BOOKED",
        severity: "warning",
        message: `To samo miejsce jest zajęte w tym czasie: „${other.title}”, ${other.startTime}–${other.endTime}.`,
      });
    }
  }
  if (c.maxLaureatesPerSession !== null && SESSION_KINDS.includes(c.kind as CeremonyKind) && c.laureates.length > c.maxLaureatesPerSession) {
    findings.push({
      code: "TOO_MANY_LAUREATES",
      severity: "warning",
      message: `Na sesji zaplanowano ${countOf(c.laureates.length, NOUNS.laureateAccusative)}, a ustawienia przewidują najwyżej ${c.maxLaureatesPerSession} na jedną sesję.`,
    });
  }
  if (c.capacity) {
    const seats = c.laureates.filter((l) => l.attendance !== "ABSENT").reduce((sum, l) => sum + 1 + (l.guestsCount ?? 0), 0);
    if (seats > c.capacity) {
      findings.push({
        code: "OVER_CAPACITY",
        severity: "warning",
        message: `Laureaci (lub ich przedstawiciele) i ich goście to ${countOf(seats, NOUNS.person)}, a miejsce ma ${countOf(c.capacity, NOUNS.seat)}.`,
      });
    }
  }
  const shortfall = shortfallMessage(c.stockShortfall ?? []);
  if (shortfall) {
    findings.push({
      code: "HG_STOCK_SHORT",
      severity: "warning",
      message: `Odznaki „Honoris Gratia”: ${shortfall} Zapisz dostawę na stronie „Odznaki i blankiety” przed uroczystością.`,
    });
  }
  if (c.kind === "CITY_DAY_SESSION" && !isCityDay(c.date)) {
    findings.push({ code: "CITY_DAY_NOT_5_JUNE", severity: "notice", message: "Sesja z okazji Święta Miasta zwykle odbywa się 5 czerwca; ta ma inną datę." });
  }
  if (c.diplomaDaysBefore !== null) {
    const deadline = addDays(c.date, -c.diplomaDaysBefore);
    const notConfirmed = c.laureates.filter((l) => !l.diploma?.confirmed);
    const notPrinted = c.laureates.filter((l) => l.diploma?.confirmed && !l.diploma.printed);
    const late = c.today >= deadline;
    const when = `${countOf(c.diplomaDaysBefore, NOUNS.day)} przed uroczystością (${formatPolishDate(deadline)})`;
    if (notConfirmed.length) {
      findings.push({
        code: "DIPLOMA_NOT_CONFIRMED",
        severity: late ? "warning" : "notice",
        message: `Teksty dyplomów niezatwierdzone (lub zmienione po zatwierdzeniu), a powinny być gotowe ${when}: ${names(notConfirmed)}.`,
      });
    }
    if (notPrinted.length) {
      findings.push({
        code: "DIPLOMA_NOT_PRINTED",
        severity: late ? "warning" : "notice",
        message: `Dyplomy niewydrukowane, a powinny być gotowe ${when}: ${names(notPrinted)}.`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------- who may be added to a ceremony

/** The nomination statuses of a conferral that may be added to a ceremony: conferred, not yet handed over. */
export const ADDABLE_STATUSES: readonly Status[] = CONFERRED_STATUSES.filter((s) => s !== "HANDED_OVER");

/**
 * Why a conferral may not be added to a ceremony's laureates, or null when it may: it must have
 * an adopted resolution or a granted badge and must not have been handed over yet.
 */
export function addLaureateRefusal(c: {
  name: string;
  kind: CandidateKind;
  gender: Gender | null;
  status: Status | null;
  handedOverOn: string | null;
}): string | null {
  if (c.handedOverOn) return `${c.name}: wyróżnienie zostało już wręczone (${formatPolishDate(c.handedOverOn)}).`;
  if (!c.status || !ADDABLE_STATUSES.includes(c.status)) {
    return `${c.name}: dodać można tylko ${byGender(c, "laureata", "laureatkę")} z podjętą uchwałą lub przyznaną odznaką, jeszcze nie wręczoną.`;
  }
  return null;
}

// ---------------------------------------------------------------- batch hand-over from the Honoris Gratia desk

/** A Honoris Gratia application selected on the desk, to be assigned to a hand-over event. */
export type HandoverRow = {
  nominationId: string;
  name: string;
  kind: CandidateKind;
  gender: Gender | null;
  status: Status;
  conferralId: string | null;
  handedOverOn: string | null;
  /** Planned or confirmed ceremonies the laureate is already on. */
  plannedFor: readonly { id: string; title: string; date: string }[];
};

export type HandoverPlan = { eligible: HandoverRow[]; refused: { row: HandoverRow; reason: string }[] };

/**
 * Which selected laureates may be assigned to the ceremony `ceremonyId` (null: a new one): granted,
 * not yet handed over and not planned for any ceremony; the others with the reason.
 */
export function planHandover(rows: readonly HandoverRow[], ceremonyId: string | null): HandoverPlan {
  const plan: HandoverPlan = { eligible: [], refused: [] };
  for (const row of rows) {
    const here = row.plannedFor.find((p) => p.id === ceremonyId);
    const elsewhere = row.plannedFor.find((p) => p.id !== ceremonyId);
    const reason =
      row.status !== "GRANTED" || !row.conferralId
        ? `ma status „${STATUS_LABEL[row.status]}”: do wręczenia przekazać można tylko przyznaną odznakę, jeszcze nie wręczoną`
        : row.handedOverOn
          ? `odznaka została już wręczona (${formatPolishDate(row.handedOverOn)})`
          : here
            ? "jest już na liście laureatów tej uroczystości"
            : elsewhere
              ? `już zaplanowano na inną uroczystość („${elsewhere.title}”, ${formatPolishDate(elsewhere.date)}); najpierw usuń z niej ${byGender(row, "laureata", "laureatkę")}`
              : null;
    if (reason) plan.refused.push({ row, reason });
    else plan.eligible.push(row);
  }
  return plan;
}

/**
 * The desk's hand-over form: the selected applications and either an existing planned ceremony
 * or the data of a new one (checked by the ceremony form's own schema).
 */
export const HandoverForm = z
  .object({
    ids: z
      .array(z.string().min(1).max(100))
      .max(5000)
      .optional()
      .transform((v) => v ?? []),
    target: z.enum(["existing", "new"], { error: "Wybierz: istniejąca czy nowa uroczystość." }),
    ceremonyId: optionalText(100),
    // The new ceremony's fields; CeremonyForm checks them below.
    kind: z.string().optional(),
    title: z.string().optional(),
    date: z.string().optional(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    venueId: z.string().optional(),
    organiser: z.string().optional(),
    chancelleryContact: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.target === "existing" && !v.ceremonyId) ctx.addIssue({ code: "custom", path: ["ceremonyId"], message: "Wybierz uroczystość." });
    if (v.target === "new") {
      const checked = CeremonyForm.safeParse(v);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: "custom", path: issue.path as string[], message: issue.message });
    }
  });
export type HandoverInput = z.output<typeof HandoverForm>;

// ---------------------------------------------------------------- holding the ceremony

export type HoldLaureate = {
  conferralId: string;
  name: string;
  honour: Honour;
  attendance: string;
  /** The nomination's status; null for a conferral without a nomination file. */
  status: Status | null;
  handedOverOn: string | null;
};

export type HoldPlan = { kind: "ok"; handOver: HoldLaureate[]; waiting: HoldLaureate[] } | { kind: "refused"; problems: string[] };

/**
 * Which laureates the ceremony hands the honour over to. Refused, with every reason, when a
 * laureate's attendance is not settled, or when a present laureate's nomination cannot move to
 * „wręczono” now (a medal's diploma must be marked printed first: the medal is handed over with
 * its diploma). Absent laureates stay waiting for another ceremony; laureates already handed over
 * (a reopened ceremony held again) are left as they are.
 */
export function planHold(laureates: readonly HoldLaureate[]): HoldPlan {
  const problems: string[] = [];
  const handOver: HoldLaureate[] = [];
  const waiting: HoldLaureate[] = [];
  for (const l of laureates) {
    if (l.attendance === "UNKNOWN") {
      problems.push(`${l.name}: zaznacz obecność (osobiście, reprezentowany albo nieobecny).`);
      continue;
    }
    if (!PRESENT.includes(l.attendance as Attendance)) {
      waiting.push(l);
      continue;
    }
    if (l.handedOverOn || l.status === "HANDED_OVER" || l.status === "CLOSED") continue;
    if (l.status === null) {
      problems.push(`${l.name}: nadanie bez wniosku w rejestrze; wręczenie zapisz ręcznie w danych nadania.`);
      continue;
    }
    if (!allowedTransitions(l.honour, l.status).some((t) => t.to === "HANDED_OVER")) {
      const hint = l.honour === "CRACOVIAE_MERENTI" ? " Medal wręcza się z dyplomem: najpierw wydrukuj dyplom (wydruk zmienia status)." : "";
      problems.push(`${l.name}: wniosek ma status „${STATUS_LABEL[l.status]}”, z którego nie można zapisać wręczenia.${hint}`);
      continue;
    }
    handOver.push(l);
  }
  return problems.length ? { kind: "refused", problems } : { kind: "ok", handOver, waiting };
}

/** Where the hand-over happened, for the conferral: "Sala Obrad…, Plac Wszystkich Świętych 3-4". */
export function handoverPlaceText(venue: { name: string; address: string } | null, title: string): string {
  if (!venue) return title;
  return venue.address ? `${venue.name}, ${venue.address}` : venue.name;
}

// ---------------------------------------------------------------- calendar month

export type MonthDay = { date: string; inMonth: boolean };

/** The weeks (Monday first) of the month view for "YYYY-MM", with the days of neighbouring months. */
export function monthGrid(month: string): MonthDay[][] {
  const first = `${month}-01`;
  const { year, month: m } = parseIsoDate(first);
  const weekday = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7;
  let day = addDays(first, -weekday);
  const weeks: MonthDay[][] = [];
  do {
    const week: MonthDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: day.startsWith(month) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.startsWith(month));
  return weeks;
}

/** "2026-06" → "2026-07" (delta 1) or "2026-05" (delta -1). */
export function shiftMonth(month: string, delta: number): string {
  const { year, month: m } = parseIsoDate(`${month}-01`);
  const d = new Date(Date.UTC(year, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

// How diplomas are printed: the two modes (full design on plain paper, or text only on
// pre-printed stock shifted by the printer's offsets), the printer profiles' form, the order of a
// batch and the cover sheet listing it for the person who hands the diplomas over.
// No Remix, no Prisma.
import { z } from "zod";
import { optionalText, requiredText, RecordVersion } from "./form-fields";
import "./zod-polish";
import { formatPolishDate } from "./polish-dates";
import { NOUNS } from "./counts";
import { countOf } from "./plural";

export const PRINT_MODES = ["FULL", "PREPRINTED"] as const;
export type PrintMode = (typeof PRINT_MODES)[number];
export const PRINT_MODE_LABEL: Record<PrintMode, string> = {
  FULL: "pełny wydruk (ramka i tekst) na czystym papierze",
  PREPRINTED: "sam tekst na gotowym blankiecie",
};
/** Short form for logs and tables. */
export const PRINT_MODE_SHORT: Record<string, string> = { FULL: "pełny wydruk", PREPRINTED: "na blankiecie" };

/** How far a printer may be off: more than this is a wrong measurement, not a printer. */
export const MAX_OFFSET_MM = 30;

/** "1,5" or "1.5" or "-2" millimetres, one decimal at most. */
const OffsetMm = z
  .string({ error: "Podaj przesunięcie w milimetrach (0, jeśli nie trzeba)." })
  .trim()
  .regex(/^[-+−]?\d{1,2}([.,]\d)?$/, "Podaj liczbę milimetrów, np. 1,5 albo -2 (najwyżej jedno miejsce po przecinku).")
  .transform((v) => Number(v.replace(",", ".").replace("−", "-")))
  .refine(
    (v) => Math.abs(v) <= MAX_OFFSET_MM,
    `Przesunięcie może wynosić najwyżej ${MAX_OFFSET_MM} mm w każdą stronę; zmierz je ponownie na stronie kalibracyjnej.`,
  );

const printerFields = {
  name: requiredText({ max: 80 }, "Podaj nazwę drukarki."),
  offsetXMm: OffsetMm,
  offsetYMm: OffsetMm,
  note: optionalText(500),
};

export const NewPrinterForm = z.object(printerFields);
export type PrinterInput = z.output<typeof NewPrinterForm>;
export const EditPrinterForm = z.object({ ...printerFields, version: RecordVersion });

/** "1,5" for a form field and a table. */
export function formatMm(mm: number): string {
  return mm.toFixed(1).replace(/\.0$/, "").replace(".", ",").replace(/^-/, "−");
}

/** "w prawo 1,5 mm, w górę 2 mm", "bez przesunięcia". */
export function describeOffset(xMm: number, yMm: number): string {
  const parts: string[] = [];
  if (xMm !== 0) parts.push(`${xMm > 0 ? "w prawo" : "w lewo"} ${formatMm(Math.abs(xMm))} mm`);
  if (yMm !== 0) parts.push(`${yMm > 0 ? "w dół" : "w górę"} ${formatMm(Math.abs(yMm))} mm`);
  return parts.length ? parts.join(", ") : "bez przesunięcia";
}

/** The print log's record of the printer used: "Sala 12 HP (w prawo 1,5 mm)". */
export function printerLogText(printer: { name: string; offsetXMm: number; offsetYMm: number } | null): string {
  return printer ? `${printer.name} (${describeOffset(printer.offsetXMm, printer.offsetYMm)})` : "";
}

/** One line of a batch's cover sheet, in hand-over order. */
export type BatchEntry = { position: number; name: string; honourLine: string; number: number | null };

/** Everything templates/diploma-batch-cover.hbs prints. */
export function batchCoverData(input: {
  ceremony: { title: string; date: string } | null;
  entries: BatchEntry[];
  mode: PrintMode;
  printer: string;
  printedBy: string;
  printedAt: string;
}) {
  const count = input.entries.length;
  return {
    title: input.ceremony ? `${input.ceremony.title}, ${formatPolishDate(input.ceremony.date)}` : "Wybrane dyplomy",
    countLine: `${countOf(count, NOUNS.diploma)} w kolejności wręczania`,
    modeLine: `Tryb wydruku: ${PRINT_MODE_LABEL[input.mode]}${input.printer ? `; drukarka: ${input.printer}` : ""}.`,
    printedLine: `Wydrukował(a): ${input.printedBy}, ${input.printedAt}.`,
    entries: input.entries.map((e) => ({ position: e.position, name: e.name, honourLine: e.honourLine, number: e.number === null ? "—" : String(e.number) })),
  };
}
export type BatchCoverData = ReturnType<typeof batchCoverData>;

/**
 * The conferrals of a batch in hand-over order: with a ceremony, by the laureates' positions
 * (conferrals not on its list go last, in the order given); otherwise in the order given.
 * Duplicates are dropped.
 */
export function batchOrder(conferralIds: readonly string[], positions: ReadonlyMap<string, number> | null): { conferralId: string; position: number }[] {
  const unique = [...new Set(conferralIds)];
  if (!positions) return unique.map((conferralId, i) => ({ conferralId, position: i + 1 }));
  const listed = unique.filter((id) => positions.has(id)).sort((a, b) => positions.get(a)! - positions.get(b)!);
  const others = unique.filter((id) => !positions.has(id));
  return [...listed, ...others].map((conferralId, i) => ({ conferralId, position: i + 1 }));
}

/** "dyplomy-2026-06-05-Uroczysta-sesja-Rady-12.pdf", "dyplomy-wybrane-2026-06-01-3.pdf". */
export function batchFileName(label: string, count: number): string {
  const safe = label.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
  return `dyplomy-${safe}-${count}.pdf`;
}

/** Where the calibration page's crosshairs stand: this far (mm) from the two nearest edges. */
export const CALIBRATION_MARK_MM = 30;

/** Everything templates/diploma-calibration.hbs prints. */
export function calibrationData(printer: { name: string; offsetXMm: number; offsetYMm: number } | null, orientation: "portrait" | "landscape") {
  return {
    printer: printer ? `drukarka ${printer.name}` : "bez przesunięcia",
    offset: printer ? describeOffset(printer.offsetXMm, printer.offsetYMm) : "brak (pomiar drukarki bez korekty)",
    orientation,
    orientationLabel: orientation === "landscape" ? "poziomo" : "pionowo",
    target: `${CALIBRATION_MARK_MM} mm od najbliższych krawędzi`,
  };
}
export type CalibrationData = ReturnType<typeof calibrationData>;

/** The printing desk's lists: diplomas not printed yet, printed, or all; a page of this many. */
export const DESK_STATES = ["todo", "printed", "all"] as const;
export type DeskState = (typeof DESK_STATES)[number];
export const DESK_PAGE_SIZE = 50;

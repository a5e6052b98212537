// The forms of the import screen (/import): the upload for a dry run, and applying the file seen
// in it. Kept apart from historical-csv.ts so the page's browser code does not carry the CSV reader.
import { z } from "zod";

/** The largest file the screen takes; bigger ones go through `npm run import`. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows and errors the page lists after a dry run; the command line lists them all. */
export const SHOWN_ROWS = 500;
export const SHOWN_ISSUES = 1000;

export const UploadForm = z.object({
  intent: z.literal("preview"),
  // A form submitted without a file still sends an empty, nameless File.
  file: z.preprocess(
    (v) => (v instanceof File && v.size === 0 && v.name === "" ? undefined : v),
    z
      .instanceof(File, { error: "Wybierz plik CSV." })
      .refine((f) => f.size > 0, "Wybrany plik jest pusty.")
      .refine((f) => f.size <= MAX_IMPORT_BYTES, "Plik jest większy niż 20 MB: zaimportuj go poleceniem npm run import."),
  ),
});

export const ApplyForm = z.object({
  intent: z.literal("apply"),
  /** The file seen in the dry run, base64: applying plans it again inside the transaction. */
  content: z.string({ error: "Wczytaj plik ponownie." }).min(1, "Wczytaj plik ponownie."),
  fileName: z.string().default(""),
  skipErrors: z.boolean().optional().transform((v) => v ?? false),
});



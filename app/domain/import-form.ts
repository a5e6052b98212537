// The forms of the import screen (/import): the upload for a dry run, and applying the file seen
// in it. Kept apart from historical-csv.ts so the page's browser code does not carry the CSV reader.
import { z } from "zod";

/** The largest file the screen takes; bigger ones go through `npm run import`. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The largest request the screen reads: the file and the form's few other fields. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
export const TOO_LARGE_MESSAGE = "Plik jest większy niż 20 MB: zaimportuj go poleceniem npm run import.";
/**
 * Rows and errors the page lists after a dry run, so its size does not grow with the file; every
 * error is in the dry run's CSV download, and the command line lists them all.
 */
export const SHOWN_ROWS = 200;
export const SHOWN_ISSUES = 100;

export const UploadForm = z.object({
  intent: z.literal("preview"),
  // A form submitted without a file still sends an empty, nameless File.
  file: z.preprocess(
    (v) => (v instanceof File && v.size === 0 && v.name === "" ? undefined : v),
    z
      .instanceof(File, { error: "Wybierz plik CSV." })
      .refine((f) => f.size > 0, "Wybrany plik jest pusty.")
      .refine((f) => f.size <= MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE),
  ),
});

export const ApplyForm = z.object({
  intent: z.literal("apply"),
  /** The dry run kept on the server (app/models/import-staging.server.ts): applying plans its file again inside the transaction. */
  importId: z.uuid({ error: "Wczytaj plik ponownie." }),
  skipErrors: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
});

// Attachments of a nomination: which files are accepted (by their content, never their name),
// how big, what kinds there are, and the Polish words for each. Pure: the upload itself is in
// app/utils/attachment-files.server.ts, the rows in app/models/attachment.server.ts.
import { z } from "zod";
import { optionalText } from "./form-fields";
import "./zod-polish";

export const ATTACHMENT_KINDS = ["NOMINATION_LETTER", "CV", "SIGNATURES", "OTHER"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABEL: Record<AttachmentKind, string> = {
  NOMINATION_LETTER: "pismo z wnioskiem",
  CV: "życiorys",
  SIGNATURES: "lista podpisów",
  OTHER: "inny dokument",
};

export function attachmentKindLabel(kind: string | null): string {
  return kind && kind in ATTACHMENT_KIND_LABEL ? ATTACHMENT_KIND_LABEL[kind as AttachmentKind] : "załącznik";
}

/** The accepted types, as the content detector (file-type) names them. */
export const ACCEPTED_TYPES: Record<string, { mediaType: string; label: string }> = {
  pdf: { mediaType: "application/pdf", label: "PDF" },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "DOCX" },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", label: "ODT" },
  jpg: { mediaType: "image/jpeg", label: "JPEG" },
  png: { mediaType: "image/png", label: "PNG" },
};

/** The file picker's hint (`accept`): the browser filters by name; the server reads the content. */
export const ACCEPT_ATTRIBUTE = ".pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

export const DEFAULT_MAX_SIZE_MB = 20;

/** The size limit in bytes from the setting's text (whole megabytes); the default when unset or not a number. */
export function maxSizeBytes(settingValue: string | null): number {
  const mb = settingValue === null ? NaN : Number.parseInt(settingValue, 10);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_SIZE_MB) * 1024 * 1024;
}

/** `564 KB`, `12,3 MB`: a size as Polish text. */
export function formatFileSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat("pl-PL", { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

const ACCEPTED_LIST = Object.values(ACCEPTED_TYPES)
  .map((t) => t.label)
  .join(", ");

export const ATTACHMENT_MESSAGES = {
  noFile: "Wybierz plik do przesłania.",
  empty: "Plik jest pusty.",
  tooBig: (maxBytes: number) => `Plik jest za duży: najwięcej ${formatFileSize(maxBytes)}.`,
  /** `detected`: what the content turned out to be (e.g. "exe"), when it was recognised at all. */
  wrongType: (detected: string | undefined) =>
    `Tego rodzaju pliku nie można dołączyć${detected ? ` (to plik ${detected.toUpperCase()}, bez względu na nazwę)` : ""}. Dozwolone: ${ACCEPTED_LIST}.`,
  notMultipart: "Formularz nie przesłał pliku. Wybierz plik i wyślij formularz ponownie.",
  missingOnDisk: (name: string) =>
    `Pliku „${name}” nie ma w folderze załączników na serwerze (mógł zostać usunięty lub nie został przywrócony z kopii zapasowej). ` +
    "Prześlij go ponownie albo poproś administratora o przywrócenie folderu załączników z kopii (npm run restore).",
};

/** The upload form's text fields (the file itself is checked while it streams to disk). */
export const AttachmentUploadForm = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: "Wybierz rodzaj załącznika." }),
  description: optionalText(500),
});
export type AttachmentUploadInput = z.output<typeof AttachmentUploadForm>;

/**
 * The name a file keeps in the register and in downloads: the last path segment the browser
 * sent, without control characters, at most 200 characters (the extension kept); a fallback
 * named after its type when nothing is left.
 */
export function cleanFileName(sent: string | undefined, ext: string): string {
  const base = (sent ?? "")
    .split(/[/\\]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control and direction characters are removed on purpose
    .replace(/[\u0000-\u001f\u007f-\u009f\p{Bidi_Control}]/gu, "")
    .trim();
  if (!base) return `załącznik.${ext}`;
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf(".");
  const suffix = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - suffix.length) + suffix;
}

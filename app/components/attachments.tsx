// The „Załączniki” section of a nomination: the uploaded files (download, delete), the names
// typed on the form, and the upload form. The form posts to /nominations/:id/attachments; with
// JavaScript through a fetcher (errors appear here), without it as a plain form whose answer is
// that route's own page.
import { Link, useFetcher } from "@remix-run/react";
import { Field, type Errors } from "#app/components/forms";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES, ATTACHMENT_KIND_LABEL, ATTACHMENT_KINDS, attachmentKindLabel, formatFileSize } from "#app/domain/attachments";
import { formatPolishDate } from "#app/domain/polish-dates";

export type AttachmentRow = {
  id: string;
  name: string;
  kind: string | null;
  description: string | null;
  byteSize: number | null;
  mediaType: string | null;
  addedOn: string;
  onDisk: boolean;
};

export type UploadErrors = { file?: Errors; kind?: Errors; description?: Errors; form?: Errors };
export type UploadReply = { errors: UploadErrors; values: { kind?: string; description?: string } };

const typeLabel = (mediaType: string | null) => Object.values(ACCEPTED_TYPES).find((t) => t.mediaType === mediaType)?.label ?? "plik";

export function AttachmentsSection({
  nominationId,
  files,
  names,
  canWrite,
  maxBytes,
  reply,
}: {
  nominationId: string;
  files: readonly AttachmentRow[];
  /** Attachments recorded by name only (typed on the nomination form). */
  names: readonly { id: string; name: string }[];
  canWrite: boolean;
  maxBytes: number;
  /** The action's answer when the page is that answer (no JavaScript). */
  reply?: UploadReply;
}) {
  const base = `/nominations/${nominationId}/attachments`;
  return (
    <section aria-labelledby="zalaczniki" className="attachments">
      <h2 id="zalaczniki">Załączniki</h2>
      {files.length ? (
        <table className="data-table data-table--stack">
          <caption className="visually-hidden">Pliki załączone do wniosku</caption>
          <thead>
            <tr>
              <th scope="col">Plik</th>
              <th scope="col">Rodzaj</th>
              <th scope="col">Typ i rozmiar</th>
              <th scope="col">Dodano</th>
              {canWrite ? (
                <th scope="col" className="no-print">
                  <span className="visually-hidden">Działania</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td data-label="Plik">
                  {f.onDisk ? (
                    <a href={`${base}/${f.id}/download`} download>
                      {f.name}
                    </a>
                  ) : (
                    <>
                      <span>{f.name}</span>
                      <span className="attachment-missing">
                        {" "}
                        Brak pliku na serwerze: prześlij go ponownie albo przywróć folder załączników z kopii zapasowej.
                      </span>
                    </>
                  )}
                  {f.description ? <div className="muted">{f.description}</div> : null}
                </td>
                <td data-label="Rodzaj">{attachmentKindLabel(f.kind)}</td>
                <td data-label="Typ i rozmiar" className="nowrap">
                  {typeLabel(f.mediaType)}, {formatFileSize(f.byteSize ?? 0)}
                </td>
                <td data-label="Dodano" className="nowrap">
                  {formatPolishDate(f.addedOn)}
                </td>
                {canWrite ? (
                  <td className="no-print">
                    <Link to={`${base}/${f.id}/delete`} aria-label={`Usuń załącznik ${f.name}`}>
                      Usuń
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {names.length ? (
        <>
          <h3 id="zalaczniki-nazwy">{files.length ? "Wymienione we wniosku (bez pliku)" : "Wymienione we wniosku"}</h3>
          <ul aria-labelledby="zalaczniki-nazwy">
            {names.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {!files.length && !names.length ? <p className="muted">Brak załączników.</p> : null}
      {/* A new file in the list starts a fresh form: no stale errors, no file still chosen. */}
      {canWrite ? <UploadForm key={files.map((f) => f.id).join()} action={base} maxBytes={maxBytes} reply={reply} /> : null}
    </section>
  );
}

function UploadForm({ action, maxBytes, reply }: { action: string; maxBytes: number; reply?: UploadReply }) {
  const fetcher = useFetcher<UploadReply>();
  const answer = fetcher.state === "idle" ? (fetcher.data ?? reply) : undefined;
  const errors = answer?.errors ?? {};
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={action} encType="multipart/form-data" className="attachment-upload no-print" aria-labelledby="zalaczniki-dodaj">
      <h3 id="zalaczniki-dodaj">Dodaj plik</h3>
      {errors.form?.length ? (
        <div className="alert alert--error" role="alert">
          {errors.form.join(" ")}
        </div>
      ) : null}
      <Field
        id="attachment-file"
        label="Plik"
        required
        errors={errors.file}
        hint={`PDF, DOCX, ODT, JPEG lub PNG, najwięcej ${formatFileSize(maxBytes)}. Rodzaj pliku jest sprawdzany po treści, nie po nazwie.`}
      >
        {(aria) => <input type="file" name="file" accept={ACCEPT_ATTRIBUTE} required {...aria} />}
      </Field>
      <div className="grid-2">
        <Field id="attachment-kind" label="Rodzaj" required errors={errors.kind}>
          {(aria) => (
            <select name="kind" defaultValue={answer?.values.kind ?? "NOMINATION_LETTER"} {...aria}>
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ATTACHMENT_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="attachment-description" label="Opis" errors={errors.description} hint="Nieobowiązkowy, np. „skan z podpisami, s. 1–3”.">
          {(aria) => <input type="text" name="description" maxLength={500} defaultValue={answer?.values.description ?? ""} {...aria} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? "Przesyłanie…" : "Prześlij plik"}
        </button>
      </div>
    </fetcher.Form>
  );
}

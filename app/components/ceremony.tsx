// Pieces shared by the ceremony screens: the status tag, the ceremony's data form and the laureates' table.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, useSyncExternalStore, type InputHTMLAttributes } from "react";
import { Field } from "#app/components/forms";
import {
  ATTENDANCE_LABEL,
  ATTENDANCES,
  BULK_ATTENDANCES,
  CEREMONY_KIND_LABEL,
  CEREMONY_KINDS,
  ceremonyStatusLabel,
  seatText,
  type Attendance,
} from "#app/domain/ceremony";
import { formatPolishDate } from "#app/domain/polish-dates";

export function CeremonyStatus({ status }: { status: string }) {
  return <span className={`status status--ceremony-${status.toLowerCase()}`}>{ceremonyStatusLabel(status)}</span>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;
type Fields = Record<"kind" | "title" | "date" | "startTime" | "endTime" | "venueId" | "organiser" | "chancelleryContact" | "notes", AnyField>;

const noAria = { ariaAttributes: false } as const;

export function CeremonyFields({ fields, venues }: { fields: Fields; venues: { id: string; name: string; address: string }[] }) {
  return (
    <>
      <Field id={fields.kind.id} label="Rodzaj uroczystości" errors={fields.kind.errors} required>
        {(aria) => (
          <select {...getSelectProps(fields.kind, noAria)} {...aria}>
            <option value="">— wybierz —</option>
            {CEREMONY_KINDS.map((k) => (
              <option key={k} value={k}>
                {CEREMONY_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={fields.title.id}
        label="Nazwa"
        errors={fields.title.errors}
        hint="Np. „Uroczysta sesja Rady Miasta Krakowa z okazji Święta Miasta”."
        required
        className="field--wide"
      >
        {(aria) => <input {...getInputProps(fields.title, { type: "text", ...noAria })} autoComplete="off" {...aria} />}
      </Field>
      <div className="grid-3">
        <Field id={fields.date.id} label="Data" errors={fields.date.errors} required>
          {(aria) => <input {...getInputProps(fields.date, { type: "date", ...noAria })} {...aria} />}
        </Field>
        <Field id={fields.startTime.id} label="Początek (godzina)" errors={fields.startTime.errors} required>
          {(aria) => <input {...getInputProps(fields.startTime, { type: "time", ...noAria })} {...aria} />}
        </Field>
        <Field id={fields.endTime.id} label="Koniec (godzina)" errors={fields.endTime.errors} required>
          {(aria) => <input {...getInputProps(fields.endTime, { type: "time", ...noAria })} {...aria} />}
        </Field>
      </div>
      <Field
        id={fields.venueId.id}
        label="Miejsce"
        errors={fields.venueId.errors}
        hint="Listę miejsc prowadzi administrator (Ustawienia → Miejsca uroczystości)."
      >
        {(aria) => (
          <select {...getSelectProps(fields.venueId, noAria)} {...aria}>
            <option value="">— nie ustalono —</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.address ? `, ${v.address}` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid-2">
        <Field id={fields.organiser.id} label="Organizator" errors={fields.organiser.errors}>
          {(aria) => <input {...getInputProps(fields.organiser, { type: "text", ...noAria })} {...aria} />}
        </Field>
        <Field
          id={fields.chancelleryContact.id}
          label="Kontakt w Kancelarii Rady"
          errors={fields.chancelleryContact.errors}
          hint="Imię i nazwisko, telefon lub e-mail."
        >
          {(aria) => <input {...getInputProps(fields.chancelleryContact, { type: "text", ...noAria })} {...aria} />}
        </Field>
      </div>
      <Field id={fields.notes.id} label="Uwagi" errors={fields.notes.errors} className="field--wide">
        {(aria) => <textarea {...getTextareaProps(fields.notes, noAria)} rows={3} {...aria} />}
      </Field>
    </>
  );
}

/** Name, address and capacity of a venue (the new-venue and edit forms). */
export function VenueFields({ fields }: { fields: Record<"name" | "address" | "capacity", AnyField> }) {
  return (
    <>
      <Field id={fields.name.id} label="Nazwa" errors={fields.name.errors} required>
        {(aria) => <input {...getInputProps(fields.name, { type: "text", ...noAria })} {...aria} />}
      </Field>
      <Field id={fields.address.id} label="Adres" errors={fields.address.errors}>
        {(aria) => <input {...getInputProps(fields.address, { type: "text", ...noAria })} {...aria} />}
      </Field>
      <Field id={fields.capacity.id} label="Liczba miejsc (opcjonalnie)" errors={fields.capacity.errors}>
        {(aria) => <input {...getInputProps(fields.capacity, { type: "number", ...noAria })} min={1} className="input--short" {...aria} />}
      </Field>
    </>
  );
}

/** A laureate's row as the ceremony page's loader gives it. */
export type TableLaureate = {
  id: string;
  name: string;
  honourText: string;
  conferredOn: string;
  handedOverOn: string | null;
  nominationId: string | null;
  attendance: Attendance;
  representedBy: string;
  guestsCount: number;
  handedOverBy: string;
  handoverTime: string;
  seatRow: string;
  seat: string;
  guestSeats: string;
  diploma: { confirmed: boolean; printed: boolean } | null;
};

type SentRow = Partial<
  Record<"attendance" | "representedBy" | "guestsCount" | "handedOverBy" | "handoverTime" | "seatRow" | "seat" | "guestSeats" | "laureateId", string>
>;

function diplomaText(d: TableLaureate["diploma"]): string {
  return d
    ? d.printed
      ? "dyplom wydrukowany"
      : d.confirmed
        ? "dyplom zatwierdzony, niewydrukowany"
        : "dyplom niezatwierdzony"
    : "tekst dyplomu nieprzygotowany";
}

/** One input of a gala-table row, named `rows[i].field`, with the error of its last submission. */
function RowInput({
  row,
  field,
  laureate,
  label,
  errors,
  ...input
}: { row: number; field: string; laureate: string; label: string; errors?: string[] | null } & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const errorId = `${field}-error-${laureate}`;
  return (
    <>
      <input
        type="text"
        {...input}
        name={`rows[${row}].${field}`}
        aria-label={label}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId : undefined}
      />
      {errors ? (
        <p id={errorId} className="field-errors">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/**
 * The laureates of a ceremony as one table in one form: every row's attendance, representative,
 * guests and who hands over are saved together; the bulk bar sets attendance for the ticked rows
 * or for all; ↑/↓ move a laureate (keyboard, no script needed); with JavaScript the rows can also
 * be dragged by their handle, and the new order is saved at once.
 */
export function LaureateTable({
  laureates,
  version,
  errors,
  sent,
  formError,
  focusMoved,
}: {
  laureates: TableLaureate[];
  version: number;
  /** Field errors of the last submission, by conform's names (`rows[3].representedBy`). */
  errors: Record<string, string[] | null | undefined>;
  /** The rows as last sent (kept after a refused save, also without JavaScript). */
  sent: SentRow[] | undefined;
  formError: string | undefined;
  /** After a move: the laureate and direction, to keep the keyboard focus on its button. */
  focusMoved: { laureateId: string; direction: "up" | "down" } | null;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [order, setOrder] = useState(() => laureates.map((l) => l.id));
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  // Controls that need a script (tick all, drag handles) appear only once it runs.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const saveOrder = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const byId = new Map(laureates.map((l) => [l.id, l]));
  const sentById = new Map((sent ?? []).map((r) => [r.laureateId, r]));
  const rows = order.map((id) => byId.get(id)).filter((l): l is TableLaureate => Boolean(l));

  // A drop reorders the rows first; the form is sent once React has renamed their fields.
  useEffect(() => {
    if (!saveOrder.current) return;
    saveOrder.current = false;
    formRef.current?.requestSubmit(saveRef.current);
  });
  useEffect(() => {
    if (!focusMoved || busy) return;
    const row = formRef.current?.querySelector<HTMLElement>(`[data-laureate="${focusMoved.laureateId}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`button[value$=":${focusMoved.direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`button[value$=":${focusMoved.direction === "up" ? "down" : "up"}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }, [focusMoved, busy]);

  const allTicked = rows.length > 0 && selected.size === rows.length;
  const toggleAll = () => setSelected(allTicked ? new Set() : new Set(order));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const drop = (targetId: string) => {
    if (!dragged || dragged === targetId) return setDragged(null);
    const next = order.filter((id) => id !== dragged);
    next.splice(next.indexOf(targetId) + (order.indexOf(dragged) < order.indexOf(targetId) ? 1 : 0), 0, dragged);
    setOrder(next);
    setAnnouncement(`Przeniesiono: ${byId.get(dragged)?.name} na pozycję ${next.indexOf(dragged) + 1}. Zapisywanie kolejności…`);
    setDragged(null);
    saveOrder.current = true;
  };
  const err = (i: number, field: string) => errors[`rows[${i}].${field}`] ?? undefined;

  return (
    <Form method="post" ref={formRef} className="laureate-table-form" aria-label="Laureaci: obecność, goście, kolejność">
      <input type="hidden" name="version" value={version} />
      {formError ? (
        <p className="alert alert--error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="bulk-bar no-print">
        <button type="submit" name="intent" value="save" ref={saveRef} disabled={busy}>
          Zapisz zmiany na liście
        </button>
        <div className="field">
          <label htmlFor="bulk-attendance">Obecność do ustawienia</label>
          <select
            id="bulk-attendance"
            name="bulkAttendance"
            defaultValue=""
            aria-describedby={errors.bulkAttendance ? "bulk-attendance-error" : undefined}
            aria-invalid={errors.bulkAttendance ? true : undefined}
          >
            <option value="">— wybierz —</option>
            {BULK_ATTENDANCES.map((a) => (
              <option key={a} value={a}>
                {ATTENDANCE_LABEL[a]}
              </option>
            ))}
          </select>
          {errors.bulkAttendance ? (
            <p id="bulk-attendance-error" className="field-errors">
              {errors.bulkAttendance.join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="bulk:selected" className="button--secondary" disabled={busy}>
          Ustaw zaznaczonym{hydrated ? ` (${selected.size})` : ""}
        </button>
        <button type="submit" name="intent" value="bulk:all" className="button--secondary" disabled={busy}>
          Ustaw wszystkim ({rows.length})
        </button>
        {errors.selected ? <p className="field-errors">{errors.selected.join(" ")}</p> : null}
      </div>
      <p id="drag-hint" className="muted no-print">
        Kolejność zmienisz przyciskami ↑ i ↓ (także z klawiatury) albo przeciągając wiersz za uchwyt ⠿. Zmiany w wierszach zapisuje przycisk „Zapisz zmiany na
        liście”.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="table-wrap">
        <table className="data-table laureate-table">
          <caption className="visually-hidden">Laureaci w kolejności wręczania</caption>
          <thead>
            <tr>
              <th scope="col" className="no-print">
                {hydrated ? (
                  <input
                    type="checkbox"
                    aria-label="Zaznacz wszystkich"
                    checked={allTicked}
                    onChange={toggleAll}
                    ref={(el) => {
                      if (el) el.indeterminate = selected.size > 0 && !allTicked;
                    }}
                  />
                ) : (
                  <span className="visually-hidden">Zaznacz</span>
                )}
              </th>
              <th scope="col" className="num">
                Nr
              </th>
              <th scope="col">Laureat</th>
              <th scope="col">Obecność</th>
              <th scope="col">Reprezentuje</th>
              <th scope="col">Goście</th>
              <th scope="col">Kto wręcza</th>
              <th scope="col">Godzina i miejsca</th>
              <th scope="col" className="no-print">
                Kolejność
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l, i) => {
              const s = sentById.get(l.id);
              return (
                <tr
                  key={l.id}
                  data-laureate={l.id}
                  className={dragged === l.id ? "is-dragged" : undefined}
                  onDragOver={(e) => {
                    if (dragged) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    drop(l.id);
                  }}
                >
                  <td className="no-print">
                    <input
                      type="checkbox"
                      name="selected"
                      value={l.id}
                      aria-label={`Zaznacz: ${l.name}`}
                      checked={hydrated ? selected.has(l.id) : undefined}
                      onChange={() => toggle(l.id)}
                    />
                  </td>
                  <td className="num">{i + 1}</td>
                  <td>
                    <input type="hidden" name={`rows[${i}].laureateId`} value={l.id} />
                    <strong id={`laureat-${l.id}`}>{l.name}</strong>
                    <br />
                    <small className="muted">
                      {l.honourText}, nadane {formatPolishDate(l.conferredOn)} · {diplomaText(l.diploma)}
                      {l.nominationId ? (
                        <>
                          {" "}
                          ·{" "}
                          <Link to={`/nominations/${l.nominationId}`} aria-label={`Wniosek: ${l.name}`}>
                            wniosek
                          </Link>
                        </>
                      ) : null}{" "}
                      ·{" "}
                      <Link to={`?usun=${l.id}#usun`} aria-label={`Usuń z uroczystości: ${l.name}`}>
                        usuń…
                      </Link>
                    </small>
                  </td>
                  <td>
                    <select name={`rows[${i}].attendance`} defaultValue={s?.attendance ?? l.attendance} aria-label={`Obecność: ${l.name}`}>
                      {ATTENDANCES.map((a) => (
                        <option key={a} value={a}>
                          {ATTENDANCE_LABEL[a]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <RowInput
                      row={i}
                      field="representedBy"
                      laureate={l.id}
                      label={`Reprezentuje: ${l.name}`}
                      defaultValue={s?.representedBy ?? l.representedBy}
                      errors={err(i, "representedBy")}
                    />
                  </td>
                  <td>
                    <RowInput
                      row={i}
                      field="guestsCount"
                      laureate={l.id}
                      label={`Liczba gości: ${l.name}`}
                      defaultValue={s?.guestsCount ?? String(l.guestsCount)}
                      errors={err(i, "guestsCount")}
                      type="number"
                      min={0}
                      className="input--tiny"
                    />
                  </td>
                  <td>
                    <RowInput row={i} field="handedOverBy" laureate={l.id} label={`Kto wręcza: ${l.name}`} defaultValue={s?.handedOverBy ?? l.handedOverBy} />
                  </td>
                  <td className="seating">
                    <RowInput
                      row={i}
                      field="handoverTime"
                      laureate={l.id}
                      label={`Godzina wręczenia: ${l.name}`}
                      defaultValue={s?.handoverTime ?? l.handoverTime}
                      errors={err(i, "handoverTime")}
                      className="input--tiny"
                      placeholder="GG:MM"
                    />
                    <RowInput
                      row={i}
                      field="seatRow"
                      laureate={l.id}
                      label={`Rząd: ${l.name}`}
                      defaultValue={s?.seatRow ?? l.seatRow}
                      className="input--tiny"
                      placeholder="rząd"
                    />
                    <RowInput
                      row={i}
                      field="seat"
                      laureate={l.id}
                      label={`Miejsce: ${l.name}`}
                      defaultValue={s?.seat ?? l.seat}
                      className="input--tiny"
                      placeholder="miejsce"
                    />
                    <RowInput
                      row={i}
                      field="guestSeats"
                      laureate={l.id}
                      label={`Miejsca gości: ${l.name}`}
                      defaultValue={s?.guestSeats ?? l.guestSeats}
                      placeholder="miejsca gości"
                    />
                  </td>
                  <td className="no-print nowrap">
                    {hydrated ? (
                      <button
                        type="button"
                        className="drag-handle"
                        draggable
                        aria-label={`Przeciągnij: ${l.name}`}
                        aria-describedby="drag-hint"
                        onDragStart={(e) => {
                          e.dataTransfer.effectAllowed = "move";
                          e.dataTransfer.setData("text/plain", l.id);
                          setDragged(l.id);
                        }}
                        onDragEnd={() => setDragged(null)}
                      >
                        ⠿
                      </button>
                    ) : null}
                    <button
                      type="submit"
                      name="intent"
                      value={`move:${l.id}:up`}
                      className="button--secondary"
                      disabled={i === 0 || busy}
                      aria-label={`Przesuń wyżej: ${l.name}`}
                    >
                      ↑
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`move:${l.id}:down`}
                      className="button--secondary"
                      disabled={i === rows.length - 1 || busy}
                      aria-label={`Przesuń niżej: ${l.name}`}
                    >
                      ↓
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-actions no-print">
        <button type="submit" name="intent" value="save" disabled={busy}>
          Zapisz zmiany na liście
        </button>
      </div>
    </Form>
  );
}

/** A laureate's attendance and guests, read-only (a ceremony that can no longer be edited). */
export function LaureateTableReadOnly({ laureates }: { laureates: TableLaureate[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table laureate-table">
        <caption className="visually-hidden">Laureaci w kolejności wręczania</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Nr
            </th>
            <th scope="col">Laureat</th>
            <th scope="col">Obecność</th>
            <th scope="col">Goście</th>
            <th scope="col">Kto wręcza</th>
            <th scope="col">Godzina i miejsca</th>
          </tr>
        </thead>
        <tbody>
          {laureates.map((l, i) => (
            <tr key={l.id}>
              <td className="num">{i + 1}</td>
              <td>
                <strong>{l.name}</strong>
                <br />
                <small className="muted">
                  {l.honourText}, nadane {formatPolishDate(l.conferredOn)}
                  {l.handedOverOn ? ` · wręczono ${formatPolishDate(l.handedOverOn)}` : ""}
                  {l.nominationId ? (
                    <>
                      {" "}
                      ·{" "}
                      <Link to={`/nominations/${l.nominationId}`} aria-label={`Wniosek: ${l.name}`}>
                        wniosek
                      </Link>
                    </>
                  ) : null}
                </small>
              </td>
              <td>
                {ATTENDANCE_LABEL[l.attendance]}
                {l.representedBy ? ` (reprezentuje: ${l.representedBy})` : ""}
              </td>
              <td className="num">{l.guestsCount}</td>
              <td>{l.handedOverBy || "—"}</td>
              <td>{[l.handoverTime && `godz. ${l.handoverTime}`, seatText(l), l.guestSeats && `goście: ${l.guestSeats}`].filter(Boolean).join("; ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

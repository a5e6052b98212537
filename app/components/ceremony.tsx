// Pieces shared by the ceremony screens: the status tag and the ceremony's data form.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "#app/components/forms";
import { CEREMONY_KIND_LABEL, CEREMONY_KINDS, ceremonyStatusLabel } from "#app/domain/ceremony";

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
      <Field id={fields.title.id} label="Nazwa" errors={fields.title.errors} hint="Np. „Uroczysta sesja Rady Miasta Krakowa z okazji Święta Miasta”." required className="field--wide">
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
      <Field id={fields.venueId.id} label="Miejsce" errors={fields.venueId.errors} hint="Listę miejsc prowadzi administrator (Ustawienia → Miejsca uroczystości).">
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
        <Field id={fields.chancelleryContact.id} label="Kontakt w Kancelarii Rady" errors={fields.chancelleryContact.errors} hint="Imię i nazwisko, telefon lub e-mail.">
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

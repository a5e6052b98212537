// The fieldsets shared by the create and edit forms of a nomination.
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import {
  CANDIDATE_KIND_LABEL,
  CANDIDATE_KINDS,
  GENDER_LABEL,
  GENDERS,
  HONOUR_LABEL,
  HONOURS,
  type Honour,
  MEDAL_CLASS_LABEL,
  MEDAL_CLASSES,
  NOMINATOR_KIND_LABEL,
  NOMINATOR_KINDS,
} from "#app/domain/honours";
import { Field } from "./forms";

// conform's metadata types are deeply generic and differ per schema; these shared fieldsets
// serve several schemas and only need names, ids, values and errors.
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyField = any;
type Fields = Record<string, any>;
type ListForm = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const noAria = { ariaAttributes: false } as const;

export function HonourFieldset({ fields, honours = HONOURS }: { fields: Fields; honours?: readonly Honour[] }) {
  const honour = fields.honour as AnyField;
  const medalClass = fields.requestedClass as AnyField;
  const showClass = !honour.value || honour.value === "CRACOVIAE_MERENTI";
  return (
    <fieldset>
      <legend>Wyróżnienie</legend>
      <Field id={honour.id} label="Wyróżnienie" errors={honour.errors} required>
        {(aria) => (
          <select {...getSelectProps(honour, noAria)} {...aria}>
            <option value="">— wybierz —</option>
            {honours.map((h) => (
              <option key={h} value={h}>
                {HONOUR_LABEL[h]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {showClass ? (
        <Field id={medalClass.id} label="Wnioskowana klasa medalu" hint="Tylko dla Medalu „Cracoviae Merenti”." errors={medalClass.errors}>
          {(aria) => (
            <select {...getSelectProps(medalClass, noAria)} {...aria}>
              <option value="">— wybierz —</option>
              {MEDAL_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {MEDAL_CLASS_LABEL[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </fieldset>
  );
}

export function CandidateFieldset({ candidate }: { candidate: AnyField }) {
  const c = candidate.getFieldset() as Fields;
  const kind = c.candidateKind as AnyField;
  const isOrg = kind.value === "ORGANIZATION";
  const kindErrorId = kind.errors?.length ? `${kind.id}-error` : undefined;
  return (
    <fieldset>
      <legend>Kandydat</legend>
      <fieldset className="choice-group" aria-describedby={kindErrorId}>
        <legend>Rodzaj kandydata</legend>
        {CANDIDATE_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name={kind.name} value={k} defaultChecked={(kind.initialValue ?? "PERSON") === k} /> {CANDIDATE_KIND_LABEL[k]}
          </label>
        ))}
        {kindErrorId ? (
          <ul id={kindErrorId} className="field-errors">
            {kind.errors.map((e: string) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      {isOrg ? (
        <div className="grid-2">
          <TextField field={c.organizationName} label="Pełna nazwa instytucji" required className="field--wide" />
          <TextField field={c.shortName} label="Nazwa skrócona" />
          <TextField field={c.city} label="Miejscowość" />
        </div>
      ) : (
        <div className="grid-2">
          <TextField field={c.givenNames} label="Imiona" required autoComplete="off" />
          <TextField field={c.surname} label="Nazwisko" required autoComplete="off" />
          <GenderSelect field={c.grammaticalGender} label="Rodzaj gramatyczny" />
          <TextField field={c.title} label="Tytuł lub zawód" hint="np. prof. dr hab., kompozytor" />
          <TextField field={c.birthYear} label="Rok urodzenia" inputMode="numeric" />
          <Field id={(c.birthDate as AnyField).id} label="Data urodzenia (jeśli znana)" errors={(c.birthDate as AnyField).errors}>
            {(aria) => <input {...getInputProps(c.birthDate, { type: "date", ...noAria })} {...aria} />}
          </Field>
          <TextField field={c.city} label="Miejscowość" />
          <div className="field">
            <label className="choice">
              <input {...getInputProps(c.deceased, { type: "checkbox", ...noAria })} /> Osoba zmarła
            </label>
          </div>
        </div>
      )}
    </fieldset>
  );
}

export function NominatorsFieldset({ form, fields }: { form: ListForm; fields: Fields }) {
  const list: AnyField[] = fields.nominators.getFieldList();
  const listErrorId = fields.nominators.errors?.length ? `${fields.nominators.id}-error` : undefined;
  return (
    <fieldset aria-describedby={listErrorId}>
      <legend>Wnioskodawcy</legend>
      {listErrorId ? (
        <ul id={listErrorId} className="field-errors">
          {(fields.nominators.errors as string[]).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <ol className="nominator-list">
        {list.map((item, index) => {
          const n = item.getFieldset() as Fields;
          return (
            <li key={item.key} className="nominator">
              <div className="grid-3">
                <Field id={(n.kind as AnyField).id} label={`Rodzaj wnioskodawcy ${index + 1}`} errors={(n.kind as AnyField).errors}>
                  {(aria) => (
                    <select {...getSelectProps(n.kind, noAria)} {...aria}>
                      {NOMINATOR_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {NOMINATOR_KIND_LABEL[k]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <TextField field={n.name} label={`Wnioskodawca ${index + 1}: nazwa lub imię i nazwisko`} required />
                <TextField field={n.contact} label={`Kontakt do wnioskodawcy ${index + 1}`} hint="adres, e-mail lub telefon" />
              </div>
              {list.length > 1 ? (
                <button className="button--secondary" {...form.remove.getButtonProps({ name: fields.nominators.name, index })}>
                  Usuń wnioskodawcę {index + 1}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button className="button--secondary" {...form.insert.getButtonProps({ name: fields.nominators.name, defaultValue: { kind: "PERSON" } })}>
        Dodaj wnioskodawcę
      </button>
    </fieldset>
  );
}

export function NominationDetailsFieldset({ fields, today }: { fields: Fields; today: string }) {
  return (
    <fieldset>
      <legend>Wniosek</legend>
      <div className="grid-2">
        <Field id={fields.receivedDate.id} label="Data wpływu" errors={fields.receivedDate.errors} required>
          {(aria) => <input {...getInputProps(fields.receivedDate, { type: "date", ...noAria })} max={today} {...aria} />}
        </Field>
        <TextField field={fields.caseReference} label="Znak sprawy" hint="np. KP-09.0012.3.2026" />
      </div>
      <Field id={fields.merits.id} label="Opis zasług" errors={fields.merits.errors}>
        {(aria) => <textarea {...getTextareaProps(fields.merits, noAria)} rows={8} {...aria} />}
      </Field>
      <Field
        id={fields.attachments.id}
        label="Załączniki (nazwy)"
        hint="Jedna nazwa w wierszu. Pliki (skany pisma, życiorysu, list podpisów) dodasz po zapisaniu, na stronie wniosku w części „Załączniki”."
        errors={fields.attachments.errors}
      >
        {(aria) => <textarea {...getTextareaProps(fields.attachments, noAria)} rows={3} {...aria} />}
      </Field>
    </fieldset>
  );
}

/** The grammatical gender of a person: the documents' forms (Pan/Pani, Honorowy Obywatel/Honorowa Obywatelka) follow it. */
export function GenderSelect({ field, label }: { field: AnyField; label: string }) {
  return (
    <Field id={field.id} label={label} errors={field.errors} required>
      {(aria) => (
        <select {...getSelectProps(field, noAria)} {...aria}>
          <option value="">— wybierz —</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {GENDER_LABEL[g]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TextField({
  field,
  label,
  hint,
  required,
  className,
  autoComplete,
  inputMode,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
  autoComplete?: string;
  inputMode?: "numeric";
}) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors} required={required} className={className}>
      {(aria) => <input {...getInputProps(field, { type: "text", ...noAria })} autoComplete={autoComplete} inputMode={inputMode} {...aria} />}
    </Field>
  );
}

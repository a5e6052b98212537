// The fields of one entry of the name-forms lexicon (/admin/name-lexicon).
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "#app/components/forms";
import { LEXICON_GENDER_LABEL, LEXICON_GENDERS, LEXICON_KIND_LABEL, LEXICON_KINDS } from "#app/domain/name-lexicon";

type Fields = Record<"kind" | "nominative" | "gender" | "genitive" | "dative", FieldMetadata<string>>;

export function LexiconFields({ fields }: { fields: Fields }) {
  return (
    <div className="grid-3">
      <Field id={fields.kind.id} label="Rodzaj wpisu" errors={fields.kind.errors} required>
        {(aria) => (
          <select {...getSelectProps(fields.kind, { ariaAttributes: false })} {...aria}>
            {LEXICON_KINDS.map((k) => (
              <option key={k} value={k}>
                {LEXICON_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fields.gender.id} label="Rodzaj gramatyczny" hint="Puste: dla obu płci (nazwisko, które się nie zmienia)." errors={fields.gender.errors}>
        {(aria) => (
          <select {...getSelectProps(fields.gender, { ariaAttributes: false })} {...aria}>
            <option value="">— dowolny —</option>
            {LEXICON_GENDERS.map((g) => (
              <option key={g} value={g}>
                {LEXICON_GENDER_LABEL[g]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={fields.nominative.id} label="Mianownik (kto? co?)" hint="Jedno słowo, np. Dudek." errors={fields.nominative.errors} required>
        {(aria) => <input {...getInputProps(fields.nominative, { type: "text", ariaAttributes: false })} {...aria} />}
      </Field>
      <Field id={fields.genitive.id} label="Dopełniacz (kogo? czego?)" hint="np. Dudka" errors={fields.genitive.errors} required>
        {(aria) => <input {...getInputProps(fields.genitive, { type: "text", ariaAttributes: false })} {...aria} />}
      </Field>
      <Field id={fields.dative.id} label="Celownik (komu? czemu?)" hint="np. Dudkowi" errors={fields.dative.errors} required>
        {(aria) => <input {...getInputProps(fields.dative, { type: "text", ariaAttributes: false })} {...aria} />}
      </Field>
    </div>
  );
}

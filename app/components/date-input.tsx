// One text field for a date (the date picker's day, month and year segments and its button are
// four tab stops): the office types „12.03.2026” or „2026-03-12”; the server's TypedDate schema
// (app/domain/polish-dates.ts) reads both and answers a Polish message next to the field.
import { getInputProps } from "@conform-to/react";
import { typedDateValue } from "#app/domain/polish-dates";
import { Field } from "./forms";

/* eslint-disable @typescript-eslint/no-explicit-any -- conform's field metadata is deeply generic */
type AnyField = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

export const DATE_HINT = "DD.MM.RRRR, np. 12.03.2026";

export function DateInput({
  field,
  label,
  hint,
  required,
  focusFirst,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  required?: boolean;
  focusFirst?: boolean;
}) {
  return (
    <Field id={field.id} label={label} hint={hint ? `${DATE_HINT}; ${hint}` : DATE_HINT} errors={field.errors} required={required}>
      {(aria) => (
        <input
          {...getInputProps(field, { type: "text", ariaAttributes: false })}
          defaultValue={typedDateValue(field.initialValue)}
          autoComplete="off"
          size={12}
          {...aria}
          // A keyboard-first form opens with its first field focused (the user came here to type).
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={focusFirst}
        />
      )}
    </Field>
  );
}

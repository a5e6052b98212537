// Pieces of the settings screens (/admin/settings/...): validity dates, "end the previous one",
// the state of a period, and the table shown when someone else saved first.
import { getInputProps } from "@conform-to/react";
import { useState } from "react";
import { Field } from "#app/components/forms";
import type { PeriodState } from "#app/domain/settings";

// conform's field metadata is deeply generic and differs per schema; these pieces only need the
// name, id, initial value and errors of a field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = any;

const noAria = { ariaAttributes: false } as const;

/** "Valid from" (required) and "valid to" (optional) as date inputs, side by side. */
export function PeriodInputs({ validFrom, validTo, fromLabel = "Obowiązuje od", toLabel = "Obowiązuje do (opcjonalnie)", toHint }: {
  validFrom: AnyField;
  validTo: AnyField;
  fromLabel?: string;
  toLabel?: string;
  toHint?: string;
}) {
  return (
    <div className="grid-2">
      <Field id={validFrom.id} label={fromLabel} errors={validFrom.errors} hint="Pierwszy dzień obowiązywania." required>
        {(aria) => <input {...getInputProps(validFrom, { type: "date", ...noAria })} {...aria} />}
      </Field>
      <Field id={validTo.id} label={toLabel} errors={validTo.errors} hint={toHint ?? "Ostatni dzień obowiązywania; puste = bez daty końcowej."}>
        {(aria) => <input {...getInputProps(validTo, { type: "date", ...noAria })} {...aria} />}
      </Field>
    </div>
  );
}

/** A checkbox with its hint and errors (conform field). */
export function Checkbox({ field, label, hint }: { field: AnyField; label: string; hint?: string }) {
  const errors = field.errors as string[] | undefined;
  const errorId = errors?.length ? `${field.id}-error` : undefined;
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${errorId ? "field--invalid" : ""}`}>
      <label className="choice">
        <input {...getInputProps(field, { type: "checkbox", ...noAria })} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} /> {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <ul id={errorId} className="field-errors">
          {errors!.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const STATE_TEXT: Record<PeriodState, string> = {
  current: "obowiązuje dziś",
  past: "zakończona",
  future: "od przyszłej daty",
};

/** The state of a period as words (never colour alone). */
export function PeriodStateTag({ state }: { state: PeriodState }) {
  return <span className={`period-state period-state--${state}`}>{STATE_TEXT[state]}</span>;
}

/**
 * The version a form saves against: the one it was opened with, or the one the last answer named
 * (the version submitted, after a refused save; the saved one, after a conflict). Not the
 * loader's: loaders revalidate after every submission, and taking their newer version silently
 * would let a save overwrite a change the user never saw.
 */
export function useFormVersion(loaderVersion: number, answered: number | undefined): number {
  const [opened] = useState(loaderVersion);
  return answered ?? opened;
}

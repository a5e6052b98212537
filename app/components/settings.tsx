// Pieces of the settings screens (/admin/settings/...): validity dates, "end the previous one",
// the state of a period, the table of a setting's or an office's periods, and the table shown
// when someone else saved first.
import { getInputProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { Field } from "#app/components/forms";
import type { PeriodState } from "#app/domain/settings";

// conform's field metadata is deeply generic and differs per schema; these pieces only need the
// name, id, initial value and errors of a field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = any;

const noAria = { ariaAttributes: false } as const;

/** "Valid from" (required) and "valid to" (optional) as date inputs, side by side. */
export function PeriodInputs({
  validFrom,
  validTo,
  fromLabel = "Obowiązuje od",
  toLabel = "Obowiązuje do (opcjonalnie)",
  toHint,
}: {
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

/** A column of a PeriodTable besides the period and the actions. */
export type PeriodColumn<Row> = { label: string; cell: (row: Row) => ReactNode };

/**
 * The rows of one dated setting or one office, each with its period and state, the one in force
 * today marked, and the links to change or remove it (`rowName` tells screen-reader users which).
 */
export function PeriodTable<Row extends { id: string; period: string; state: PeriodState }>({
  caption,
  columns,
  rows,
  editPath,
  rowName,
  empty,
  changeable = true,
}: {
  caption: string;
  columns: PeriodColumn<Row>[];
  rows: Row[];
  /** The row's edit page; its delete page is this + "/delete". */
  editPath: (row: Row) => string;
  rowName: (row: Row) => string;
  empty: string;
  /** False for rows that are replaced rather than edited (an emblem): only the delete link. */
  changeable?: boolean;
}) {
  if (!rows.length) return <p className="empty-state">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack settings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Okres</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">Działania</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.state === "current" ? "settings-row--current" : undefined}>
              <td data-label="Okres" className="nowrap">
                {r.period}
                <br />
                <PeriodStateTag state={r.state} />
              </td>
              {columns.map((c) => (
                <td key={c.label} data-label={c.label}>
                  {c.cell(r)}
                </td>
              ))}
              <td data-label="Działania" className="nowrap">
                {changeable ? (
                  <>
                    <Link to={editPath(r)}>
                      Zmień lub zakończ<span className="visually-hidden">{rowName(r)}</span>
                    </Link>
                    <br />
                  </>
                ) : null}
                <Link to={`${editPath(r)}/delete`}>
                  Usuń…<span className="visually-hidden">{rowName(r)}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

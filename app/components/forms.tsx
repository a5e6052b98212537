// Form fields with their label, hint and Polish errors wired for screen readers.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type Errors = string[] | undefined;

export function ErrorList({ id, errors }: { id?: string; errors: Errors }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  id: string;
  label: ReactNode;
  errors?: Errors;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (aria: { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => ReactNode;
};

/** A labelled control; the child renders the control with the given accessibility props. */
export function Field({ id, label, errors, hint, required, className, children }: FieldProps) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${errors?.length ? "field--invalid" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function FormErrors({ id, errors }: { id: string; errors: Errors }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="alert alert--error" role="alert">
      <ErrorList errors={errors} />
    </div>
  );
}

export type ConflictRow = { label: string; saved: string; yours: string };

/** What differs between the saved record and the user's version, after a refused save. */
export function ConflictSection({ changes, reloadHref }: { changes: ConflictRow[]; reloadHref: string }) {
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Różnice między zapisaną wersją a Twoimi zmianami</h2>
      {changes.length ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Pole</th>
              <th scope="col">Zapisane przez innego użytkownika</th>
              <th scope="col">Twoja wersja</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                <td>{c.saved}</td>
                <td>{c.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Zapisana wersja ma te same wartości co Twoja.</p>
      )}
      <p>
        Aby zachować zapisaną wersję, <Link to={reloadHref}>wczytaj ją ponownie</Link>. Aby zastąpić ją swoimi danymi, zapisz formularz jeszcze raz.
      </p>
    </section>
  );
}

/** A list filter: one select of coded values with their labels, "wszystkie" for no filter (GET forms). */
export function FilterSelect<Value extends string>({
  id,
  name,
  label,
  value,
  options,
  labels,
}: {
  /** The select's id when the page has another field of the same name. */
  id?: string;
  name: string;
  label: string;
  value: string | null | undefined;
  options: readonly Value[];
  labels: Record<Value, string>;
}) {
  return (
    <div className="field">
      <label htmlFor={id ?? name}>{label}</label>
      <select id={id ?? name} name={name} defaultValue={value ?? ""}>
        <option value="">wszystkie</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}

// Form fields with their label, hint and Polish errors wired for screen readers.
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

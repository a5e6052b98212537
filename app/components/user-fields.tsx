// Pieces of the user administration forms (/admin/users/new and /admin/users/:id).
import { getCollectionProps } from "@conform-to/react";

export type RoleChoice = { key: string; name: string; permissions: string[] };

// conform's field metadata is deeply generic and differs per schema; this fieldset only needs
// the name, id, initial value and errors of a string-array field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ArrayField = any;

/** The roles as checkboxes with their Polish names; what each role may do is its description. */
export function RoleCheckboxes({ field, roles }: { field: ArrayField; roles: RoleChoice[] }) {
  const errors = field.errors as string[] | undefined;
  const errorId = errors?.length ? `${field.id}-error` : undefined;
  const inputs = getCollectionProps(field, { type: "checkbox", options: roles.map((r) => r.key), ariaAttributes: false });
  return (
    <fieldset className={`choice-group role-choices ${errorId ? "field--invalid" : ""}`} aria-describedby={errorId}>
      <legend>
        Role
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </legend>
      {roles.map((role, i) => {
        const { key, ...props } = inputs[i]!;
        const hintId = `${props.id}-hint`;
        return (
          <div key={key} className="role-choice">
            <label className="choice">
              <input {...props} aria-describedby={hintId} /> {role.name}
            </label>
            <p id={hintId} className="field-hint">
              {role.permissions.length ? role.permissions.join("; ") : "bez uprawnień"}
            </p>
          </div>
        );
      })}
      {errorId ? (
        <ul id={errorId} className="field-errors">
          {errors!.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

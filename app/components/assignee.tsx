// „Prowadzący” on a nomination's page: who leads the case, and for those who may write it, the
// form that changes it (posted through a fetcher to /nominations/:id/assignee).
import { useFetcher } from "@remix-run/react";
import { Field, FormErrors } from "#app/components/forms";
import { MINE, NOBODY } from "#app/domain/assignee";

type Reply = { result: { error?: Record<string, string[] | null> | null } };

export function AssigneeSection({
  nominationId,
  version,
  assignee,
  candidates,
}: {
  nominationId: string;
  version: number;
  /** Who leads the case now: id and name, or null. */
  assignee: { id: string; name: string } | null;
  /** Who may be chosen; empty when the user may not change it. */
  candidates: readonly { id: string; name: string }[];
}) {
  const fetcher = useFetcher<Reply>();
  const errors = fetcher.state === "idle" ? (fetcher.data?.result.error ?? {}) : {};
  const id = `assignee-${nominationId}`;
  // A lead who may no longer write the honour stays selected, so a save elsewhere does not drop them silently.
  const options = assignee && !candidates.some((c) => c.id === assignee.id) ? [assignee, ...candidates] : candidates;
  return (
    <section aria-labelledby="prowadzacy" className="assignee">
      <h2 id="prowadzacy">Prowadzący</h2>
      {candidates.length === 0 ? (
        <p>{assignee ? assignee.name : "Sprawa jest nieprzypisana."}</p>
      ) : (
        <fetcher.Form method="post" action={`/nominations/${nominationId}/assignee`} className="assignee__form no-print">
          <input type="hidden" name="version" value={version} />
          <FormErrors id={`${id}-form-error`} errors={errors[""] ?? undefined} />
          <Field id={id} label="Osoba prowadząca sprawę" errors={errors.assigneeId ?? undefined}>
            {(aria) => (
              <select name="assigneeId" defaultValue={assignee?.id ?? ""} key={`${assignee?.id ?? ""}-${version}`} {...aria}>
                <option value="">nieprzypisana</option>
                {options.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button--secondary" disabled={fetcher.state !== "idle"}>
            Zapisz prowadzącego
          </button>
        </fetcher.Form>
      )}
    </section>
  );
}

/** The „Prowadzący” filter of the list and the board (`?prowadzacy=`). */
export function AssigneeFilterSelect({ value, people }: { value: string | undefined; people: readonly { id: string; name: string }[] }) {
  return (
    <div className="field">
      <label htmlFor="prowadzacy">Prowadzący</label>
      <select id="prowadzacy" name="prowadzacy" defaultValue={value ?? ""}>
        <option value="">wszyscy</option>
        <option value={MINE}>moje</option>
        <option value={NOBODY}>nieprzypisane</option>
        {people.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}

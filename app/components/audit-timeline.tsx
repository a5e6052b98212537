import type { TimelineEntry } from "#app/domain/audit-log";

/** The "Historia" section of a record's page, from its audit events. */
export function AuditTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <section aria-labelledby="historia">
      <h2 id="historia">Historia</h2>
      {entries.length ? (
        <ol className="timeline">
          {entries.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{h.atText}</time> — {h.action}
              {h.toStatus ? `: ${h.toStatus}` : ""}
              {h.fields.length ? ` (${h.fields.join(", ")})` : ""} — {h.who}
              {h.reason ? ` — ${h.reason}` : ""}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Brak zapisów.</p>
      )}
    </section>
  );
}

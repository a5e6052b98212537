// The list of nominations due for anonymisation, shared by /admin/retention and its confirmation step.
import { Link } from "@remix-run/react";
import { todayIso, formatShortDate } from "#app/domain/polish-dates";
import { RECORD_KIND_LABEL, type DueNomination, type RecordKind } from "#app/domain/retention";
import { DemoMark, honourText, StatusBadge } from "./labels";

/** What the pages show of a due nomination (dates as Warsaw calendar days). */
export function dueRowOf(d: DueNomination) {
  return {
    id: d.id,
    honour: d.honour,
    requestedClass: d.requestedClass,
    status: d.status,
    caseReference: d.caseReference,
    recordKind: d.recordKind,
    months: d.months,
    endedOn: todayIso(d.endedAt),
    dueSince: todayIso(d.dueSince),
    nominatorCount: d.nominatorCount,
    attachmentCount: d.attachmentCount,
    candidate: d.candidate,
  };
}
export type DueRow = ReturnType<typeof dueRowOf>;

export function DueTable({ rows, selectable = false, caption }: { rows: DueRow[]; selectable?: boolean; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">Wybór</span>
              </th>
            ) : null}
            <th scope="col">Kandydat</th>
            <th scope="col">Wyróżnienie</th>
            <th scope="col">Status</th>
            <th scope="col">Rodzaj</th>
            <th scope="col">Zakończony</th>
            <th scope="col">Do anonimizacji od</th>
            <th scope="col">Dane kandydata</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {selectable ? (
                <td>
                  <input type="checkbox" name="ids" value={r.id} defaultChecked aria-label={`Anonimizuj wniosek: ${r.candidate.displayName}`} />
                </td>
              ) : null}
              <td>
                <Link to={`/nominations/${r.id}`}>{r.candidate.displayName}</Link> <DemoMark isDemo={r.candidate.isDemo} />
                {r.caseReference ? <div className="muted">{r.caseReference}</div> : null}
              </td>
              <td>{honourText(r.honour, r.requestedClass)}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                {RECORD_KIND_LABEL[r.recordKind as RecordKind]} ({r.months} mies.)
              </td>
              <td>{formatShortDate(r.endedOn)}</td>
              <td>{formatShortDate(r.dueSince)}</td>
              <td>{r.candidate.willBeAnonymized ? "zostaną usunięte" : <span className="muted">pozostają (wyróżnienie lub inny wniosek)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

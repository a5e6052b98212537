// Dziennik zdarzeń: every audit row, newest first, read-only. There is deliberately no route that
// edits or deletes an audit row.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Pagination } from "#app/components/pagination";
import {
  actionLabel,
  AUDIT_PAGE_SIZE,
  auditPageCount,
  describeChanges,
  entityTypeLabel,
  fieldLabelsOf,
  formatWarsawDateTime,
  parseAuditLogQuery,
  statusLabel,
  SYSTEM_USER,
  type AuditChange,
} from "#app/domain/audit-log";
import { SETTING_FIELD_LABEL, SIGNATORY_FIELD_LABEL } from "#app/domain/settings";
import { CEREMONY_FIELD_LABEL } from "#app/domain/ceremony";
import { resultCountText } from "#app/domain/result-count";
import { auditFilterOptions, listAuditEvents } from "#app/models/audit.server";
import { NOMINATION_FIELD_LABEL } from "#app/models/nomination.server";
import { listRoles } from "#app/models/user.server";
import { requireUserWithPermission, userCan } from "#app/utils/auth.server";
import { PermittedLink } from "#app/components/permitted-link";

export const meta: MetaFunction = () => [{ title: "Dziennik zdarzeń · Merenti" }];

function entityHref(type: string, id: string, canManageUsers: boolean, canManageSettings = false): string | null {
  if (type === "Nomination") return `/nominations/${id}`;
  if (type === "Candidate") return `/candidates/${id}`;
  if (type === "User" && canManageUsers) return `/admin/users/${id}`;
  if (type === "DatedSetting" && canManageSettings) return `/admin/settings/values/${id}`;
  if (type === "Signatory" && canManageSettings) return `/admin/settings/signatories/${id}`;
  if (type === "Ceremony") return `/ceremonies/${id}`;
  if (type === "Venue" && canManageSettings) return `/admin/venues/${id}`;
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, "audit:read");
  const parsed = parseAuditLogQuery(new URL(request.url).searchParams);
  const [options, roles] = await Promise.all([auditFilterOptions(), listRoles()]);
  // A user or type that is not among the choices (a stale or edited link) is ignored, like any bad value.
  const query = {
    ...parsed,
    user: parsed.user === SYSTEM_USER || options.users.some((u) => u.id === parsed.user) ? parsed.user : undefined,
    type: parsed.type && options.entityTypes.includes(parsed.type) ? parsed.type : undefined,
  };
  const { total, rows } = await listAuditEvents({ user: query.user, entityType: query.type, from: query.from, to: query.to, page: query.page });
  const roleNames = Object.fromEntries(roles.map((r) => [r.key, r.name]));
  const canManageUsers = userCan(viewer, "user:manage");
  const canManageSettings = userCan(viewer, "settings:manage");
  return {
    query,
    total,
    users: options.users.map((u) => ({ id: u.id, label: options.users.some((o) => o.id !== u.id && o.name === u.name) ? `${u.name} (${u.email})` : u.name })),
    entityTypes: options.entityTypes.map((t) => ({ value: t, label: entityTypeLabel(t) })),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      atText: formatWarsawDateTime(r.at),
      who: r.userName ?? "system",
      action: actionLabel(r.action),
      entity: {
        type: entityTypeLabel(r.entityType),
        name: r.entityName ?? `id ${r.entityId}`,
        href: entityHref(r.entityType, r.entityId, canManageUsers, canManageSettings),
      },
      status: r.fromStatus || r.toStatus ? { from: r.fromStatus ? statusLabel(r.fromStatus) : null, to: r.toStatus ? statusLabel(r.toStatus) : null } : null,
      reason: r.reason,
      changes: describeChanges(r.before, r.after, {
        fieldLabels: fieldLabelsOf(r.entityType, {
          Nomination: NOMINATION_FIELD_LABEL,
          DatedSetting: SETTING_FIELD_LABEL,
          Signatory: SIGNATORY_FIELD_LABEL,
          Ceremony: CEREMONY_FIELD_LABEL,
          Venue: CEREMONY_FIELD_LABEL,
        }),
        roleNames,
      }),
    })),
  };
}

const LONG = 160;

function Value({ text }: { text: string }) {
  if (text.length <= LONG) return <span className="audit-value">{text}</span>;
  return (
    <details className="audit-value">
      <summary>{text.slice(0, 80).trimEnd()}… (pokaż całość)</summary>
      <span className="prose">{text}</span>
    </details>
  );
}

function Changes({ changes }: { changes: AuditChange[] }) {
  if (!changes.length) return <span className="muted">—</span>;
  return (
    <ul className="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="audit-changes__field">{c.label}:</span>{" "}
          {c.before === null ? (
            <Value text={c.after ?? "—"} />
          ) : c.after === null ? (
            <>
              <Value text={c.before} /> <span className="muted">(usunięto)</span>
            </>
          ) : (
            <>
              <del>
                <span className="visually-hidden">było: </span>
                <Value text={c.before} />
              </del>{" "}
              <span aria-hidden="true">→</span>{" "}
              <ins>
                <span className="visually-hidden">jest: </span>
                <Value text={c.after} />
              </ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function AuditLog() {
  const { query, total, rows, users, entityTypes } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const pages = auditPageCount(total);
  const filtered = Boolean(query.user || query.type || query.from || query.to);

  return (
    <>
      <h1>Dziennik zdarzeń</h1>
      <p className="lead">
        Każda zmiana danych w rejestrze, kto i kiedy ją wprowadził. Wpisów dziennika nie można zmieniać ani usuwać. Czas podano według strefy Europe/Warsaw.
      </p>

      {/* Keyed by the query: "Wyczyść filtry" and the back button show the filters of the page shown. */}
      <Form key={location.search} method="get" className="filters no-print" role="search" aria-label="Filtruj dziennik zdarzeń">
        <div className="field">
          <label htmlFor="audit-user">Użytkownik</label>
          <select id="audit-user" name="user" defaultValue={query.user ?? ""}>
            <option value="">wszyscy</option>
            <option value={SYSTEM_USER}>system (bez użytkownika)</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-type">Rodzaj obiektu</label>
          <select id="audit-type" name="type" defaultValue={query.type ?? ""}>
            <option value="">wszystkie</option>
            {entityTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">Od dnia</label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">Do dnia</label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit">Pokaż</button>
          {filtered ? <Link to="/audit">Wyczyść filtry</Link> : null}
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {navigation.state === "loading" ? "Wczytywanie…" : resultCountText(total, query.page, AUDIT_PAGE_SIZE, { shown: "Zdarzenia", none: "Brak zdarzeń" })}
      </p>

      {rows.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>Żadne zdarzenie nie pasuje do wybranych kryteriów.</p>
              <p>
                <Link to="/audit">Pokaż cały dziennik</Link>
              </p>
            </>
          ) : total > 0 ? (
            <p>
              Na tej stronie nie ma zdarzeń. <Link to="/audit">Wróć do pierwszej strony</Link>
            </p>
          ) : (
            <p>Dziennik jest pusty: nikt jeszcze niczego nie zmienił.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table--stack audit-table">
            <caption className="visually-hidden">Zdarzenia, od najnowszych</caption>
            <thead>
              <tr>
                <th scope="col">Czas</th>
                <th scope="col">Użytkownik</th>
                <th scope="col">Czynność</th>
                <th scope="col">Obiekt</th>
                <th scope="col">Zmiana statusu</th>
                <th scope="col">Powód</th>
                <th scope="col">Zmienione pola</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="Czas" className="nowrap">
                    <time dateTime={r.at}>{r.atText}</time>
                  </td>
                  <td data-label="Użytkownik">{r.who}</td>
                  <td data-label="Czynność">{r.action}</td>
                  <td data-label="Obiekt">
                    {r.entity.type}: {r.entity.href ? <PermittedLink to={r.entity.href}>{r.entity.name}</PermittedLink> : <span>{r.entity.name}</span>}
                  </td>
                  <td data-label="Zmiana statusu">{r.status ? `${r.status.from ?? "—"} → ${r.status.to ?? "—"}` : "—"}</td>
                  <td data-label="Powód">{r.reason || "—"}</td>
                  <td data-label="Zmienione pola">
                    <Changes changes={r.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

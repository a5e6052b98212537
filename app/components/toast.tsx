// The confirmation of the last action (a toast from app/utils/toast.server.ts), shown at the top
// of the page the action led to. It stays until the user moves on (the next navigation) or closes
// it: a message that fades by itself is missed by those who read slowly or with a screen reader.
import { Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useState } from "react";
import type { Toast } from "#app/utils/toast.server";

const TYPE_CLASS = { success: "alert--ok", error: "alert--error", info: "alert--info" } as const;

export function ToastMessage() {
  const toast = (useRouteLoaderData("root") as { toast: Toast | null } | undefined)?.toast ?? null;
  const location = useLocation();
  // The page a toast arrived with: a later client-side navigation keeps root's data (and the
  // toast) but is another page, where the toast no longer belongs.
  const [shown, setShown] = useState<{ id: string; key: string; closed: boolean } | null>(toast ? { id: toast.id, key: location.key, closed: false } : null);
  if (toast && shown?.id !== toast.id) setShown({ id: toast.id, key: location.key, closed: false });
  const visible = toast && shown?.id === toast.id && shown.key === location.key && !shown.closed;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {visible ? (
        <div className={`alert toast ${TYPE_CLASS[toast.type]}`} data-toast={toast.type}>
          <p className="toast__title">{toast.title}</p>
          {toast.description ? <p className="toast__description">{toast.description}</p> : null}
          <div className="toast__actions">
            {toast.link ? <Link to={toast.link.href}>{toast.link.label}</Link> : null}
            <button type="button" className="button--link" onClick={() => setShown({ id: toast.id, key: location.key, closed: true })}>
              Zamknij<span className="visually-hidden"> komunikat</span>
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

// Pieces of the Honoris Gratia desk shared by its pages: the desk's sub-navigation, the due
// date with its urgency and the link back to the desk.
import { Link, NavLink } from "@remix-run/react";
import { urgencyOf } from "#app/domain/deadlines";
import { useMayOpen } from "./permitted-link";
import { formatShortDate } from "#app/domain/polish-dates";

export function HgNav() {
  const links = [
    ["/hg", "Wnioski i terminy"],
    ["/hg/new", "Nowy wniosek"],
    ["/hg/decisions", "Decyzje i pisma"],
    ["/hg/refusals", "Odmowy i pisma"],
    ["/hg/stock", "Odznaki i blankiety"],
    ["/hg/stats", "Statystyki"],
  ] as const;
  const mayOpen = useMayOpen();
  return (
    <nav className="subnav no-print" aria-label="Odznaka „Honoris Gratia”">
      <ul>
        {links
          .filter(([to]) => mayOpen(to))
          .map(([to, label]) => (
            <li key={to}>
              <NavLink to={to} end>
                {label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

const URGENCY_TEXT = { overdue: "po terminie", "this-week": "w tym tygodniu", later: "" } as const;

export function DueDate({ dueDate, today, open }: { dueDate: string | null; today: string; open: boolean }) {
  if (!dueDate) return <>—</>;
  const urgency = open ? urgencyOf(dueDate, today) : "later";
  return (
    <span className={`due due--${urgency}`}>
      <time dateTime={dueDate}>{formatShortDate(dueDate)}</time>
      {URGENCY_TEXT[urgency] ? <strong> ({URGENCY_TEXT[urgency]})</strong> : null}
    </span>
  );
}

export function BackToDesk() {
  return (
    <p className="no-print">
      <Link to="/hg">← Wnioski „Honoris Gratia”</Link>
    </p>
  );
}

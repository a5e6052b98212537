// Pieces of the Honoris Gratia desk shared by its pages: the desk's sub-navigation, the due
// date with its urgency, and the badges-per-year chart.
import { Link, NavLink } from "@remix-run/react";
import { urgencyOf } from "#app/domain/deadlines";
import { formatShortDate } from "#app/domain/polish-dates";

export function HgNav() {
  const links = [
    ["/hg", "Wnioski i terminy"],
    ["/hg/new", "Nowy wniosek"],
    ["/hg/decisions", "Decyzje i pisma"],
    ["/hg/stock", "Odznaki i blankiety"],
    ["/hg/stats", "Statystyki"],
  ] as const;
  return (
    <nav className="subnav no-print" aria-label="Odznaka „Honoris Gratia”">
      <ul>
        {links.map(([to, label]) => (
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

/** Bars per year in SVG; the table beside it carries the same figures for screen readers. */
export function BadgesPerYearChart({ data }: { data: { year: number; badges: number }[] }) {
  if (!data.length) return null;
  const width = 720;
  const height = 240;
  const pad = { left: 40, bottom: 28, top: 12, right: 8 };
  const max = Math.max(...data.map((d) => d.badges), 1);
  const band = (width - pad.left - pad.right) / data.length;
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const labelEvery = Math.ceil(data.length / 12);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="chart-title">
      <title id="chart-title">Liczba nadanych odznak w kolejnych latach (szczegóły w tabeli poniżej)</title>
      <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="currentColor" />
      <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11">
        {max}
      </text>
      <text x={pad.left - 6} y={height - pad.bottom} textAnchor="end" fontSize="11">
        0
      </text>
      {data.map((d, i) => (
        <g key={d.year}>
          <rect x={pad.left + i * band + band * 0.15} width={band * 0.7} y={y(d.badges)} height={height - pad.bottom - y(d.badges)} fill="#7a0019">
            <title>{`${d.year}: ${d.badges}`}</title>
          </rect>
          {i % labelEvery === 0 ? (
            <text x={pad.left + i * band + band / 2} y={height - 10} textAnchor="middle" fontSize="11">
              {d.year}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

export function BackToDesk() {
  return (
    <p className="no-print">
      <Link to="/hg">← Wnioski „Honoris Gratia”</Link>
    </p>
  );
}

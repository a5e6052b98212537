// A server-rendered SVG bar chart: a title and a description for screen readers (the same
// numbers are always in a table next to it), no script, prints as it shows.
import type { Bar } from "#app/domain/reports";

export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  if (bars.length === 0) return null;
  const width = 720;
  const height = 240;
  const top = 16;
  const bottom = 36;
  const left = 44;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (width - left) / bars.length;
  const barWidth = Math.max(2, step * 0.7);
  const scale = (v: number) => ((height - top - bottom) * v) / max;
  // Label every n-th year so the labels never overlap.
  const every = Math.max(1, Math.ceil(bars.length / 18));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} className="chart__axis" />
        <text x={left - 6} y={top + 4} textAnchor="end" className="chart__label">
          {max}
        </text>
        <text x={left - 6} y={height - bottom} textAnchor="end" className="chart__label">
          0
        </text>
        {bars.map((b, i) => {
          const h = scale(b.value);
          const x = left + i * step + (step - barWidth) / 2;
          return (
            <g key={b.label}>
              <rect x={x} y={height - bottom - h} width={barWidth} height={h} className="chart__bar">
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
              {i % every === 0 ? (
                <text x={x + barWidth / 2} y={height - bottom + 16} textAnchor="middle" className="chart__label">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}

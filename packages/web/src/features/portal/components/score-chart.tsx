/** A small line chart of one measure's scores; the table beside it carries the same numbers for screen readers. */
export function ScoreChart({ scores, max, label }: { scores: readonly { takenOn: string; score: number }[]; max: number; label: string }) {
  const width = 280;
  const height = 120;
  const pad = 12;
  if (scores.length === 0 || max <= 0) return null;
  const x = (i: number) => (scores.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scores.length - 1));
  const y = (score: number) => height - pad - (Math.min(Math.max(score, 0), max) / max) * (height - 2 * pad);
  const points = scores.map((s, i) => `${x(i).toFixed(1)},${y(s.score).toFixed(1)}`).join(' ');
  return (
    <svg className="pt-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line className="pt-chart__axis" x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} />
      <line className="pt-chart__axis" x1={pad} y1={pad} x2={pad} y2={height - pad} />
      <polyline className="pt-chart__line" points={points} />
      {scores.map((s, i) => (
        <circle key={s.takenOn} className="pt-chart__dot" cx={x(i)} cy={y(s.score)} r={4} />
      ))}
    </svg>
  );
}

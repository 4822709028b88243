import type { ReadyOverview } from '@/lib/admin/overview/overview';

type Trend = ReadyOverview['trend'];

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 44, bottom: 28, left: 40 };
const COLORS = { good: '#2f855a', neutral: '#a0aec0', bad: '#c53030' } as const;

function niceMax(value: number) {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/**
 * Rated responses per bucket as stacked bars (bad, neutral, good) with the score as a line on the
 * right axis; every bar segment links to the responses behind it. Drawn on the server: no script.
 */
export function TrendChart({ trend, nps, bucket }: { trend: Trend; nps: boolean; bucket: 'day' | 'week' }) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(0, ...trend.map((b) => b.rated)));
  const slot = plotW / Math.max(1, trend.length);
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const y = (count: number) => PAD.top + plotH - (count / max) * plotH;
  const [lo, hi] = nps ? [-100, 100] : [0, 100];
  const scoreY = (s: number) => PAD.top + plotH - ((s - lo) / (hi - lo)) * plotH;
  const labelEvery = Math.ceil(trend.length / 8);
  const points = trend.flatMap((b, i) => (b.score === null ? [] : [`${PAD.left + slot * (i + 0.5)},${scoreY(b.score)}`]));
  const unit = bucket === 'day' ? 'Day' : 'Week from';
  const categories = (nps ? ['bad', 'neutral', 'good'] : ['bad', 'good']) as ('bad' | 'neutral' | 'good')[];
  const names = nps ? { good: 'promoters', neutral: 'passives', bad: 'detractors' } : { good: 'good ratings', neutral: 'neutral ratings', bad: 'bad ratings' };

  return (
    <figure className="overview-figure">
    <svg className="overview-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Rated responses per ${bucket}, with the ${nps ? 'NPS' : 'CSAT score'} as a line`}>
      {[0, 0.5, 1].map((f) => (
        <g key={f} aria-hidden="true">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * f)} y2={y(max * f)} className="overview-grid" />
          <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="overview-axis">
            {Math.round(max * f)}
          </text>
          <text x={WIDTH - PAD.right + 6} y={scoreY(lo + (hi - lo) * f) + 4} className="overview-axis">
            {lo + (hi - lo) * f}
            {nps ? '' : '%'}
          </text>
        </g>
      ))}
      {trend.map((b, i) => {
        const x = PAD.left + slot * (i + 0.5) - barW / 2;
        let base = 0;
        return (
          <g key={b.from}>
            {categories.map((c) => {
              const count = b[c];
              if (count === 0) return null;
              const top = y(base + count);
              const height = y(base) - top;
              base += count;
              return (
                <a key={c} href={b.hrefs[c]} aria-label={`${unit} ${b.from}: ${count} ${names[c]}`}>
                  <rect x={x} y={top} width={barW} height={Math.max(1, height)} fill={COLORS[c]}>
                    <title>{`${unit} ${b.from}: ${count} ${names[c]}`}</title>
                  </rect>
                </a>
              );
            })}
            {i % labelEvery === 0 && (
              <text x={PAD.left + slot * (i + 0.5)} y={HEIGHT - 8} textAnchor="middle" className="overview-axis" aria-hidden="true">
                {b.from.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      {points.length > 1 && <polyline points={points.join(' ')} className="overview-line" aria-hidden="true" />}
    </svg>
      <figcaption className="overview-legend">
        {categories.toReversed().map((c) => (
          <span key={c}>
            <span className="overview-swatch" style={{ background: COLORS[c] }} aria-hidden="true" /> {names[c]}
          </span>
        ))}
        <span>
          <span className="overview-swatch overview-swatch-line" aria-hidden="true" /> {nps ? 'NPS' : 'CSAT score'} (right axis)
        </span>
      </figcaption>
    </figure>
  );
}

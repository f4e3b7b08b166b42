import { useEffect, useMemo, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration,
} from 'chart.js';
import { formatPercent } from '../../format/format';
import type { SeriesPoint } from './statsSeries';
import { useDocumentTheme } from './useDocumentTheme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

interface Props {
  title: string;
  /** The first column's header in the figures table ("Hour", "Day"). */
  keyHeader: string;
  series: readonly SeriesPoint[];
  /** Draws the service level as a line on a 0–100 % axis. */
  serviceLevelLine: boolean;
  testId: string;
}

interface Colors { answered: string; missed: string; other: string; line: string; text: string; grid: string }

function themeColors(): Colors {
  const css = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { answered: get('--ok', '#1a7f37'), missed: get('--bad', '#c62828'), other: get('--muted', '#5b6470'), line: get('--accent', '#0b5cad'), text: get('--fg', '#1b1f24'), grid: get('--border', '#d5d9df') };
}

type Config = ChartConfiguration<'bar' | 'line', Array<number | null>, string>;

function chartConfig(series: readonly SeriesPoint[], colors: Colors, serviceLevelLine: boolean): Config {
  const axis = { ticks: { color: colors.text }, grid: { color: colors.grid } };
  const bar = (label: string, color: string, value: (p: SeriesPoint) => number) =>
    ({ type: 'bar' as const, label, data: series.map(value), backgroundColor: color, stack: 'calls', yAxisID: 'y' });
  const datasets: Config['data']['datasets'] = [
    bar('Answered', colors.answered, (p) => p.answered),
    bar('Missed', colors.missed, (p) => p.missed),
    bar('Busy, failed, no answer', colors.other, (p) => p.other),
  ];
  if (serviceLevelLine) {
    datasets.push({ type: 'line', label: 'Service level (%)', data: series.map((p) => (p.serviceLevel === null ? null : Math.round(p.serviceLevel * 100))), borderColor: colors.line, backgroundColor: colors.line, yAxisID: 'sl' });
  }
  return {
    type: 'bar',
    data: { labels: series.map((p) => p.label), datasets },
    options: {
      // Drawn at once: nothing moves while a screenshot or a test looks at it.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { ...axis, stacked: true },
        y: { ...axis, stacked: true, beginAtZero: true, ticks: { color: colors.text, precision: 0 } },
        sl: { display: serviceLevelLine, position: 'right', min: 0, max: 100, ticks: { color: colors.text, callback: (v) => `${v}%` }, grid: { drawOnChartArea: false } },
      },
    },
  };
}

function summary(title: string, series: readonly SeriesPoint[]): string {
  const busiest = series.reduce<SeriesPoint | null>((best, p) => (best === null || p.total > best.total ? p : best), null);
  const total = series.reduce((sum, p) => sum + p.total, 0);
  return `${title}: ${total} calls${busiest && busiest.total > 0 ? `, the most (${busiest.total}) at ${busiest.label}` : ''}. The figures are in the table below.`;
}

/** A stacked bar chart (answered, missed, other) with its figures as a table for screen readers and copying. */
export function StatsChart({ title, keyHeader, series, serviceLevelLine, testId }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useDocumentTheme();
  // Colours come from the theme's CSS variables: redraw when the theme changes.
  const colors = useMemo(() => themeColors(), [theme]);
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart(canvasRef.current, chartConfig(series, colors, serviceLevelLine));
    return () => chart.destroy();
  }, [series, colors, serviceLevelLine]);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ul className="chart-legend">
        <li><span className="key split-talk" />Answered</li>
        <li><span className="key chart-missed" />Missed</li>
        <li><span className="key split-hold" />Busy, failed, no answer</li>
        {serviceLevelLine && <li><span className="key chart-line" />Service level</li>}
      </ul>
      <div className="chart-canvas"><canvas ref={canvasRef} role="img" aria-label={summary(title, series)} /></div>
      <details>
        <summary>Figures</summary>
        <table>
          <thead><tr><th scope="col">{keyHeader}</th><th scope="col">Calls</th><th scope="col">Answered</th><th scope="col">Missed</th><th scope="col">Other</th><th scope="col">Service level</th></tr></thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.label} data-testid={`${testId}-row`} data-key={p.label}>
                <th scope="row">{p.label}</th><td>{p.total}</td><td>{p.answered}</td><td>{p.missed}</td><td>{p.other}</td><td>{formatPercent(p.serviceLevel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

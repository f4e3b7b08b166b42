import type { CallStatsFieldsFragment } from '../../gql/graphql';
import { daysBetween } from './timeZones';

export type StatsRow = CallStatsFieldsFragment;

/** One bar of a chart: answered, missed and the rest (busy, failed, no answer) stacked. */
export interface SeriesPoint {
  label: string;
  total: number;
  answered: number;
  missed: number;
  other: number;
  /** 0..1, or null when nothing was answered or missed. */
  serviceLevel: number | null;
}

export interface StatsTotals {
  total: number;
  answered: number;
  missed: number;
  busy: number;
  failed: number;
  answeredWithinServiceLevel: number;
  serviceLevel: number | null;
  averageWaitSeconds: number | null;
  averageTalkSeconds: number | null;
}

function point(label: string, rows: readonly StatsRow[]): SeriesPoint {
  const t = totalsOf(rows);
  return { label, total: t.total, answered: t.answered, missed: t.missed, other: t.total - t.answered - t.missed, serviceLevel: t.serviceLevel };
}

/** Sums groups; averages are weighted by the answered calls they are over, the service level recomputed. */
export function totalsOf(rows: readonly StatsRow[]): StatsTotals {
  let total = 0, answered = 0, missed = 0, busy = 0, failed = 0, within = 0, wait = 0, talk = 0, waited = 0, talked = 0;
  for (const row of rows) {
    total += row.total;
    answered += row.answered;
    missed += row.missed;
    busy += row.busy;
    failed += row.failed;
    within += row.answeredWithinServiceLevel;
    if (row.averageWaitSeconds !== null && row.averageWaitSeconds !== undefined) { wait += row.averageWaitSeconds * row.answered; waited += row.answered; }
    if (row.averageTalkSeconds !== null && row.averageTalkSeconds !== undefined) { talk += row.averageTalkSeconds * row.answered; talked += row.answered; }
  }
  return {
    total, answered, missed, busy, failed, answeredWithinServiceLevel: within,
    serviceLevel: answered + missed === 0 ? null : within / (answered + missed),
    averageWaitSeconds: waited === 0 ? null : wait / waited,
    averageTalkSeconds: talked === 0 ? null : talk / talked,
  };
}

/** HOUR groups ("yyyy-MM-ddTHH:00") folded into the 24 hours of the day, so a week shows its daily rhythm. */
export function hourOfDaySeries(hourly: readonly StatsRow[]): SeriesPoint[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const label = `${String(hour).padStart(2, '0')}:00`;
    return point(label, hourly.filter((row) => row.key.slice(11, 16) === label));
  });
}

/** DAY groups ("yyyy-MM-dd") with every day of the period present, quiet days as zero. */
export function dailySeries(daily: readonly StatsRow[], from: string, to: string): SeriesPoint[] {
  return daysBetween(from, to).map((day) => point(day, daily.filter((row) => row.key === day)));
}

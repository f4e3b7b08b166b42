import { describe, expect, it } from 'vitest';
import { dailySeries, hourOfDaySeries, totalsOf, type StatsRow } from './statsSeries';

function row(key: string, total: number, answered: number, missed: number, within: number, wait: number | null = null): StatsRow {
  return {
    key, total, answered, missed, busy: 0, failed: total - answered - missed, answeredWithinServiceLevel: within,
    averageWaitSeconds: wait, averageTalkSeconds: null, serviceLevel: answered + missed === 0 ? null : within / (answered + missed),
  };
}

describe('statistics series', () => {
  it('folds hours of several days into the hours of the day', () => {
    const series = hourOfDaySeries([row('2026-02-01T08:00', 3, 2, 1, 1), row('2026-02-02T08:00', 2, 1, 0, 1), row('2026-02-01T20:00', 1, 0, 1, 0)]);
    expect(series).toHaveLength(24);
    expect(series[8]).toEqual({ label: '08:00', total: 5, answered: 3, missed: 1, other: 1, serviceLevel: 0.5 });
    expect(series[20]?.missed).toBe(1);
    expect(series[9]).toEqual({ label: '09:00', total: 0, answered: 0, missed: 0, other: 0, serviceLevel: null });
  });

  it('has every day of the period, quiet ones as zero', () => {
    const series = dailySeries([row('2026-02-02', 4, 4, 0, 3)], '2026-02-01', '2026-02-03');
    expect(series.map((p) => [p.label, p.total])).toEqual([['2026-02-01', 0], ['2026-02-02', 4], ['2026-02-03', 0]]);
    expect(series[1]?.serviceLevel).toBe(0.75);
  });

  it('weights averages by answered calls and recomputes the service level', () => {
    const totals = totalsOf([row('a', 4, 3, 1, 2, 10), row('b', 2, 1, 1, 1, 30)]);
    expect(totals).toMatchObject({ total: 6, answered: 4, missed: 2, answeredWithinServiceLevel: 3, serviceLevel: 0.5, averageWaitSeconds: 15 });
    expect(totalsOf([]).serviceLevel).toBeNull();
  });
});

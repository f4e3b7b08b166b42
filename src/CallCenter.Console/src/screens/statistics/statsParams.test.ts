import { describe, expect, it } from 'vitest';
import { parseStatsParams, statsParamsProblem, statsSearch, statsVariables } from './statsParams';

describe('statistics parameters', () => {
  it('reads the period, zone and threshold from the URL and asks for whole days in that zone', () => {
    const params = parseStatsParams(new URLSearchParams('from=2026-02-01&to=2026-02-02&tz=Asia/Tashkent&sl=30'));
    expect(params).toEqual({ from: '2026-02-01', to: '2026-02-02', timeZone: 'Asia/Tashkent', serviceLevelSeconds: 30 });
    expect(statsVariables(params)).toEqual({
      from: '2026-01-31T19:00:00.000Z', until: '2026-02-02T19:00:00.000Z', timeZone: 'Asia/Tashkent', serviceLevelSeconds: 30,
    });
    expect(parseStatsParams(statsSearch(params))).toEqual(params);
  });

  it('falls back to the last 7 days and 20 s for missing or malformed values', () => {
    const now = new Date('2026-02-10T12:00:00Z');
    const params = parseStatsParams(new URLSearchParams('from=yesterday&tz=Nowhere/City&sl=-3'), now);
    expect(params.to).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: params.timeZone }).format(now));
    expect(params.serviceLevelSeconds).toBe(20);
    expect(statsParamsProblem(params)).toBeNull();
  });

  it('says what is wrong with a period it cannot ask for', () => {
    expect(statsParamsProblem({ from: '2026-02-02', to: '2026-02-01', timeZone: 'UTC', serviceLevelSeconds: 20 })).toMatch(/before/);
    expect(statsParamsProblem({ from: '2024-12-01', to: '2026-02-01', timeZone: 'UTC', serviceLevelSeconds: 20 })).toMatch(/400 days/);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidTimeZone, todayIn, zonedDayStart } from './timeZones';

describe('zonedDayStart', () => {
  it('is midnight in the zone, as an instant', () => {
    expect(zonedDayStart('2026-02-01', 'UTC').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(zonedDayStart('2026-02-01', 'Asia/Tashkent').toISOString()).toBe('2026-01-31T19:00:00.000Z');
    expect(zonedDayStart('2026-02-01', 'America/New_York').toISOString()).toBe('2026-02-01T05:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Berlin: UTC+1 in winter, UTC+2 from the last Sunday of March.
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('days', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-02-02', '2026-02-01')).toEqual([]);
  });

  it('knows today in a zone and which zones exist', () => {
    const now = new Date('2026-02-01T20:00:00Z');
    expect(todayIn('UTC', now)).toBe('2026-02-01');
    expect(todayIn('Asia/Tashkent', now)).toBe('2026-02-02');
    expect(isValidTimeZone('Asia/Tashkent')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

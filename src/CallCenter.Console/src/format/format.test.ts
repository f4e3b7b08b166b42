import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, partyLabel, secondsSince } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [9.9, '0:09'],
    [75, '1:15'],
    [3725, '1:02:05'],
    [null, '–'],
    [-1, '–'],
    [Number.NaN, '–'],
  ])('%s -> %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('secondsSince', () => {
  it('never goes negative', () => {
    const start = '2026-01-01T10:00:00Z';
    expect(secondsSince(start, Date.parse(start) + 12_500)).toBe(12.5);
    expect(secondsSince(start, Date.parse(start) - 1_000)).toBe(0);
  });
});

describe('formatPercent and partyLabel', () => {
  it('formats', () => {
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatPercent(null)).toBe('–');
    expect(partyLabel('5551234', 'Ann')).toBe('Ann · 5551234');
    expect(partyLabel(null, null)).toBe('unknown');
  });
});

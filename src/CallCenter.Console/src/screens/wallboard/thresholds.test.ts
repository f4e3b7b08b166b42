import { describe, expect, it } from 'vitest';
import { defaultThresholds, levelAbove, levelBelow, missedShare, thresholdsFromSearch } from './thresholds';

describe('wallboard thresholds', () => {
  it('grades figures where higher is worse', () => {
    expect(levelAbove(5, 20, 60)).toBe('ok');
    expect(levelAbove(20, 20, 60)).toBe('warn');
    expect(levelAbove(60, 20, 60)).toBe('alert');
    expect(levelAbove(null, 20, 60)).toBe('neutral');
  });

  it('grades figures where lower is worse', () => {
    expect(levelBelow(95, 80, 60)).toBe('ok');
    expect(levelBelow(79, 80, 60)).toBe('warn');
    expect(levelBelow(59, 80, 60)).toBe('alert');
    expect(levelBelow(null, 80, 60)).toBe('neutral');
  });

  it('reads thresholds from the URL and keeps defaults for missing or bad values', () => {
    const t = thresholdsFromSearch(new URLSearchParams('waitWarn=15&slAlert=50&ringWarn=x&missedAlert=-1'));
    expect(t.waitWarn).toBe(15);
    expect(t.serviceLevelAlert).toBe(50);
    expect(t.ringingWarn).toBe(defaultThresholds.ringingWarn);
    expect(t.missedAlert).toBe(defaultThresholds.missedAlert);
  });

  it('computes the missed share only once there were calls', () => {
    expect(missedShare(0, 0)).toBeNull();
    expect(missedShare(3, 1)).toBe(25);
  });
});

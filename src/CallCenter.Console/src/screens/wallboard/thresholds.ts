// Wallboard colours: each figure is "ok", "warn" or "alert" by thresholds a supervisor can set in the URL
// (e.g. /wallboard?waitWarn=15&slAlert=50), and the level is always written out next to the colour.
export type Level = 'ok' | 'warn' | 'alert' | 'neutral';

export interface Thresholds {
  /** Ringing calls at once. */
  ringingWarn: number;
  ringingAlert: number;
  /** Seconds the longest-waiting caller has waited. */
  waitWarn: number;
  waitAlert: number;
  /** Share of today's inbound calls missed, in percent. */
  missedWarn: number;
  missedAlert: number;
  /** Today's service level, in percent: below these it warns / alerts. */
  serviceLevelWarn: number;
  serviceLevelAlert: number;
}

export const defaultThresholds: Thresholds = {
  ringingWarn: 3,
  ringingAlert: 6,
  waitWarn: 20,
  waitAlert: 60,
  missedWarn: 10,
  missedAlert: 25,
  serviceLevelWarn: 80,
  serviceLevelAlert: 60,
};

const params: Record<keyof Thresholds, string> = {
  ringingWarn: 'ringWarn',
  ringingAlert: 'ringAlert',
  waitWarn: 'waitWarn',
  waitAlert: 'waitAlert',
  missedWarn: 'missedWarn',
  missedAlert: 'missedAlert',
  serviceLevelWarn: 'slWarn',
  serviceLevelAlert: 'slAlert',
};

/** Thresholds from the query string; a missing or non-numeric value keeps its default. */
export function thresholdsFromSearch(search: URLSearchParams): Thresholds {
  const result = { ...defaultThresholds };
  for (const key of Object.keys(params) as (keyof Thresholds)[]) {
    const raw = search.get(params[key]);
    const value = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
    if (Number.isFinite(value) && value >= 0) result[key] = value;
  }
  return result;
}

/** Higher is worse (ringing calls, waiting time, missed share). */
export function levelAbove(value: number | null, warn: number, alert: number): Level {
  if (value === null) return 'neutral';
  if (value >= alert) return 'alert';
  return value >= warn ? 'warn' : 'ok';
}

/** Lower is worse (service level). */
export function levelBelow(value: number | null, warn: number, alert: number): Level {
  if (value === null) return 'neutral';
  if (value < alert) return 'alert';
  return value < warn ? 'warn' : 'ok';
}

export const levelLabels: Record<Level, string> = { ok: 'OK', warn: 'Warning', alert: 'Alert', neutral: '' };

/** Percent of calls missed, or null before the first call of the day. */
export function missedShare(answered: number, missed: number): number | null {
  const total = answered + missed;
  return total === 0 ? null : (missed / total) * 100;
}

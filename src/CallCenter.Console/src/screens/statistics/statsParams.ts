import { addDays, browserTimeZone, isValidTimeZone, todayIn, zonedDayStart } from './timeZones';

/** The statistics screen's inputs, all kept in the URL so a link shows the same figures. */
export interface StatsParams {
  /** First day, YYYY-MM-DD, in the time zone. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
  timeZone: string;
  /** Answered within this many seconds counts toward the service level. */
  serviceLevelSeconds: number;
}

export const defaultServiceLevelSeconds = 20;
export const defaultDays = 7;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string | null {
  return value !== null && dayPattern.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The URL's parameters, with defaults for what is missing or malformed: the last 7 days in the browser's zone. */
export function parseStatsParams(params: URLSearchParams, now: Date = new Date()): StatsParams {
  const zone = params.get('tz');
  const timeZone = zone !== null && isValidTimeZone(zone) ? zone : browserTimeZone;
  const to = day(params.get('to')) ?? todayIn(timeZone, now);
  const from = day(params.get('from')) ?? addDays(to, 1 - defaultDays);
  const sl = Number(params.get('sl') ?? '');
  const serviceLevelSeconds = params.get('sl') !== null && Number.isFinite(sl) && sl >= 0 ? sl : defaultServiceLevelSeconds;
  return { from, to, timeZone, serviceLevelSeconds };
}

export function statsSearch(params: StatsParams): URLSearchParams {
  return new URLSearchParams({ from: params.from, to: params.to, tz: params.timeZone, sl: String(params.serviceLevelSeconds) });
}

/** What is wrong with the inputs, in words, or null when the period can be asked for. */
export function statsParamsProblem(params: StatsParams): string | null {
  if (params.to < params.from) return 'The last day is before the first day.';
  if (zonedDayStart(addDays(params.to, 1), params.timeZone).getTime() - zonedDayStart(params.from, params.timeZone).getTime() > 400 * 86_400_000) {
    return 'The period is longer than 400 days.';
  }
  return null;
}

/** The callStats variables: the period's first instant and the instant after its last day, in the zone. */
export function statsVariables(params: StatsParams) {
  return {
    from: zonedDayStart(params.from, params.timeZone).toISOString(),
    until: zonedDayStart(addDays(params.to, 1), params.timeZone).toISOString(),
    timeZone: params.timeZone,
    serviceLevelSeconds: params.serviceLevelSeconds,
  };
}

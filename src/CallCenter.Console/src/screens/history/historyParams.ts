import type { CallDirection, CallFilter, CallOrder, CallOrderField, CallStatus, SortDirection } from '../../gql/graphql';

/** Date presets kept by name in the URL, so a reload tomorrow still means "today". */
export const datePresets = {
  today: 'Today',
  yesterday: 'Yesterday',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
} as const;
export type DatePreset = keyof typeof datePresets;

export const allStatuses: readonly CallStatus[] = ['RINGING', 'ANSWERED', 'COMPLETED', 'MISSED', 'BUSY', 'FAILED', 'NO_ANSWER'];
export const allDirections: readonly CallDirection[] = ['INBOUND', 'OUTBOUND', 'INTERNAL'];

export interface HistoryQuery {
  filter: CallFilter;
  order: CallOrder;
  /** Keyset paging: forward after a cursor, or backward before one. */
  page: { after: string | null; before: string | null };
}

function startOfDay(date: Date, addDays = 0): Date {
  const d = new Date(date);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + addDays);
  return d;
}

export function presetRange(preset: DatePreset, now: Date): { from: string; until: string } {
  const tomorrow = startOfDay(now, 1);
  const from = {
    today: startOfDay(now),
    yesterday: startOfDay(now, -1),
    last7: startOfDay(now, -6),
    last30: startOfDay(now, -29),
  }[preset];
  const until = preset === 'yesterday' ? startOfDay(now) : tomorrow;
  return { from: from.toISOString(), until: until.toISOString() };
}

function list<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] | undefined {
  const values = (params.get(key) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length > 0 ? values : undefined;
}

function text(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value ? value : undefined;
}

/** The URL's search parameters as the calls query's arguments (unknown or malformed values are ignored). */
export function parseHistoryParams(params: URLSearchParams, now: Date = new Date()): HistoryQuery {
  const filter: CallFilter = {};
  const preset = params.get('preset');
  if (preset !== null && preset in datePresets) {
    Object.assign(filter, presetRange(preset as DatePreset, now));
  } else {
    const from = text(params, 'from');
    const until = text(params, 'until');
    if (from && !Number.isNaN(Date.parse(from))) filter.from = new Date(from).toISOString();
    if (until && !Number.isNaN(Date.parse(until))) filter.until = new Date(until).toISOString();
  }
  const status = list(params, 'status', allStatuses);
  if (status) filter.status = status;
  const direction = list(params, 'direction', allDirections);
  if (direction) filter.direction = direction;
  for (const key of ['number', 'agentId', 'extension', 'contactId', 'company'] as const) {
    const value = text(params, key);
    if (value) filter[key] = value;
  }
  const recording = params.get('hasRecording');
  if (recording === 'true' || recording === 'false') filter.hasRecording = recording === 'true';
  const minDuration = Number(params.get('minDuration') ?? '');
  if (params.get('minDuration') && Number.isFinite(minDuration) && minDuration >= 0) filter.minDurationSeconds = minDuration;

  const field: CallOrderField = params.get('sort') === 'DURATION' ? 'DURATION' : 'STARTED_AT';
  const direction2: SortDirection = params.get('dir') === 'ASC' ? 'ASC' : 'DESC';
  return {
    filter,
    order: { field, direction: direction2 },
    page: { after: text(params, 'after') ?? null, before: text(params, 'before') ?? null },
  };
}

/** Sets (or removes, when empty) one parameter; any change but paging goes back to the first page. */
export function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  if (key !== 'after') next.delete('after');
  if (key !== 'before') next.delete('before');
  if (key === 'from' || key === 'until') next.delete('preset');
  if (key === 'preset') {
    next.delete('from');
    next.delete('until');
  }
  return next;
}

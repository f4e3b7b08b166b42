import { describe, expect, it } from 'vitest';
import { parseHistoryParams, presetRange, withParam } from './historyParams';

describe('parseHistoryParams', () => {
  it('reads every filter field, the order and the page from the URL', () => {
    const params = new URLSearchParams('status=MISSED,BUSY,bogus&direction=INBOUND&number=555&agentId=a1&extension=201'
      + '&contactId=c1&company=Acme&hasRecording=true&minDuration=30&from=2026-01-01T00:00:00Z&until=2026-01-02T00:00:00Z'
      + '&sort=DURATION&dir=ASC&after=cur');
    expect(parseHistoryParams(params)).toEqual({
      filter: {
        status: ['MISSED', 'BUSY'], direction: ['INBOUND'], number: '555', agentId: 'a1', extension: '201', contactId: 'c1',
        company: 'Acme', hasRecording: true, minDurationSeconds: 30, from: '2026-01-01T00:00:00.000Z', until: '2026-01-02T00:00:00.000Z',
      },
      order: { field: 'DURATION', direction: 'ASC' },
      page: { after: 'cur', before: null },
    });
  });

  it('defaults to newest first with no filter, and ignores malformed values', () => {
    expect(parseHistoryParams(new URLSearchParams('from=yesterday&minDuration=-3&hasRecording=maybe&sort=x'))).toEqual({
      filter: {}, order: { field: 'STARTED_AT', direction: 'DESC' }, page: { after: null, before: null },
    });
  });

  it('turns a preset into a range when the query is made', () => {
    const now = new Date(2026, 4, 10, 15, 30);
    const { filter } = parseHistoryParams(new URLSearchParams('preset=yesterday'), now);
    expect(filter).toEqual(presetRange('yesterday', now));
    expect(new Date(filter.from as string).getDate()).toBe(9);
    expect(new Date(filter.until as string).getDate()).toBe(10);
    const week = presetRange('last7', now);
    expect((Date.parse(week.until) - Date.parse(week.from)) / 86_400_000).toBeCloseTo(7, 1);
  });
});

describe('withParam', () => {
  it('resets paging on a filter change and keeps presets and dates exclusive', () => {
    const start = new URLSearchParams('preset=today&after=cur&number=5');
    expect(withParam(start, 'number', '6').toString()).toBe('preset=today&number=6');
    expect(withParam(start, 'from', '2026-01-01').toString()).toBe('number=5&from=2026-01-01');
    expect(withParam(new URLSearchParams('from=x&until=y'), 'preset', 'last7').toString()).toBe('preset=last7');
    expect(withParam(start, 'number', '').toString()).toBe('preset=today');
    expect(withParam(start, 'before', 'b').toString()).toBe('preset=today&number=5&before=b');
  });
});

import { describe, expect, it } from 'vitest';
import { mergeLiveRows, type HistoryCall } from './historyRows';

function call(id: string, version: number, startedAt: string): HistoryCall {
  return {
    id, version, startedAt, direction: 'INBOUND', status: 'COMPLETED', callerNumber: null, callerName: null, dialedNumber: null,
    agentExtension: null, answeredAt: null, endedAt: null, ringSeconds: null, talkSeconds: null, durationSeconds: null,
    hangupBy: null, hangupCauseText: null, agent: null, contact: null, recording: null,
  };
}

describe('mergeLiveRows', () => {
  const page = [call('b', 1, '2026-01-01T10:00:00Z'), call('a', 1, '2026-01-01T09:00:00Z')];

  it('replaces rows by newer versions only', () => {
    const updates = new Map([['a', call('a', 2, '2026-01-01T09:00:00Z')], ['b', call('b', 1, '2026-01-01T10:00:00Z')]]);
    const { rows } = mergeLiveRows(page, updates, false);
    expect(rows.map((c) => `${c.id}:${c.version}`)).toEqual(['b:1', 'a:2']);
  });

  it('puts new calls on top newest first, or only counts them', () => {
    const updates = new Map([['c', call('c', 1, '2026-01-01T11:00:00Z')], ['d', call('d', 1, '2026-01-01T12:00:00Z')]]);
    expect(mergeLiveRows(page, updates, true).rows.map((c) => c.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(mergeLiveRows(page, updates, false)).toEqual({ rows: page, unseen: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { emptyBoard, endedKept, liveBoardReducer, liveFigures, orderedLiveCalls, type LiveCall } from './liveBoardState';

function call(id: string, version: number, status: LiveCall['status'], startedAt = '2026-01-01T10:00:00Z'): LiveCall {
  return {
    id, version, status, startedAt,
    direction: 'INBOUND', isLive: status === 'RINGING' || status === 'ANSWERED',
    callerNumber: '5550100', callerName: null, dialedNumber: '100', agentExtension: null,
    answeredAt: null, endedAt: null, ringSeconds: null, talkSeconds: null, holdCount: 0, transferCount: 0,
    agent: null, contact: null, legs: [],
  };
}

describe('liveBoardReducer', () => {
  it('moves a call from ringing to answered to ended', () => {
    let state = liveBoardReducer(emptyBoard, { type: 'change', live: true, call: call('a', 1, 'RINGING') });
    expect(orderedLiveCalls(state).map((c) => c.status)).toEqual(['RINGING']);
    state = liveBoardReducer(state, { type: 'change', live: true, call: call('a', 2, 'ANSWERED') });
    expect(orderedLiveCalls(state).map((c) => c.status)).toEqual(['ANSWERED']);
    state = liveBoardReducer(state, { type: 'change', live: false, call: call('a', 3, 'COMPLETED') });
    expect(state.live.size).toBe(0);
    expect(state.ended.map((c) => `${c.id}:${c.status}`)).toEqual(['a:COMPLETED']);
  });

  it('ignores a change older than what it has', () => {
    const state = liveBoardReducer(emptyBoard, { type: 'change', live: true, call: call('a', 5, 'ANSWERED') });
    expect(liveBoardReducer(state, { type: 'change', live: true, call: call('a', 4, 'RINGING') })).toBe(state);
    const ended = liveBoardReducer(state, { type: 'change', live: false, call: call('a', 6, 'COMPLETED') });
    expect(liveBoardReducer(ended, { type: 'change', live: true, call: call('a', 5, 'ANSWERED') })).toBe(ended);
  });

  it('replaces the live set with a snapshot but keeps newer calls it already has', () => {
    let state = liveBoardReducer(emptyBoard, { type: 'change', live: true, call: call('a', 3, 'ANSWERED') });
    state = liveBoardReducer(state, { type: 'change', live: true, call: call('gone', 1, 'RINGING') });
    state = liveBoardReducer(state, { type: 'snapshot', calls: [call('a', 2, 'RINGING'), call('b', 1, 'RINGING')] });
    expect(orderedLiveCalls(state).map((c) => `${c.id}:${c.version}`).sort()).toEqual(['a:3', 'b:1']);
  });

  it('keeps only the newest ended calls', () => {
    let state = emptyBoard;
    for (let i = 0; i < endedKept + 3; i++) {
      state = liveBoardReducer(state, { type: 'change', live: false, call: call(`c${i}`, 1, 'MISSED') });
    }
    expect(state.ended).toHaveLength(endedKept);
    expect(state.ended[0]?.id).toBe(`c${endedKept + 2}`);
  });
});

describe('liveFigures', () => {
  it('counts ringing and talking and measures the longest wait', () => {
    let state = liveBoardReducer(emptyBoard, { type: 'snapshot', calls: [
      call('a', 1, 'RINGING', '2026-01-01T10:00:00Z'),
      call('b', 1, 'RINGING', '2026-01-01T10:00:30Z'),
      call('c', 1, 'ANSWERED'),
    ] });
    expect(liveFigures(state, Date.parse('2026-01-01T10:01:00Z'))).toEqual({ ringing: 2, talking: 1, longestWaitSeconds: 60 });
    state = liveBoardReducer(state, { type: 'snapshot', calls: [] });
    expect(liveFigures(state, 0)).toEqual({ ringing: 0, talking: 0, longestWaitSeconds: null });
  });
});

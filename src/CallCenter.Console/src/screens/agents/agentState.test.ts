import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../live/liveBoardState';
import { agentLiveState } from './agentState';

const agent = { id: 'a1', extension: '1001', active: true };

function call(status: 'RINGING' | 'ANSWERED', owner: { id?: string; extension: string }, onHold = false): LiveCall {
  return {
    id: Math.random().toString(), direction: 'INBOUND', status, isLive: true, callerNumber: '998901112233', callerName: null, dialedNumber: owner.extension,
    agentExtension: owner.extension, startedAt: '2026-02-01T08:00:00Z', answeredAt: null, endedAt: null, ringSeconds: null, talkSeconds: null,
    holdCount: 0, transferCount: 0, version: 1, agent: owner.id ? { id: owner.id, name: 'x', extension: owner.extension } : null, contact: null, legs: [{ id: 'l', onHold }],
  };
}

describe('agentLiveState', () => {
  it('is idle or inactive without a live call', () => {
    expect(agentLiveState(agent, [])).toEqual({ kind: 'idle', label: 'No call', calls: 0 });
    expect(agentLiveState({ ...agent, active: false }, []).kind).toBe('inactive');
  });

  it('matches calls by agent id, else by extension, and ranks talking over hold over ringing', () => {
    expect(agentLiveState(agent, [call('RINGING', { extension: '1001' })]).kind).toBe('ringing');
    expect(agentLiveState(agent, [call('RINGING', { id: 'other', extension: '1001' })]).kind).toBe('idle');
    expect(agentLiveState(agent, [call('RINGING', { id: 'a1', extension: '1001' }), call('ANSWERED', { id: 'a1', extension: '1001' }, true)]))
      .toEqual({ kind: 'hold', label: 'On hold', calls: 2 });
    expect(agentLiveState(agent, [call('ANSWERED', { id: 'a1', extension: '1001' }, true), call('ANSWERED', { id: 'a1', extension: '1001' })]).kind).toBe('talking');
  });
});

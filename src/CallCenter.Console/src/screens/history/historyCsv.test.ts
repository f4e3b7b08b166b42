import { describe, expect, it } from 'vitest';
import { callsToCsv, csvField } from './historyCsv';

describe('csvField', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, Ann')).toBe('"Smith, Ann"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('callsToCsv', () => {
  it('writes a header and one line per call', () => {
    const csv = callsToCsv([{
      id: 'c1', direction: 'INBOUND', status: 'COMPLETED', callerNumber: '5550100', callerName: 'Ann, Smith', dialedNumber: '100',
      agentExtension: '201', startedAt: '2026-01-01T10:00:00Z', answeredAt: '2026-01-01T10:00:05Z', endedAt: '2026-01-01T10:01:05Z',
      ringSeconds: 5, talkSeconds: 60, durationSeconds: 65, hangupBy: 'CALLER', hangupCauseText: 'Normal Clearing', version: 3,
      agent: { id: 'a', name: 'Bob', extension: '201' }, contact: null, recording: { id: 'r', available: true },
    }]);
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header?.split(',')).toHaveLength(19);
    expect(line).toBe('c1,2026-01-01T10:00:00Z,2026-01-01T10:00:05Z,2026-01-01T10:01:05Z,INBOUND,COMPLETED,5550100,"Ann, Smith",100,201,Bob,,,5,60,65,CALLER,Normal Clearing,yes');
  });
});

import { describe, expect, it } from 'vitest';
import { callBackNumber, normalizeExtension, normalizeNumber } from './dialing';

describe('normalizeNumber', () => {
  it('keeps digits and a leading plus', () => {
    expect(normalizeNumber(' +998 (90) 123-45-67 ')).toBe('+998901234567');
    expect(normalizeNumber('5551234')).toBe('5551234');
  });
  it('refuses what is not a number', () => {
    expect(normalizeNumber('')).toBeNull();
    expect(normalizeNumber('12a4')).toBeNull();
    expect(normalizeNumber('1001&PJSIP/x')).toBeNull();
    expect(normalizeNumber('99+1')).toBeNull();
  });
});

describe('normalizeExtension', () => {
  it('takes digits only', () => {
    expect(normalizeExtension(' 1001 ')).toBe('1001');
    expect(normalizeExtension('10 01')).toBeNull();
    expect(normalizeExtension('')).toBeNull();
  });
});

describe('callBackNumber', () => {
  it('calls back the customer of a missed inbound call', () => {
    expect(callBackNumber({ direction: 'INBOUND', status: 'MISSED', callerNumber: '998901112233', dialedNumber: '5550100' })).toBe('998901112233');
  });
  it('calls again the number an unanswered outbound call tried', () => {
    expect(callBackNumber({ direction: 'OUTBOUND', status: 'BUSY', callerNumber: '1001', dialedNumber: '5553001' })).toBe('5553001');
    expect(callBackNumber({ direction: 'OUTBOUND', status: 'NO_ANSWER', callerNumber: '1001', dialedNumber: '5552001' })).toBe('5552001');
  });
  it('offers nothing for answered, live or internal calls, or without a number', () => {
    expect(callBackNumber({ direction: 'INBOUND', status: 'COMPLETED', callerNumber: '998901112233' })).toBeNull();
    expect(callBackNumber({ direction: 'INBOUND', status: 'RINGING', callerNumber: '998901112233' })).toBeNull();
    expect(callBackNumber({ direction: 'INTERNAL', status: 'MISSED', callerNumber: '1001', dialedNumber: '1002' })).toBeNull();
    expect(callBackNumber({ direction: 'INBOUND', status: 'MISSED', callerNumber: null })).toBeNull();
    expect(callBackNumber({ direction: 'INBOUND', status: 'MISSED', callerNumber: 'anonymous' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseTestCallInput } from './testCallInput';

describe('parseTestCallInput', () => {
  it('takes an outside caller number and the main line by default', () => {
    expect(parseTestCallInput(' +998 90 555-04-01 ', '')).toEqual({ ok: true, from: '+998905550401', to: null });
  });
  it('takes a number to ring', () => {
    expect(parseTestCallInput('998905550401', '2002')).toEqual({ ok: true, from: '998905550401', to: '2002' });
  });
  it('refuses a caller that would pass for an extension, or no number at all', () => {
    expect(parseTestCallInput('1001', '').ok).toBe(false);
    expect(parseTestCallInput('abc', '').ok).toBe(false);
    expect(parseTestCallInput('123456789012345678901', '').ok).toBe(false);
  });
  it('refuses a number to ring that is not a number', () => {
    expect(parseTestCallInput('998905550401', '20&02').ok).toBe(false);
  });
});

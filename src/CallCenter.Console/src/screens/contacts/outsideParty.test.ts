import { describe, expect, it } from 'vitest';
import { outsideParty, saveContactLink } from './outsideParty';

describe('outsideParty', () => {
  it('is the caller inbound, the dialled number outbound, nobody internal', () => {
    expect(outsideParty({ direction: 'INBOUND', callerNumber: '998901112233', callerName: 'Ali', dialedNumber: '1001' })).toEqual({ number: '998901112233', name: 'Ali' });
    expect(outsideParty({ direction: 'INBOUND', callerNumber: '998901112233', callerName: '998901112233' })?.name).toBeNull();
    expect(outsideParty({ direction: 'OUTBOUND', callerNumber: '1001', dialedNumber: '998935550000' })).toEqual({ number: '998935550000', name: null });
    expect(outsideParty({ direction: 'INTERNAL', callerNumber: '1001', dialedNumber: '1002' })).toBeNull();
    expect(outsideParty({ direction: 'INBOUND', callerNumber: null })).toBeNull();
  });

  it('links to a filled create form that knows the call', () => {
    expect(saveContactLink({ number: '+998 90 111', name: 'Ali & Co' }, 'c1')).toBe('/contacts?new=%2B998+90+111&call=c1&name=Ali+%26+Co');
  });
});

import type { CallDirection } from '../../gql/graphql';

export interface OutsideParty {
  number: string;
  name: string | null;
}

interface CallLike {
  direction: CallDirection;
  callerNumber?: string | null;
  callerName?: string | null;
  dialedNumber?: string | null;
}

/** The customer's side of a call: the caller of an inbound call, the dialled number of an outbound one; internal calls have none. */
export function outsideParty(call: CallLike): OutsideParty | null {
  if (call.direction === 'INBOUND' && call.callerNumber) {
    return { number: call.callerNumber, name: call.callerName && call.callerName !== call.callerNumber ? call.callerName : null };
  }
  if (call.direction === 'OUTBOUND' && call.dialedNumber) return { number: call.dialedNumber, name: null };
  return null;
}

/** The contacts screen's create form, filled with the party (and a way back to the call). */
export function saveContactLink(party: OutsideParty, callId: string): string {
  const params = new URLSearchParams({ new: party.number, call: callId });
  if (party.name) params.set('name', party.name);
  return `/contacts?${params.toString()}`;
}

import type { CallDirection, CallStatus } from '../../gql/graphql';

/** Ways people write numbers ("+998 (90) 123-45-67") reduced to what the PBX dials, or null when it is not a number. */
export function normalizeNumber(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().\-/]/g, '');
  return /^\+?[0-9]{1,32}$/.test(compact) ? compact : null;
}

/** An extension: digits only. */
export function normalizeExtension(raw: string): string | null {
  const trimmed = raw.trim();
  return /^[0-9]{1,10}$/.test(trimmed) ? trimmed : null;
}

interface CallBackSource {
  direction: CallDirection;
  status: CallStatus;
  callerNumber?: string | null;
  dialedNumber?: string | null;
}

const unanswered: ReadonlySet<CallStatus> = new Set<CallStatus>(['MISSED', 'BUSY', 'FAILED', 'NO_ANSWER']);

/**
 * Whom to call back after a call nobody answered: the customer who called in, or the number an agent tried to reach.
 * Null for answered or live calls and for internal ones (a colleague is called from the phone).
 */
export function callBackNumber(call: CallBackSource): string | null {
  if (!unanswered.has(call.status)) return null;
  const number = call.direction === 'INBOUND' ? call.callerNumber : call.direction === 'OUTBOUND' ? call.dialedNumber : null;
  return number ? normalizeNumber(number) : null;
}

import { normalizeNumber } from '../dial/dialing';

export type TestCallInput = { ok: true; from: string; to: string | null } | { ok: false; reason: string };

/**
 * The caller must look like a customer (6+ digits: anything shorter passes for an extension); an empty "number to
 * ring" means the main line, which the API knows.
 */
export function parseTestCallInput(from: string, to: string): TestCallInput {
  const caller = normalizeNumber(from);
  if (caller === null || caller.replace('+', '').length < 6 || caller.replace('+', '').length > 20) {
    return { ok: false, reason: 'The caller number must be an outside number: 6 to 20 digits, optionally with a leading +.' };
  }
  if (to.trim() === '') return { ok: true, from: caller, to: null };
  const dialed = normalizeNumber(to);
  if (dialed === null) return { ok: false, reason: 'The number to ring must be digits, optionally with a leading +.' };
  return { ok: true, from: caller, to: dialed };
}

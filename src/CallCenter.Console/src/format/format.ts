import type { CallDirection, CallStatus, HangupSide } from '../gql/graphql';

/** 75 -> "1:15", 3725 -> "1:02:05"; null or negative -> "–". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Seconds from an ISO time to now (never negative, so a slightly fast server clock shows 0:00). */
export function secondsSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 1000);
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'medium' });
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '–';
  return `${Math.round(ratio * 100)}%`;
}

export const statusLabels: Record<CallStatus, string> = {
  RINGING: 'Ringing',
  ANSWERED: 'Talking',
  COMPLETED: 'Completed',
  MISSED: 'Missed',
  BUSY: 'Busy',
  FAILED: 'Failed',
  NO_ANSWER: 'No answer',
};

export const directionLabels: Record<CallDirection, string> = {
  INBOUND: 'Inbound',
  OUTBOUND: 'Outbound',
  INTERNAL: 'Internal',
};

export const hangupSideLabels: Record<HangupSide, string> = {
  CALLER: 'the caller',
  CALLEE: 'the callee',
  SYSTEM: 'the system',
};

/** "Ann Smith (Acme)" from a contact, else the caller's name, else the number. */
export function partyLabel(number: string | null | undefined, name: string | null | undefined): string {
  if (name && number) return `${name} · ${number}`;
  return name ?? number ?? 'unknown';
}

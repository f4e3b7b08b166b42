import type { HistoryCallFieldsFragment } from '../../gql/graphql';

const columns: ReadonlyArray<[string, (call: HistoryCallFieldsFragment) => string | number | null | undefined]> = [
  ['id', (c) => c.id],
  ['started_at', (c) => c.startedAt],
  ['answered_at', (c) => c.answeredAt],
  ['ended_at', (c) => c.endedAt],
  ['direction', (c) => c.direction],
  ['status', (c) => c.status],
  ['caller_number', (c) => c.callerNumber],
  ['caller_name', (c) => c.callerName],
  ['dialed_number', (c) => c.dialedNumber],
  ['agent_extension', (c) => c.agentExtension],
  ['agent_name', (c) => c.agent?.name],
  ['contact_name', (c) => c.contact?.name],
  ['contact_company', (c) => c.contact?.company],
  ['ring_seconds', (c) => c.ringSeconds],
  ['talk_seconds', (c) => c.talkSeconds],
  ['duration_seconds', (c) => c.durationSeconds],
  ['hangup_by', (c) => c.hangupBy],
  ['hangup_cause', (c) => c.hangupCauseText],
  ['has_recording', (c) => (c.recording?.available ? 'yes' : 'no')],
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function callsToCsv(calls: readonly HistoryCallFieldsFragment[]): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const call of calls) lines.push(columns.map(([, get]) => csvField(get(call))).join(','));
  return lines.join('\r\n') + '\r\n';
}

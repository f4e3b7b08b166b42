import { Link } from 'react-router';
import { DirectionLabel, StatusBadge } from '../../components/StatusBadge';
import { formatDuration, formatTime, secondsSince } from '../../format/format';
import { SaveContactLink } from '../contacts/SaveContactLink';
import { CallControls } from '../control/CallControls';
import { ClickToCallButton } from '../dial/ClickToCallButton';
import { callBackNumber } from '../dial/dialing';
import type { LiveCall } from './liveBoardState';

interface Props {
  call: LiveCall;
  now: number;
  longWaitSeconds: number;
  controls: boolean;
}

function timerSeconds(call: LiveCall, now: number): number | null {
  if (call.endedAt) return call.talkSeconds ?? call.ringSeconds ?? null;
  return secondsSince(call.answeredAt ?? call.startedAt, now);
}

export function LiveCallRow({ call, now, longWaitSeconds, controls }: Props) {
  const longWait = call.status === 'RINGING' && secondsSince(call.startedAt, now) >= longWaitSeconds;
  const contact = call.contact;
  const callBack = controls ? null : callBackNumber(call);
  return (
    <tr className={longWait ? 'long-wait' : undefined} data-testid="live-call" data-call-id={call.id} data-status={call.status}>
      <td>
        <StatusBadge status={call.status} />{longWait && <span className="badge long-wait-badge">Long wait</span>}
        {call.transferCount > 0 && <span className="badge status-hold" data-testid="transferred">Transferred{call.transferCount > 1 ? ` ×${call.transferCount}` : ''}</span>}
      </td>
      <td className="timer" aria-label={call.answeredAt ? 'Talking for' : 'Waiting for'}>{formatDuration(timerSeconds(call, now))}</td>
      <td>
        <Link to={`/calls/${encodeURIComponent(call.id)}`}>{call.callerName ?? call.callerNumber ?? 'unknown'}</Link>
        {call.callerName && call.callerNumber && call.callerName !== call.callerNumber && <div className="muted">{call.callerNumber}</div>}
      </td>
      <td>{contact ? <>{contact.name ?? contact.phoneNumber}{contact.company && <div className="muted">{contact.company}</div>}</> : <><span className="muted">–</span> <SaveContactLink call={call} /></>}</td>
      <td>{call.agent ? `${call.agent.name} (${call.agent.extension})` : call.agentExtension ?? <span className="muted">–</span>}</td>
      <td><DirectionLabel direction={call.direction} /><div className="muted">to {call.dialedNumber ?? '–'}</div></td>
      <td>{formatTime(call.startedAt)}</td>
      {controls
        ? <td>{call.isLive && <CallControls call={call} />}</td>
        : <td>{callBack && <ClickToCallButton number={callBack} label="Call back" />}</td>}
    </tr>
  );
}

import { Link } from 'react-router';
import { DirectionLabel, StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatDuration } from '../../format/format';
import { ClickToCallButton } from '../dial/ClickToCallButton';
import { callBackNumber } from '../dial/dialing';
import type { HistoryCall } from './historyRows';

function callBackCell(call: HistoryCall) {
  const number = callBackNumber(call);
  return number ? <ClickToCallButton number={number} label="Call back" /> : null;
}

export function HistoryTable({ rows }: { rows: readonly HistoryCall[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="history-table">
        <caption className="visually-hidden">Calls</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Direction</th>
            <th scope="col">Caller</th>
            <th scope="col">Dialed</th>
            <th scope="col">Agent</th>
            <th scope="col">Contact</th>
            <th scope="col">Wait</th>
            <th scope="col">Talk</th>
            <th scope="col">Recording</th>
            <th scope="col">Call back</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((call) => (
            <tr key={call.id} data-testid="history-call" data-call-id={call.id} data-status={call.status}>
              <td><Link to={`/calls/${encodeURIComponent(call.id)}`}>{formatDateTime(call.startedAt)}</Link></td>
              <td><StatusBadge status={call.status} /></td>
              <td><DirectionLabel direction={call.direction} /></td>
              <td>{call.callerNumber ?? '–'}{call.callerName && <div className="muted">{call.callerName}</div>}</td>
              <td>{call.dialedNumber ?? '–'}</td>
              <td>{call.agent ? `${call.agent.name} (${call.agent.extension})` : call.agentExtension ?? '–'}</td>
              <td>{call.contact ? <>{call.contact.name ?? '–'}{call.contact.company && <div className="muted">{call.contact.company}</div>}</> : '–'}</td>
              <td>{formatDuration(call.ringSeconds)}</td>
              <td>{formatDuration(call.talkSeconds)}</td>
              <td>{call.recording?.available ? 'Yes' : 'No'}</td>
              <td>{callBackCell(call)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

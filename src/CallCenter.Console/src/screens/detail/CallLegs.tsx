import type { CallDetailQuery } from '../../gql/graphql';
import { formatDuration, formatTime } from '../../format/format';

type Leg = NonNullable<CallDetailQuery['call']>['legs'][number];

export function CallLegs({ legs }: { legs: readonly Leg[] }) {
  if (legs.length === 0) return <p className="muted">No channel recorded.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="legs">
        <caption className="visually-hidden">Legs</caption>
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Number</th><th scope="col">Created</th><th scope="col">Answered</th>
            <th scope="col">Ended</th><th scope="col">Dial status</th><th scope="col">Hang-up cause</th><th scope="col">Hold</th></tr>
        </thead>
        <tbody>
          {legs.map((leg) => (
            <tr key={leg.id}>
              <td>{leg.channelName}{leg.onHold && <span className="badge status-hold">On hold</span>}</td>
              <td>{leg.callerNumber ?? leg.dialedExtension ?? '–'}</td>
              <td>{formatTime(leg.createdAt)}</td>
              <td>{formatTime(leg.answeredAt)}</td>
              <td>{formatTime(leg.endedAt)}</td>
              <td>{leg.dialStatus ?? '–'}</td>
              <td>{leg.hangupCauseText ?? '–'}</td>
              <td>{leg.holdCount > 0 ? `${leg.holdCount}× ${formatDuration(leg.holdSeconds)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { CallDetailQuery } from '../../gql/graphql';
import { formatTime } from '../../format/format';

type Event = NonNullable<CallDetailQuery['call']>['events'][number];

export function CallTimeline({ events }: { events: readonly Event[] }) {
  if (events.length === 0) return <p className="muted">No event recorded.</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time> <strong>{e.type}</strong>
          {e.details && <code className="muted"> {e.details}</code>}
        </li>
      ))}
    </ol>
  );
}

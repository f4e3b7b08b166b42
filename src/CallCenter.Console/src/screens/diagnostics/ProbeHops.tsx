import type { ProbeFieldsFragment } from '../../gql/graphql';
import { StatusMark } from './StatusMark';

function elapsed(milliseconds: number | null | undefined): string {
  if (milliseconds === null || milliseconds === undefined) return '';
  return milliseconds < 1000 ? `+${Math.round(milliseconds)} ms` : `+${(milliseconds / 1000).toFixed(2)} s`;
}

/** The test call's hops in order, each with its time since the start, or where and why it stopped. */
export function ProbeHops({ probe }: { probe: ProbeFieldsFragment }) {
  return (
    <ol className="probe-hops" aria-label="Test call hops">
      {probe.hops.map((hop) => (
        <li key={hop.name} data-testid="probe-hop" data-status={hop.status}>
          <StatusMark status={hop.status} />
          <span className="hop-name">{hop.name}</span>
          <span className="hop-time">{elapsed(hop.elapsedMilliseconds)}</span>
          {hop.evidence && <p className="muted">{hop.evidence}</p>}
          {hop.fix && <p className="check-fix"><strong>What it needs: </strong>{hop.fix}</p>}
        </li>
      ))}
    </ol>
  );
}

import type { CallDirection, CallStatus } from '../gql/graphql';
import { directionLabels, statusLabels } from '../format/format';

/** Status as colour and text, never colour alone. */
export function StatusBadge({ status }: { status: CallStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`} data-status={status}>{statusLabels[status]}</span>;
}

const arrows: Record<CallDirection, string> = { INBOUND: '↙', OUTBOUND: '↗', INTERNAL: '↔' };

export function DirectionLabel({ direction }: { direction: CallDirection }) {
  return <span className="direction"><span aria-hidden="true">{arrows[direction]} </span>{directionLabels[direction]}</span>;
}

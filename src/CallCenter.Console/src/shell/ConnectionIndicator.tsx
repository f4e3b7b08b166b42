import { useConnectionStatus } from '../graphql/ApiProvider';
import type { SocketState } from '../graphql/connectionStatus';

const labels: Record<SocketState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

/** Colour and text: the state of the subscription socket that keeps the screens live. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span className={`connection connection-${status.state}`} role="status" aria-live="polite" data-testid="connection"
      data-state={status.state} title={status.lastError ?? undefined}>
      <span className="dot" aria-hidden="true" />
      {labels[status.state]}
    </span>
  );
}

// The subscription socket's state, shared by the indicator and the screens that resync after a reconnect.
export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionStatus {
  state: SocketState;
  /** Increments on every connection after the first: screens refetch their snapshot when it changes. */
  reconnects: number;
  lastError: string | null;
}

type Listener = (status: ConnectionStatus) => void;

export class ConnectionStatusStore {
  private status: ConnectionStatus = { state: 'connecting', reconnects: 0, lastError: null };
  private readonly listeners = new Set<Listener>();
  private everConnected = false;

  get current(): ConnectionStatus {
    return this.status;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  connected(): void {
    const reconnects = this.everConnected ? this.status.reconnects + 1 : this.status.reconnects;
    this.everConnected = true;
    this.set({ state: 'connected', reconnects, lastError: null });
  }

  lost(reason: string | null): void {
    this.set({ ...this.status, state: this.everConnected ? 'reconnecting' : 'connecting', lastError: reason });
  }

  closed(reason: string): void {
    this.set({ ...this.status, state: 'closed', lastError: reason });
  }

  private set(next: ConnectionStatus): void {
    this.status = next;
    for (const listener of this.listeners) listener(next);
  }
}

import { describe, expect, it } from 'vitest';
import { ConnectionStatusStore } from './connectionStatus';

describe('ConnectionStatusStore', () => {
  it('counts reconnects only after the first connection', () => {
    const store = new ConnectionStatusStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(`${s.state}:${s.reconnects}`));
    store.lost('refused');
    store.connected();
    store.lost('closed 1001');
    store.connected();
    expect(seen).toEqual(['connecting:0', 'connected:0', 'reconnecting:0', 'connected:1']);
    expect(store.current.lastError).toBeNull();
  });

  it('keeps the reason when closed for good', () => {
    const store = new ConnectionStatusStore();
    store.closed('token refused');
    expect(store.current).toEqual({ state: 'closed', reconnects: 0, lastError: 'token refused' });
  });
});

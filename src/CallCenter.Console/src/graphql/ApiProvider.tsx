import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useAuth, useSession } from '../auth/AuthContext';
import { createApiClient } from './client';
import { ConnectionStatusStore, type ConnectionStatus } from './connectionStatus';

const StatusContext = createContext<ConnectionStatusStore | null>(null);

/** One urql client and one socket per token; both are dropped on sign-out. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const { signOut } = useAuth();
  const status = useMemo(() => new ConnectionStatusStore(), [session.token]);
  const api = useMemo(() => createApiClient(session.token, status, signOut), [session.token, status, signOut]);
  useEffect(() => () => void api.socket.dispose(), [api]);
  return (
    <StatusContext.Provider value={status}>
      <Provider value={api.client}>{children}</Provider>
    </StatusContext.Provider>
  );
}

export function useConnectionStatus(): ConnectionStatus {
  const store = useContext(StatusContext);
  if (store === null) throw new Error('useConnectionStatus outside ApiProvider');
  return useSyncExternalStore(store.subscribe, () => store.current);
}

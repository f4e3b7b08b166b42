import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { parseToken, type Session } from './token';
import { loadStoredToken, storeToken, takeTokenFromUrl } from './tokenStore';

interface AuthState {
  session: Session | null;
  /** Why the user was signed out (shown on the sign-in screen). */
  reason: string | null;
  signIn: (token: string) => string | null;
  signOut: (reason?: string) => void;
}

const AuthContext = createContext<AuthState | null>(null);

function initialState(): { session: Session | null; reason: string | null } {
  const raw = takeTokenFromUrl() ?? loadStoredToken();
  if (raw === null) return { session: null, reason: null };
  const result = parseToken(raw);
  if (result.ok) {
    storeToken(result.session.token);
    return { session: result.session, reason: null };
  }
  storeToken(null);
  return { session: null, reason: result.reason };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(initialState);

  const signIn = useCallback((token: string) => {
    const result = parseToken(token);
    if (!result.ok) return result.reason;
    storeToken(result.session.token);
    setState({ session: result.session, reason: null });
    return null;
  }, []);

  const signOut = useCallback((reason?: string) => {
    storeToken(null);
    setState({ session: null, reason: reason ?? null });
  }, []);

  // Sign out when the token expires, with the reason, rather than letting requests fail one by one.
  const expiresAt = state.session?.expiresAt ?? null;
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = window.setTimeout(() => signOut('Your token expired. Sign in again.'), Math.max(0, expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [expiresAt, signOut]);

  const value = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in session; only for components rendered behind the sign-in gate. */
export function useSession(): Session {
  const { session } = useAuth();
  if (session === null) throw new Error('useSession without a session');
  return session;
}

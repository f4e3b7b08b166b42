import { useCallback, useSyncExternalStore } from 'react';

// A supervisor's own phone for click-to-call (agents always call from theirs, which the API knows). Kept in
// localStorage, so it is asked once per browser.
const key = 'callcenter.originExtension';
const listeners = new Set<() => void>();

function read(): string | null {
  return localStorage.getItem(key);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOriginExtension(): [string | null, (extension: string | null) => void] {
  const extension = useSyncExternalStore(subscribe, read);
  const set = useCallback((value: string | null) => {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    for (const listener of listeners) listener();
  }, []);
  return [extension, set];
}

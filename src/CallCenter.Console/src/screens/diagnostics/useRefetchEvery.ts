import { useEffect } from 'react';

/** Calls `refetch` every `milliseconds` while `active` (the screen's live refresh). */
export function useRefetchEvery(refetch: () => void, milliseconds: number, active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(refetch, milliseconds);
    return () => window.clearInterval(timer);
  }, [refetch, milliseconds, active]);
}

import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">Loading {what}…</p>;
}

export function ErrorMessage({ children }: { children: ReactNode }) {
  return <p className="error" role="alert">{children}</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}

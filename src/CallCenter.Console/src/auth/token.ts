// Reads the claims the console needs from a JWT (the API checks the signature; the console only decides what to show).
export type Role = 'agent' | 'supervisor' | 'admin';

export interface Session {
  token: string;
  subject: string;
  name: string;
  roles: Role[];
  agentId: string | null;
  /** Expiry in milliseconds since the epoch, or null when the token has none. */
  expiresAt: number | null;
}

export type TokenResult = { ok: true; session: Session } | { ok: false; reason: string };

const knownRoles: readonly Role[] = ['agent', 'supervisor', 'admin'];

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function parseToken(raw: string, now: number = Date.now()): TokenResult {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0 && p !== parts[2])) {
    return { ok: false, reason: 'That is not a JWT (expected three dot-separated parts).' };
  }
  let payload: Record<string, unknown>;
  try {
    const decoded = decodeSegment(parts[1] ?? '');
    if (typeof decoded !== 'object' || decoded === null) throw new Error('not an object');
    payload = decoded as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'The token payload could not be read.' };
  }
  const roles = claimValues(payload['role']).filter((r): r is Role => (knownRoles as readonly string[]).includes(r));
  if (roles.length === 0) {
    return { ok: false, reason: 'The token carries no agent, supervisor or admin role.' };
  }
  const exp = typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : null;
  if (exp !== null && exp <= now) {
    return { ok: false, reason: 'The token has expired.' };
  }
  const subject = typeof payload['sub'] === 'string' ? payload['sub'] : '';
  const name = typeof payload['name'] === 'string' ? payload['name'] : subject;
  const agentId = typeof payload['agent_id'] === 'string' ? payload['agent_id'] : null;
  return { ok: true, session: { token, subject, name, roles, agentId, expiresAt: exp } };
}

export function isSupervisor(session: Session): boolean {
  return session.roles.includes('supervisor') || session.roles.includes('admin');
}

export function isAdmin(session: Session): boolean {
  return session.roles.includes('admin');
}

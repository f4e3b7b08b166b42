import { describe, expect, it } from 'vitest';
import { isAdmin, isSupervisor, parseToken } from './token';

function jwt(payload: object): string {
  const encode = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`;
}

describe('parseToken', () => {
  it('reads roles, subject, agent id and expiry', () => {
    const result = parseToken(jwt({ sub: 'ann', role: ['agent'], agent_id: 'a-1', exp: 2_000_000_000 }), 0);
    expect(result).toEqual({
      ok: true,
      session: { token: expect.any(String), subject: 'ann', name: 'ann', roles: ['agent'], agentId: 'a-1', expiresAt: 2_000_000_000_000 },
    });
  });

  it('accepts a pasted "Bearer " prefix and a single role string', () => {
    const result = parseToken(`Bearer ${jwt({ sub: 'sue', role: 'supervisor' })}`);
    expect(result.ok && isSupervisor(result.session) && !isAdmin(result.session)).toBe(true);
  });

  it('says why a token is refused', () => {
    expect(parseToken('abc')).toEqual({ ok: false, reason: expect.stringContaining('not a JWT') });
    expect(parseToken(jwt({ sub: 'x', role: 'guest' }))).toEqual({ ok: false, reason: expect.stringContaining('no agent') });
    expect(parseToken(jwt({ sub: 'x', role: 'admin', exp: 10 }), 20_000)).toEqual({ ok: false, reason: 'The token has expired.' });
  });

  it('treats admin as a supervisor', () => {
    const result = parseToken(jwt({ sub: 'root', role: 'admin' }));
    expect(result.ok && isSupervisor(result.session) && isAdmin(result.session)).toBe(true);
  });
});

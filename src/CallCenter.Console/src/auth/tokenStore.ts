// Where the token lives between page loads: sessionStorage, so a closed tab forgets it.
const key = 'callcenter.token';

export function loadStoredToken(): string | null {
  return sessionStorage.getItem(key);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, token);
}

/** Takes a `?token=` from the address (the AppHost's one-click link) and removes it from the visible URL. */
export function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return token;
}

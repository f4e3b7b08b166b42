// What the link asked for: #token=…&query=… (a query to open, e.g. from documentation).
const fromLink = new URLSearchParams(window.location.hash.slice(1));

export function initialQuery() {
  return fromLink.get('query') ?? undefined;
}

// The bearer token GraphiQL sends: from the page's #token=… (the AppHost's IDE link carries the development token
// there; a fragment never reaches a server or a log), else the one entered before (this browser's localStorage).
const storageKey = 'callcenter.graphiql.token';

export function initialToken() {
  const token = fromLink.get('token');
  if (token) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    saveToken(token);
    return token;
  }
  return window.localStorage.getItem(storageKey) ?? '';
}

export function saveToken(token) {
  if (token) window.localStorage.setItem(storageKey, token);
  else window.localStorage.removeItem(storageKey);
}

import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './app.css';
import { initialQuery, initialToken, saveToken } from './token.js';

// The page is served at the GraphQL endpoint itself: queries and mutations go there over HTTP, subscriptions over
// graphql-transport-ws at the same path.
const url = window.location.origin + window.location.pathname;
const subscriptionUrl = url.replace(/^http/, 'ws');

function App() {
  const [token, setToken] = useState(initialToken);
  const [query] = useState(initialQuery);
  const fetcher = useMemo(() => {
    const authorization = token ? `Bearer ${token}` : undefined;
    return createGraphiQLFetcher({
      url,
      subscriptionUrl,
      headers: authorization ? { Authorization: authorization } : {},
      wsConnectionParams: authorization ? { authorization } : {},
    });
  }, [token]);

  return (
    <div className="callcenter-graphiql">
      <header>
        <strong>CallCenter GraphQL</strong>
        <label>
          Bearer token
          <input
            name="token"
            type="password"
            autoComplete="off"
            placeholder="paste a JWT (the AppHost prints a development token)"
            value={token}
            onChange={(event) => { setToken(event.target.value.trim()); saveToken(event.target.value.trim()); }}
          />
        </label>
      </header>
      <GraphiQL key={token} fetcher={fetcher} query={query} defaultQuery={'{\n  calls(first: 5) {\n    totalCount\n    nodes { id status callerNumber startedAt }\n  }\n}\n'} />
    </div>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);

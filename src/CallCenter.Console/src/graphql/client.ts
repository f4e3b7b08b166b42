import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { ConnectionStatusStore } from './connectionStatus';

export interface ApiClient {
  client: Client;
  socket: WsClient;
}

/** Close codes after which retrying with the same token is pointless (see the API README). */
const authCloseCodes = new Set([4401, 4403]);

function socketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createApiClient(token: string, status: ConnectionStatusStore, onAuthFailure: (reason: string) => void): ApiClient {
  const socket = createWsClient({
    url: socketUrl(),
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Back off up to 5 s between attempts, so a restarted API is picked up quickly.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 500 * 2 ** retries))),
    shouldRetry: (event) => !(event instanceof CloseEvent && authCloseCodes.has(event.code)),
    on: {
      connected: () => status.connected(),
      closed: (event) => {
        if (event instanceof CloseEvent && authCloseCodes.has(event.code)) {
          status.closed('The server refused the token.');
          onAuthFailure(event.code === 4403 ? 'Your token was refused or has expired. Sign in again.' : 'The server did not accept the sign-in.');
          return;
        }
        status.lost(event instanceof CloseEvent ? `socket closed (${event.code})` : 'socket closed');
      },
      error: () => status.lost('cannot reach the API'),
    },
  });

  const client = new Client({
    url: '/graphql',
    // The API refuses GET without a preflight header; POST keeps every operation the same.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError: (error) => {
          const response = error.response as Response | undefined;
          if (response?.status === 401) onAuthFailure('The API refused the token (401). Sign in again.');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });

  return { client, socket };
}

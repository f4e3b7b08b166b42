// Subscribes with the real graphql-ws client (the one browsers and Node apps use) and prints one JSON line per
// event: {"event":"connected"}, {"event":"next","payload":...}, {"event":"error",...}, {"event":"closed","code":...}.
// Usage: node graphql-ws-client.cjs <ws-url> <token|-> <query> <messagesBeforeComplete> [variablesJson]
// NODE_PATH must point at the node_modules folder that holds graphql-ws and ws (.tools/node_modules).
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const [url, token, query, countText, variablesText] = process.argv.slice(2);
const wanted = Number(countText);
const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: token === '-' ? {} : { authorization: `Bearer ${token}` },
  on: {
    connected: () => print({ event: 'connected' }),
    closed: (event) => print({ event: 'closed', code: event.code, reason: event.reason }),
  },
  onNonLazyError: (error) => print({ event: 'error', code: error && error.code, message: String(error && (error.reason || error.message || error)) }),
});

let received = 0;
const unsubscribe = client.subscribe(
  { query, variables: variablesText ? JSON.parse(variablesText) : undefined },
  {
    next: (payload) => {
      print({ event: 'next', payload });
      received += 1;
      if (received >= wanted) {
        // Completing from the client side: graphql-ws sends "complete"; then the client is disposed (close 1000).
        unsubscribe();
        print({ event: 'completed-by-client' });
        setTimeout(() => client.dispose(), 100);
      }
    },
    error: (error) => {
      print({ event: 'error', code: error && error.code, message: String(error && (error.reason || error.message || JSON.stringify(error))) });
      client.dispose();
    },
    complete: () => print({ event: 'complete' }),
  },
);
setTimeout(() => { print({ event: 'timeout' }); process.exit(2); }, 20000);
client.on('closed', () => setTimeout(() => process.exit(0), 50));

// Apollo Client (npm @apollo/client) as a frontend uses it: an HTTP link for queries and a graphql-ws link for
// subscriptions. Runs the query, prints {"event":"query","data":…}, subscribes and prints {"event":"next","data":…}
// for each change until it has <changes> of them, then {"event":"done"}.
// Usage: node apollo-client.cjs <graphql-url> <ws-url> <token> <changes>; NODE_PATH=.tools/node_modules.
const { ApolloClient, InMemoryCache, HttpLink, gql, split } = require('@apollo/client');
const { GraphQLWsLink } = require('@apollo/client/link/subscriptions');
const { getMainDefinition } = require('@apollo/client/utilities');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const [url, wsUrl, token, changesText] = process.argv.slice(2);
const wanted = Number(changesText);
const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');

const wsClient = createClient({
  url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0,
});
const link = split(
  ({ query }) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  },
  new GraphQLWsLink(wsClient),
  new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` } }),
);
const client = new ApolloClient({ link, cache: new InMemoryCache() });

(async () => {
  const result = await client.query({ query: gql`query Recent { calls(first: 1) { totalCount edges { node { id status } } } }` });
  print({ event: 'query', data: result.data, error: result.error ? String(result.error) : null });

  let received = 0;
  const subscription = client.subscribe({ query: gql`subscription Changes { callUpdated { id status version } }` }).subscribe({
    next: (value) => {
      print({ event: 'next', data: value.data, error: value.error ? String(value.error) : null });
      received += 1;
      if (received >= wanted) {
        subscription.unsubscribe();
        wsClient.dispose();
        print({ event: 'done' });
        setTimeout(() => process.exit(0), 50);
      }
    },
    error: (error) => { print({ event: 'error', message: String(error) }); process.exit(3); },
  });
  print({ event: 'subscribing' });
})().catch((error) => { process.stderr.write(String(error && error.stack || error) + '\n'); process.exit(1); });
setTimeout(() => { print({ event: 'timeout' }); process.exit(2); }, 60000);

// Runs the GraphQL-over-HTTP audit suite of the npm graphql-http package (serverAudits, the reference for the
// specification) against the API and prints one JSON line per audit: {"id":…,"name":"MUST …","status":"ok"|…,"reason":…}.
// Every request carries the bearer token, as any client of this API must.
// Usage: node graphql-http-audit.cjs <graphql-url> <token>; NODE_PATH=.tools/node_modules.
const { auditServer } = require('graphql-http');

const [url, token] = process.argv.slice(2);

const authorizedFetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

(async () => {
  const results = await auditServer({ url, fetchFn: authorizedFetch });
  for (const result of results) {
    process.stdout.write(JSON.stringify({
      id: result.id, name: result.name, status: result.status, reason: result.status === 'ok' ? null : result.reason,
    }) + '\n');
  }
})().catch((error) => { process.stderr.write(String(error && error.stack || error) + '\n'); process.exit(1); });

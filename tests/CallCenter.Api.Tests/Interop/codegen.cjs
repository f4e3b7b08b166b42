// Generates TypeScript types with graphql-codegen (typescript + typescript-operations) twice: from the running API's
// introspection (URL with a bearer token) and from the committed schema.graphql, and prints one JSON line per source:
// {"source":"url"|"file","files":{"types.ts":"…"}}.
// Usage: node codegen.cjs <graphql-url> <token> <schema.graphql> <operations.graphql>; run with the .tools folder as
// working directory so that graphql-codegen finds its plugins.
const { generate } = require('@graphql-codegen/cli');

const [url, token, schemaFile, documents] = process.argv.slice(2);

async function run(source, schema) {
  const outputs = await generate({
    schema,
    documents,
    silent: true,
    generates: { 'types.ts': { plugins: ['typescript', 'typescript-operations'] } },
  }, false);
  const files = Object.fromEntries(outputs.map((output) => [output.filename, output.content]));
  process.stdout.write(JSON.stringify({ source, files }) + '\n');
}

(async () => {
  await run('url', [{ [url]: { headers: { Authorization: `Bearer ${token}` } } }]);
  await run('file', schemaFile);
})().catch((error) => { process.stderr.write(String(error && error.stack || error) + '\n'); process.exit(1); });

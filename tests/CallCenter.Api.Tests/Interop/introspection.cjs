// Sends graphql-js's getIntrospectionQuery() with each option set that GraphiQL, Apollo and graphql-codegen use,
// builds a client schema from each answer (buildClientSchema) and compares it with the committed SDL, both sorted
// (lexicographicSortSchema) and printed by graphql-js. Prints one JSON line per option set:
// {"options":{...},"status":200,"errors":null,"matches":true,"diff":null}.
// Usage: node introspection.cjs <graphql-url> <token> <schema.graphql>; NODE_PATH=.tools/node_modules.
const fs = require('fs');
const {
  getIntrospectionQuery, buildClientSchema, buildSchema, printSchema, lexicographicSortSchema, introspectionFromSchema,
} = require('graphql');

const [url, token, sdlPath] = process.argv.slice(2);
const everything = {
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
};
const optionSets = [
  {},
  everything,
  ...Object.keys(everything).map((key) => ({ [key]: true })),
  { ...everything, descriptions: false },
];

const committed = buildSchema(fs.readFileSync(sdlPath, 'utf8'));

// What the committed SDL gives through an introspection with these options (they decide what is asked for); with
// every option it is the committed SDL itself.
function expectedFor(options) {
  if (options === everything) return printSchema(lexicographicSortSchema(committed));
  const asked = {
    descriptions: true, specifiedByUrl: false, directiveIsRepeatable: false, schemaDescription: false, inputValueDeprecation: false, ...options,
  };
  return printSchema(lexicographicSortSchema(buildClientSchema(introspectionFromSchema(committed, asked))));
}

function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return { line: i + 1, expected: a[i], actual: b[i] };
  }
  return null;
}

(async () => {
  for (const options of optionSets) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: getIntrospectionQuery(options), operationName: 'IntrospectionQuery' }),
    });
    const body = await response.json();
    const line = { options, status: response.status, errors: body.errors || null, matches: false, diff: null };
    if (!body.errors && body.data) {
      const actual = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
      const expected = expectedFor(options);
      line.matches = actual === expected;
      line.diff = line.matches ? null : firstDifference(expected, actual);
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
})().catch((error) => { process.stderr.write(String(error && error.stack || error) + '\n'); process.exit(1); });

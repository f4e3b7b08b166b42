import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the API's schema file (kept in sync with the server by the API tests).
// The output in src/gql is committed: `npm run codegen` after changing an operation or the schema.
const config: CodegenConfig = {
  schema: '../CallCenter.Api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeOffset: 'string', Long: 'number' },
        strictScalars: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;

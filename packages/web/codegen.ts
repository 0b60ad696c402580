import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types every operation in src from the committed schema.graphql (no running server needed). */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Money: 'string', SafeInt: 'number', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;

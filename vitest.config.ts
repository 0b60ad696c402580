import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * One run for every package. swc compiles TypeScript so legacy decorators
 * (type-graphql, MikroORM) behave as under tsc. Test files run in two
 * bounded forks, each against its own fresh database.
 */
// graphql 16 ships CJS (main) and ESM (module) builds. Node gives type-graphql the CJS one,
// so our inlined sources must get the same, or `instanceof GraphQLScalarType` fails.
const graphqlMain = createRequire(new URL('./packages/server/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/support/global-setup.ts'],
    setupFiles: ['packages/server/test/support/setup-env.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

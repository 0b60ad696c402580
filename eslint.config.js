// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Dependencies point one way (ARCHITECTURE.md): web -> domain; server, proxy -> db -> domain; server and proxy never import each other. */
const forbid = (...packages) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: packages.map((p) => ({
        group: [p, `${p}/*`],
        message: `${p} is not a dependency of this package (see ARCHITECTURE.md: one-way dependencies).`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/web/src/gql/**', '**/.tollgate/**', '**/bench/_before/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts', 'packages/web/test/*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Every switch over a union or enum names every member (or says why not with a default).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['packages/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid('@tollgate/db', '@tollgate/server', '@tollgate/proxy', '@mikro-orm/core', '@mikro-orm/postgresql'),
  },
  { files: ['packages/domain/**'], rules: forbid('@tollgate/db', '@tollgate/server', '@tollgate/proxy', '@tollgate/web') },
  { files: ['packages/db/**'], rules: forbid('@tollgate/server', '@tollgate/proxy', '@tollgate/web') },
  { files: ['packages/server/**'], rules: forbid('@tollgate/proxy', '@tollgate/web') },
  { files: ['packages/proxy/**'], rules: forbid('@tollgate/server', '@tollgate/web') },
  prettier,
);

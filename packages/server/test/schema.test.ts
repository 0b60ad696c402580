import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../src';

describe('schema.graphql', () => {
  it('is the schema the resolvers build (run `pnpm schema:emit` and commit when this fails)', async () => {
    const committed = await readFile(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });
});

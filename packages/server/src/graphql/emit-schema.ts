/** Writes schema.graphql at the repository root: `pnpm schema:emit`. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchemaFile } from './print-schema';

const target = resolve(import.meta.dirname, '../../../../schema.graphql');
await writeFile(target, await printSchemaFile());
console.log(`wrote ${target}`);

/**
 * Writes a migration for the difference between the entities and the last
 * snapshot, then registers it in migrations/index.ts.
 * Usage: DATABASE_URL=... pnpm migration:create (any empty scratch database works).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openOrm } from '../orm';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL must point at a scratch database');
const orm = await openOrm({ databaseUrl });
const result = await orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
const dir = fileURLToPath(new URL('../migrations', import.meta.url));
const names = (await readdir(dir))
  .filter((f) => /^Migration\d+.*\.ts$/.test(f))
  .sort()
  .map((f) => f.replace(/\.ts$/, ''));
await writeFile(
  `${dir}/index.ts`,
  `import type { MigrationObject } from '@mikro-orm/core';\n${names.map((n) => `import { ${n} } from './${n}';`).join('\n')}\n\n` +
    `/** Every migration, in order. \`pnpm migration:create\` appends new ones here. */\n` +
    `export const MIGRATIONS: MigrationObject[] = [\n${names.map((n) => `  { name: '${n}', class: ${n} },`).join('\n')}\n];\n`,
);
await orm.close();

import { seedDemo, type DemoCredentials, type MikroORM } from '@tollgate/db';
import type { Config } from '@tollgate/server';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const demoFile = (config: Config) => join(config.home, 'demo.json');

/** Seeds the demo once and keeps its generated sign-ins under TOLLGATE_HOME. */
export async function ensureDemo(config: Config, orm: MikroORM): Promise<DemoCredentials | null> {
  const created = await seedDemo(orm.em.fork());
  if (created) await writeFile(demoFile(config), JSON.stringify(created, null, 2), { mode: 0o600 });
  return readDemo(config);
}

export async function readDemo(config: Config): Promise<DemoCredentials | null> {
  return existsSync(demoFile(config)) ? (JSON.parse(await readFile(demoFile(config), 'utf8')) as DemoCredentials) : null;
}

export function demoSummary(config: Config, demo: DemoCredentials | null) {
  return {
    graphqlUrl: `${config.publicUrl}/graphql`,
    webUrl: config.publicUrl,
    organizationId: demo?.organizationId ?? null,
    users: demo?.users ?? [],
  };
}

import { seedDemo, type DemoCredentials, type MikroORM } from '@tollgate/db';
import type { Config } from '@tollgate/server';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const demoFile = (config: Config) => join(config.home, 'demo.json');

/** Where the proxy listens (PROXY_PORT, default 4100), as the start command prints it. */
export const proxyUrlOf = (proxyPort: number) => `http://localhost:${proxyPort}`;

/** Seeds the demo once and keeps its generated sign-ins under TOLLGATE_HOME. */
export async function ensureDemo(config: Config, orm: MikroORM): Promise<DemoCredentials | null> {
  const created = await seedDemo(orm.em.fork());
  if (created) await writeFile(demoFile(config), JSON.stringify(created, null, 2), { mode: 0o600 });
  return readDemo(config);
}

export async function readDemo(config: Config): Promise<DemoCredentials | null> {
  return existsSync(demoFile(config)) ? (JSON.parse(await readFile(demoFile(config), 'utf8')) as DemoCredentials) : null;
}

export function demoSummary(config: Config, demo: DemoCredentials | null, proxyUrl: string) {
  return {
    graphqlUrl: `${config.publicUrl}/graphql`,
    webUrl: config.publicUrl,
    /** OpenAI-compatible base URL: point an SDK's baseURL at it, with apiKey. */
    proxyUrl: `${proxyUrl}/v1`,
    apiKey: demo?.apiKey ?? null,
    organizationId: demo?.organizationId ?? null,
    users: demo?.users ?? [],
  };
}

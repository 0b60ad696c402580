import {
  dropDatabase,
  ensureDatabase,
  newCredentialKey,
  openOrm,
  Organization,
  OrganizationMember,
  Project,
  seedApiKey,
  seedMockCatalog,
  User,
  withDatabase,
  type MikroORM,
} from '@tollgate/db';
import { OrgRole } from '@tollgate/domain';
import { startMockUpstream } from '@tollgate/mock-upstream';
import OpenAI from 'openai';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createProxy, createProxyLogger, loadProxyConfig, type Proxy } from '../../src';

declare module 'vitest' {
  // Provided by the root global setup (packages/server/test/support/global-setup.ts).
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export interface ProxyWorld {
  orm: MikroORM;
  db: pg.Pool;
  databaseUrl: string;
  credentialKey: string;
  upstreamUrl: string;
  mock: Awaited<ReturnType<typeof startMockUpstream>>;
  organizationId: string;
  projectId: string;
  userId: string;
  /** A key allowed every mock model. */
  secret: string;
  keyId: string;
  /** Starts (another) proxy on this database; stopped after the file. */
  startProxy(env?: Record<string, string>): Promise<{ proxy: Proxy; url: string }>;
  openai(secret?: string, baseURL?: string): OpenAI;
  /** The request log, oldest first. */
  events(): Promise<Array<Record<string, any>>>;
}

/** A fresh database cloned from the migrated template, the mock upstream, the mock catalog, one organization, project, member and key. */
export async function startProxyWorld(mockOptions: Parameters<typeof startMockUpstream>[0] = {}): Promise<ProxyWorld> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = `tollgate_proxy_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await ensureDatabase(adminUrl, database, inject('templateDatabase'));
  const databaseUrl = withDatabase(adminUrl, database);
  const orm = await openOrm({ databaseUrl });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const mock = await startMockUpstream(mockOptions);
  const em = orm.em.fork();
  await seedMockCatalog(em, mock.url);
  const user = em.create(User, { email: `dev-${randomUUID()}@example.test`, name: 'Dev', passwordHash: 'unused' });
  const organization = em.create(Organization, { name: `org-${randomUUID().slice(0, 8)}`, displayName: 'Org', grantedGroups: ['general', 'embeddings'] });
  em.create(OrganizationMember, { organization, user, role: OrgRole.ADMIN });
  const project = em.create(Project, { organization, name: 'p' });
  await em.flush();
  const { key, secret } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: user.id });
  const credentialKey = newCredentialKey();
  const proxies: Proxy[] = [];

  afterAll(async () => {
    for (const proxy of proxies) await proxy.close().catch(() => undefined);
    await mock.close();
    await db.end();
    await orm.close();
    await dropDatabase(adminUrl, database);
  });

  return {
    orm,
    db,
    databaseUrl,
    credentialKey,
    upstreamUrl: mock.url,
    mock,
    organizationId: organization.id,
    projectId: project.id,
    userId: user.id,
    secret,
    keyId: key.id,
    async startProxy(env = {}) {
      const config = loadProxyConfig({
        DATABASE_URL: databaseUrl,
        CREDENTIAL_KEY: credentialKey,
        PROXY_PORT: '0',
        PROXY_HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ...env,
      });
      const proxy = await createProxy(config, createProxyLogger('silent'));
      proxies.push(proxy);
      return { proxy, url: await proxy.listen() };
    },
    openai: (apiKey = secret, baseURL = '') => new OpenAI({ apiKey, baseURL: `${baseURL}/v1`, maxRetries: 0, timeout: 10_000 }),
    events: async () => (await db.query('select * from request_logs order by time, id')).rows,
  };
}

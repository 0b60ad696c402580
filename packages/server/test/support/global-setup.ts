import { dropDatabase, ensureDatabase, migrate, openOrm, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from '@tollgate/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server behind
 * DATABASE_URL) and migrates a template database; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(await mkdtemp(join(tmpdir(), 'tollgate-test-')));
    adminUrl = embedded.adminUrl;
  }
  const template = `tollgate_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  const orm = await openOrm({ databaseUrl: withDatabase(adminUrl, template) });
  await migrate(orm);
  await orm.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(adminUrl, template);
    await embedded?.stop();
  };
}

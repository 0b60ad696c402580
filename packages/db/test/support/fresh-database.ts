import { dropDatabase, ensureDatabase, withDatabase } from '../../src';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';

declare module 'vitest' {
  // Provided by the root global setup (packages/server/test/support/global-setup.ts).
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/** A database cloned from the migrated template for this file, dropped after it. */
export async function freshDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `tollgate_db_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await ensureDatabase(adminUrl, name, inject('templateDatabase'));
  const url = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  afterAll(async () => {
    await pool.end();
    await dropDatabase(adminUrl, name);
  });
  return { url, pool };
}

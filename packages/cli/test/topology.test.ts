import { dropDatabase, ensureDatabase, withDatabase } from '@tollgate/db';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { killRunning } from '../src/topology/processes';
import { runTopology } from '../src/topology/run';

declare module 'vitest' {
  // Provided by the root global setup (packages/server/test/support/global-setup.ts).
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/*
 * Issue 19's topology, run for real and shorter than `pnpm topology`: two servers and two proxies
 * as processes on this file's fresh database and the run's Redis, about 25 calls a second for
 * 10 s plus the restart, proxy 1 SIGKILLed (holding a batch it read) and server 1 SIGTERMed
 * mid-run, both restarted. Every check the script prints must pass.
 */
// A run cut short by the timeout leaves its processes: none outlives the file.
afterAll(killRunning);

describe('the scale-out topology under load, a proxy killed and a server stopped mid-run', () => {
  it('records every answer once, keeps the ledger whole, stays within every limit and revokes on both proxies', async () => {
    const adminUrl = inject('adminDatabaseUrl');
    const database = `tollgate_topology_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await ensureDatabase(adminUrl, database, inject('templateDatabase'));
    try {
      const result = await runTopology({ databaseUrl: withDatabase(adminUrl, database), redisUrl: process.env.REDIS_URL, seconds: 10, rate: 25 });
      console.log([...result.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`), JSON.stringify(result.figures)].join('\n'));
      expect(result.checks.filter((c) => !c.ok)).toEqual([]);
      // Every limit of every scope was checked: 7 of the organization, 8 of the project, 3 of each of 3 keys.
      expect(result.checks.filter((c) => c.name.endsWith('not exceeded'))).toHaveLength(7 + 8 + 3 * 3);
    } finally {
      await dropDatabase(adminUrl, database);
    }
  }, 120_000);
});

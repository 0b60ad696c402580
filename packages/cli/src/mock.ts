import { seedMockCatalog, Upstream, type MikroORM } from '@tollgate/db';
import { startMockUpstream } from '@tollgate/mock-upstream';

/**
 * With no real upstream in the catalog, runs the mock upstream (MOCK_PORT,
 * default 4200) and points the catalog's "mock" upstream at it, so a bare
 * machine can make real calls through the proxy.
 */
export async function startMockUnlessConfigured(orm: MikroORM, log: (line: string) => void) {
  const em = orm.em.fork();
  if (await em.count(Upstream, { name: { $ne: 'mock' } })) return null;
  const mock = await startMockUpstream({ port: Number(process.env.MOCK_PORT ?? 4200) });
  await seedMockCatalog(em, mock.url);
  log(`mock upstream on ${mock.url}`);
  return mock;
}

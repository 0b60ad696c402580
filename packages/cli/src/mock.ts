import { CatalogModel, seedMockCatalog, Upstream, type MikroORM } from '@tollgate/db';
import { startMockUpstream, type MockUpstream } from '@tollgate/mock-upstream';

type EntityManager = MikroORM['em'];

/** The enabled catalog models served by upstream "mock", by name. */
async function modelsOnTheMock(em: EntityManager): Promise<string[]> {
  const models = await em.find(CatalogModel, { enabled: true, upstream: { name: 'mock' } }, { fields: ['name'], orderBy: { name: 'asc' } });
  return models.map((m) => m.name);
}

/**
 * Runs the mock upstream (MOCK_PORT, default 4200) whenever an enabled
 * catalog model routes to upstream "mock", whatever other upstreams the
 * catalog has, and points that upstream at it, so the demo's models keep
 * answering after an operator adds a real upstream. While the catalog has no
 * other upstream, the demo's mock models are seeded (once) as well.
 * Answers null, starting nothing, when no enabled model uses the mock.
 */
export async function startMockIfModelsRouteToIt(orm: MikroORM, log: (line: string) => void): Promise<{ mock: MockUpstream; models: string[] } | null> {
  const em = orm.em.fork();
  const demoOnly = !(await em.count(Upstream, { name: { $ne: 'mock' } }));
  if (!demoOnly && !(await modelsOnTheMock(em)).length) return null;
  const mock = await startMockUpstream({ port: Number(process.env.MOCK_PORT ?? 4200) });
  try {
    if (demoOnly) {
      await seedMockCatalog(em, mock.url);
    } else {
      // Its port may have changed since the last start: only the address, never the operator's models.
      const upstream = await em.findOneOrFail(Upstream, { name: 'mock' });
      upstream.baseUrl = mock.url;
      await em.flush();
    }
    const models = await modelsOnTheMock(em);
    if (!models.length) {
      await mock.close();
      return null;
    }
    log(`mock upstream on ${mock.url} for ${models.join(', ')}`);
    return { mock, models };
  } catch (error) {
    await mock.close();
    throw error;
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { API_KEY_RANDOM_LENGTH, apiKeyDisplay, formatApiKey } from '@tollgate/domain';
import { ApiKey, CatalogModel, Upstream } from '../entities';
import { randomBase62, sha256Hex } from '../security';

/** The mock upstream's models with believable prices (micro-units per million tokens). */
export const MOCK_MODELS = [
  {
    name: 'mock-small',
    inputPricePerMillion: 150_000n,
    cachedInputPricePerMillion: 75_000n,
    outputPricePerMillion: 600_000n,
    contextWindow: 128_000,
    defaultMaxOutputTokens: 4_096,
    groups: ['general'],
  },
  {
    name: 'mock-large',
    inputPricePerMillion: 2_500_000n,
    cachedInputPricePerMillion: 1_250_000n,
    outputPricePerMillion: 10_000_000n,
    contextWindow: 128_000,
    defaultMaxOutputTokens: 8_192,
    groups: ['general', 'premium'],
  },
  {
    name: 'mock-embed',
    inputPricePerMillion: 20_000n,
    cachedInputPricePerMillion: null,
    outputPricePerMillion: 0n,
    contextWindow: 8_192,
    defaultMaxOutputTokens: 1,
    groups: ['embeddings'],
  },
] as const;

/** Points upstream "mock" at `baseUrl` (it moves with the mock's port) and adds its models once. */
export async function seedMockCatalog(em: EntityManager, baseUrl: string): Promise<Upstream> {
  const upstream = (await em.findOne(Upstream, { name: 'mock' })) ?? em.create(Upstream, { name: 'mock', baseUrl });
  upstream.baseUrl = baseUrl;
  const existing = new Set((await em.find(CatalogModel, { name: { $in: MOCK_MODELS.map((m) => m.name) } })).map((m) => m.name));
  for (const model of MOCK_MODELS) {
    if (!existing.has(model.name)) em.create(CatalogModel, { ...model, groups: [...model.groups], upstream, upstreamModel: model.name });
  }
  await em.flush();
  return upstream;
}

/** Creates a proxy key and answers its secret (demo and tests; the API does the same with checks). */
export async function seedApiKey(
  em: EntityManager,
  spec: { organizationId: string; projectId: string; userId: string; name?: string; allowedModels?: string[] | null },
) {
  const secret = formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));
  const key = em.create(ApiKey, {
    project: spec.projectId,
    organizationId: spec.organizationId,
    createdBy: spec.userId,
    name: spec.name ?? 'demo',
    keyHash: sha256Hex(secret),
    ...apiKeyDisplay(secret),
    allowedModels: spec.allowedModels ?? null,
  });
  await em.flush();
  return { key, secret };
}

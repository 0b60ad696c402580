import type { EntityManager } from '@mikro-orm/postgresql';
import { isWellFormedApiKey } from '@tollgate/domain';
import { ApiKey } from './entities';
import { sha256Hex } from './security';

/**
 * The key behind a presented secret, or null. A malformed secret (wrong
 * prefix, length, alphabet or checksum) is refused before any query, so
 * random garbage never reaches the database.
 */
export async function findApiKeyBySecret(em: EntityManager, secret: string): Promise<ApiKey | null> {
  if (!isWellFormedApiKey(secret)) return null;
  return em.findOne(ApiKey, { keyHash: sha256Hex(secret) }, { populate: ['project'] });
}

import { lookUpKey, sha256Hex, type KeyRow } from '@tollgate/db';
import {
  apiKeyStatus,
  availableModels,
  isWellFormedApiKey,
  keyLimitsOf,
  limitRules,
  organizationLimitsFromStored,
  projectQuotaFromStored,
  type AuditContentPolicy,
  type LimitRule,
} from '@tollgate/domain';
import type { Pool as PgPool } from 'pg';
import type { Catalog, ModelRoute } from './catalog';

/** Everything the hot path needs to know about a key, from one query. */
export interface KeyContext {
  keyId: string;
  organizationId: string;
  projectId: string;
  /** The member the key belongs to; null for a service account. */
  userId: string | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  projectArchived: boolean;
  /** Models this key may call now (organization grant, narrowed by project and key). */
  models: Map<string, ModelRoute>;
  auditContentPolicy: AuditContentPolicy;
  /** Every organization, project and key limit a call must fit in. */
  rules: LimitRule[];
  /** The organization's prepaid wallet: none (not prepaid: calls are not charged to one), or whether it may pay. */
  wallet: 'none' | 'active' | 'inactive';
}

interface Entry {
  key: KeyContext | null;
  loadedAt: number;
  catalogVersion: number;
}

const NEGATIVE_TTL_MS = 2_000;

/**
 * Secret → key context. The checksum is checked first so malformed keys cost
 * no query; found keys are cached by hash until the database announces a
 * change (see invalidation.ts) or the TTL passes. A generation counter makes
 * a load that raced an invalidation not cache its stale answer.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly db: PgPool,
    private readonly catalog: Catalog,
    private readonly ttlMs: number,
  ) {}

  /** The key if it may call now, else null (unknown, revoked, expired or its project archived). */
  async authenticate(secret: string, now = Date.now()): Promise<KeyContext | null> {
    if (!isWellFormedApiKey(secret)) return null;
    const hash = this.hashes.get(secret) ?? this.remember(secret);
    let entry = this.entries.get(hash);
    const ttl = entry?.key ? this.ttlMs : NEGATIVE_TTL_MS;
    if (!entry || now - entry.loadedAt > ttl || entry.catalogVersion !== this.catalog.version) entry = await this.load(hash, now);
    const key = entry.key;
    if (!key || apiKeyStatus(key, key.projectArchived, new Date(now)) !== 'ACTIVE') return null;
    return key;
  }

  /** Secret → hash for recently seen secrets, so the hot path hashes a key once, not per call. */
  private readonly hashes = new Map<string, string>();
  private remember(secret: string): string {
    if (this.hashes.size > 100_000) this.hashes.clear();
    const hash = sha256Hex(secret);
    this.hashes.set(secret, hash);
    return hash;
  }

  private async load(hash: string, now: number): Promise<Entry> {
    const generation = this.generation;
    const catalogVersion = this.catalog.version;
    const row = await lookUpKey(this.db, hash);
    const entry: Entry = { key: row ? this.toContext(row) : null, loadedAt: now, catalogVersion };
    if (generation === this.generation) this.entries.set(hash, entry);
    return entry;
  }

  private toContext(row: KeyRow): KeyContext {
    const project =
      row.project_allowed_models || row.project_allowed_groups ? { models: row.project_allowed_models ?? [], groups: row.project_allowed_groups ?? [] } : null;
    const organization = { models: row.organization_granted_models, groups: row.organization_granted_groups };
    const routes = availableModels(this.catalog.models, organization, project, row.allowed_models) as ModelRoute[];
    return {
      keyId: row.id,
      organizationId: row.organization_id,
      projectId: row.project_id,
      userId: row.owner === 'MEMBER' ? row.created_by_id : null,
      revokedAt: row.revoked_at,
      expiresAt: row.expires_at,
      projectArchived: row.project_status === 'ARCHIVED',
      models: new Map(routes.map((r) => [r.name, r])),
      auditContentPolicy: row.organization_audit_content_policy,
      rules: limitRules(
        { organizationId: row.organization_id, projectId: row.project_id, keyId: row.id },
        organizationLimitsFromStored(row.organization_limits),
        projectQuotaFromStored(row.project_quota),
        keyLimitsOf({ rpmLimit: row.rpm_limit, tpmLimit: row.tpm_limit, dailyBudget: row.daily_budget === null ? null : BigInt(row.daily_budget) }),
      ),
      wallet: row.wallet_is_active === null ? 'none' : row.wallet_is_active ? 'active' : 'inactive',
    };
  }

  /** A row the cache depends on changed: forget what it may have affected. */
  invalidate(change: { table: string; id: string }): void {
    this.generation++;
    const matches = (key: KeyContext) =>
      (change.table === 'api_keys' && key.keyId === change.id) ||
      (change.table === 'projects' && key.projectId === change.id) ||
      (change.table === 'organizations' && key.organizationId === change.id);
    for (const [hash, entry] of this.entries) {
      // A new key may be one a recent lookup did not find.
      if (entry.key ? matches(entry.key) : change.table === 'api_keys') this.entries.delete(hash);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

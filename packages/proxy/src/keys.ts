import { sha256Hex } from '@tollgate/db';
import { apiKeyStatus, availableModels, isWellFormedApiKey, keyLimitsOf, limitRules, organizationLimitsFromStored, projectQuotaFromStored, type AuditContentPolicy, type LimitRule } from '@tollgate/domain';
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

interface KeyRow {
  id: string; organization_id: string; project_id: string; created_by_id: string | null; owner: string; revoked_at: Date | null; expires_at: Date | null;
  allowed_models: string[] | null; project_status: string; project_models: string[] | null; project_groups: string[] | null;
  granted_models: string[]; granted_groups: string[]; audit_content_policy: AuditContentPolicy;
  org_limits: Record<string, number | string | boolean | null>; project_quota: Record<string, number | string | boolean | null>;
  rpm_limit: number | null; tpm_limit: number | null; daily_budget: string | null; wallet_active: boolean | null;
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

  constructor(private readonly db: PgPool, private readonly catalog: Catalog, private readonly ttlMs: number) {}

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
    const { rows } = await this.db.query<KeyRow>(
      `select k.id, k.organization_id, k.project_id, k.created_by_id, k.owner, k.revoked_at, k.expires_at, k.allowed_models,
              p.status as project_status, p.allowed_models as project_models, p.allowed_groups as project_groups,
              o.granted_models, o.granted_groups, o.audit_content_policy, o.limits as org_limits, p.quota as project_quota,
              k.rpm_limit, k.tpm_limit, k.daily_budget, w.is_active as wallet_active
         from api_keys k join projects p on p.id = k.project_id join organizations o on o.id = k.organization_id
         left join wallets w on w.organization_id = k.organization_id
        where k.key_hash = $1`,
      [hash],
    );
    const entry: Entry = { key: rows[0] ? this.toContext(rows[0]) : null, loadedAt: now, catalogVersion };
    if (generation === this.generation) this.entries.set(hash, entry);
    return entry;
  }

  private toContext(row: KeyRow): KeyContext {
    const project = row.project_models || row.project_groups ? { models: row.project_models ?? [], groups: row.project_groups ?? [] } : null;
    const routes = availableModels(this.catalog.models, { models: row.granted_models, groups: row.granted_groups }, project, row.allowed_models) as ModelRoute[];
    return {
      keyId: row.id, organizationId: row.organization_id, projectId: row.project_id, userId: row.owner === 'MEMBER' ? row.created_by_id : null,
      revokedAt: row.revoked_at, expiresAt: row.expires_at, projectArchived: row.project_status === 'ARCHIVED',
      models: new Map(routes.map((r) => [r.name, r])), auditContentPolicy: row.audit_content_policy,
      rules: limitRules(
        { organizationId: row.organization_id, projectId: row.project_id, keyId: row.id },
        organizationLimitsFromStored(row.org_limits), projectQuotaFromStored(row.project_quota),
        keyLimitsOf({ rpmLimit: row.rpm_limit, tpmLimit: row.tpm_limit, dailyBudget: row.daily_budget === null ? null : BigInt(row.daily_budget) }),
      ),
      wallet: row.wallet_active === null ? 'none' : row.wallet_active ? 'active' : 'inactive',
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

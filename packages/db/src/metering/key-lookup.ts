import type { AuditContentPolicy } from '@tollgate/domain';
import { ANNOUNCEMENTS } from '../invalidation/protocol';
import type { Queryable } from '../ledger/consumes';

type Stored = Record<string, number | string | boolean | null>;

/** Everything the proxy's key cache knows of a key, from one query: the columns the invalidation triggers announce, and only those. */
export interface KeyRow {
  id: string;
  key_hash: string;
  organization_id: string;
  project_id: string;
  created_by_id: string | null;
  owner: string;
  revoked_at: Date | null;
  expires_at: Date | null;
  allowed_models: string[] | null;
  rpm_limit: number | null;
  tpm_limit: number | null;
  daily_budget: string | null;
  project_organization_id: string;
  project_status: string;
  project_allowed_models: string[] | null;
  project_allowed_groups: string[] | null;
  project_quota: Stored;
  organization_granted_models: string[];
  organization_granted_groups: string[];
  organization_audit_content_policy: AuditContentPolicy;
  organization_limits: Stored;
  /** Null: the organization has no wallet (it is not prepaid). */
  wallet_is_active: boolean | null;
}

const select = [
  ...ANNOUNCEMENTS.api_keys.columns.map((c) => `k.${c}`),
  ...ANNOUNCEMENTS.projects.columns.map((c) => `p.${c} as project_${c}`),
  ...ANNOUNCEMENTS.organizations.columns.map((c) => `o.${c} as organization_${c}`),
  ...ANNOUNCEMENTS.wallets.columns.map((c) => `w.${c} as wallet_${c}`),
].join(', ');

const KEY_QUERY = `select ${select}
  from api_keys k join projects p on p.id = k.project_id join organizations o on o.id = k.organization_id
  left join wallets w on w.organization_id = k.organization_id
 where k.key_hash = $1`;

/** The key with this secret's hash, or null. */
export async function lookUpKey(db: Queryable, keyHash: string): Promise<KeyRow | null> {
  const { rows } = await db.query<KeyRow>(KEY_QUERY, [keyHash]);
  return rows[0] ?? null;
}

/**
 * The invalidation protocol between PostgreSQL and the proxies' caches, in one
 * place: the channel, the kinds of change, and for every table the columns the
 * caches read. Triggers built from this list (see `invalidationTriggersSql`,
 * applied by migration) announce a change at commit whenever one of those
 * columns changes, whoever writes it (server, CLI, a migration, psql); the key
 * lookup selects exactly these columns (see metering/key-lookup.ts). A column a
 * cache reads that no trigger announces would leave that cache stale: the test
 * invalidation.test.ts changes every column listed here and expects a notice.
 */
export const INVALIDATION_CHANNEL = 'tollgate_invalidation';

/** What changed: a cached row (by its table), or money coming into a wallet (`wallet_records`, by organization). */
export type ChangeKind = 'api_keys' | 'projects' | 'organizations' | 'models' | 'upstreams' | 'wallet_records';
export interface Change {
  table: ChangeKind;
  id: string;
}

interface Announcement {
  /** The row events that announce; updates only of `columns`. */
  events: Array<'insert' | 'update' | 'delete'>;
  /** The columns caches read (null: every column). */
  columns: readonly string[] | null;
  /** The change announced, and the column holding its id. */
  announce: ChangeKind;
  idColumn: string;
  /** Only rows that satisfy this (a trigger WHEN clause on `new`). */
  when?: string;
}

/** Every table whose rows a proxy caches, and what it announces. */
export const ANNOUNCEMENTS = {
  /** A key: its context (keys.ts in the proxy). Inserts too: a key a recent lookup did not find may exist now. */
  api_keys: {
    events: ['insert', 'update', 'delete'],
    announce: 'api_keys',
    idColumn: 'id',
    columns: [
      'id',
      'key_hash',
      'organization_id',
      'project_id',
      'created_by_id',
      'owner',
      'revoked_at',
      'expires_at',
      'allowed_models',
      'rpm_limit',
      'tpm_limit',
      'daily_budget',
    ],
  },
  projects: {
    events: ['update', 'delete'],
    announce: 'projects',
    idColumn: 'id',
    columns: ['organization_id', 'status', 'allowed_models', 'allowed_groups', 'quota'],
  },
  organizations: {
    events: ['update', 'delete'],
    announce: 'organizations',
    idColumn: 'id',
    columns: ['granted_models', 'granted_groups', 'audit_content_policy', 'limits'],
  },
  /** A wallet opened, (de)activated or removed changes what its organization's keys may do. */
  wallets: { events: ['insert', 'update', 'delete'], announce: 'organizations', idColumn: 'organization_id', columns: ['is_active'] },
  /** The catalog is read whole. */
  models: { events: ['insert', 'update', 'delete'], announce: 'models', idColumn: 'id', columns: null },
  upstreams: { events: ['insert', 'update', 'delete'], announce: 'upstreams', idColumn: 'id', columns: null },
  /** Money into a wallet reaches the limit stores once (not Consumes: the proxies wrote those themselves). */
  wallet_records: { events: ['insert'], announce: 'wallet_records', idColumn: 'organization_id', columns: null, when: "new.type <> 'CONSUME'" },
} as const satisfies Record<string, Announcement>;

export type CachedTable = keyof typeof ANNOUNCEMENTS;

const KINDS = new Set<string>(Object.values(ANNOUNCEMENTS).map((a) => a.announce));

/** A notice's payload as a change, or null for anything else. */
export function parseChange(payload: string | undefined): Change | null {
  try {
    const change = JSON.parse(payload ?? '') as Change;
    return KINDS.has(change.table) && typeof change.id === 'string' ? change : null;
  } catch {
    return null;
  }
}

/** The trigger function and one trigger per table, as the list above says (idempotent: drops and recreates). */
export function invalidationTriggersSql(): string[] {
  const sql = [
    `create or replace function tollgate_notify_invalidation() returns trigger language plpgsql as $$
declare
  announced text := coalesce(TG_ARGV[0], TG_TABLE_NAME);
  id_column text := coalesce(TG_ARGV[1], 'id');
  row_json json := row_to_json(case when TG_OP = 'DELETE' then old else new end);
begin
  perform pg_notify('${INVALIDATION_CHANNEL}', json_build_object('table', announced, 'id', row_json ->> id_column)::text);
  return null;
end $$;`,
  ];
  for (const [table, a] of Object.entries(ANNOUNCEMENTS) as Array<[string, Announcement]>) {
    const events = a.events.map((e) => (e === 'update' && a.columns ? `update of ${a.columns.map((c) => `"${c}"`).join(', ')}` : e)).join(' or ');
    const when = 'when' in a && a.when ? ` when (${a.when})` : '';
    sql.push(`drop trigger if exists "${table}_invalidation" on "${table}";`);
    sql.push(
      `create trigger "${table}_invalidation" after ${events} on "${table}" for each row${when} execute function tollgate_notify_invalidation('${a.announce}', '${a.idColumn}');`,
    );
  }
  return sql;
}

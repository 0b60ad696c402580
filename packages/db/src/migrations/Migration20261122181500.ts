import { Migration } from '@mikro-orm/migrations';

/**
 * Cache invalidation for the proxies, from the database itself: whatever
 * writes a key, project, organization grant or catalog row (server, CLI, a
 * migration), PostgreSQL announces it on `tollgate_invalidation` when the
 * transaction commits. Only columns the proxy caches fire (not last_used_at).
 */
export class Migration20261122181500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function tollgate_notify_invalidation() returns trigger language plpgsql as $$
begin
  perform pg_notify('tollgate_invalidation', json_build_object('table', TG_TABLE_NAME, 'id', coalesce(new.id, old.id))::text);
  return null;
end $$;`);
    const triggers: Array<[table: string, events: string]> = [
      ['api_keys', 'insert or delete or update of revoked_at, expires_at, allowed_models, rpm_limit, tpm_limit, daily_budget'],
      ['projects', 'delete or update of status, allowed_models, allowed_groups'],
      ['organizations', 'delete or update of granted_models, granted_groups, audit_content_policy, audit_content_retention_days'],
      ['models', 'insert or delete or update'],
      ['upstreams', 'insert or delete or update'],
    ];
    for (const [table, events] of triggers) {
      this.addSql(`create trigger "${table}_invalidation" after ${events} on "${table}" for each row execute function tollgate_notify_invalidation();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['api_keys', 'projects', 'organizations', 'models', 'upstreams'])
      this.addSql(`drop trigger if exists "${table}_invalidation" on "${table}";`);
    this.addSql('drop function if exists tollgate_notify_invalidation();');
  }
}

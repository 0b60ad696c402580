import { Migration } from '@mikro-orm/migrations';
import { ANNOUNCEMENTS, invalidationTriggersSql } from '../invalidation/protocol';

/**
 * The invalidation triggers rebuilt from the one list of cached columns
 * (packages/db/src/invalidation/protocol.ts): one trigger function for every
 * table, told what to announce by its trigger's arguments. Replaces the
 * per-migration column lists and tollgate_notify_wallet. The key cache now
 * also hears of changes to a key's hash, owner, project and creator and to a
 * project's organization, which it reads too. To change what is announced:
 * edit the list, then add a migration that applies invalidationTriggersSql()
 * again.
 */
export class Migration20261201093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists "wallet_records_money_in" on "wallet_records";`);
    for (const statement of invalidationTriggersSql()) this.addSql(statement);
    this.addSql('drop function if exists tollgate_notify_wallet();');
  }

  /** Back to the triggers of Migration20261122181500, 20261122190008 and 20261123161013 (the function takes no arguments there: it falls back to the table and its id). */
  override async down(): Promise<void> {
    for (const table of Object.keys(ANNOUNCEMENTS)) this.addSql(`drop trigger if exists "${table}_invalidation" on "${table}";`);
    const before: Array<[table: string, events: string]> = [
      ['api_keys', 'insert or delete or update of revoked_at, expires_at, allowed_models, rpm_limit, tpm_limit, daily_budget'],
      ['projects', 'delete or update of status, allowed_models, allowed_groups, quota'],
      ['organizations', 'delete or update of granted_models, granted_groups, audit_content_policy, audit_content_retention_days, limits'],
      ['models', 'insert or delete or update'],
      ['upstreams', 'insert or delete or update'],
    ];
    for (const [table, events] of before)
      this.addSql(`create trigger "${table}_invalidation" after ${events} on "${table}" for each row execute function tollgate_notify_invalidation();`);
    this.addSql(`create or replace function tollgate_notify_wallet() returns trigger language plpgsql as $$
begin
  perform pg_notify('tollgate_invalidation', json_build_object('table', case when TG_TABLE_NAME = 'wallets' then 'organizations' else 'wallet_records' end,
    'id', coalesce(new.organization_id, old.organization_id))::text);
  return null;
end $$;`);
    this.addSql(
      `create trigger "wallets_invalidation" after insert or delete or update of is_active on "wallets" for each row execute function tollgate_notify_wallet();`,
    );
    this.addSql(
      `create trigger "wallet_records_money_in" after insert on "wallet_records" for each row when (new.type <> 'CONSUME') execute function tollgate_notify_wallet();`,
    );
  }
}

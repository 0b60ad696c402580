import { Migration } from '@mikro-orm/migrations';
import { ledgerFunctionsSql } from '../ledger/functions';

/**
 * The ledger's trigger functions from their one home, packages/db/src/ledger/sql
 * (the same definitions Migration20261123161013 and 20261123200000 wrote inline).
 * A later change to a file comes with a migration like this one.
 */
export class Migration20261201094000 extends Migration {
  override async up(): Promise<void> {
    for (const statement of ledgerFunctionsSql()) this.addSql(statement);
  }

  override async down(): Promise<void> {
    // The definitions are the ones already in place before: nothing to undo.
  }
}

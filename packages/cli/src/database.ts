import { ensureDatabase, migrate, openOrm, startEmbeddedPostgres, withDatabase, type MikroORM } from '@tollgate/db';
import type { Config } from '@tollgate/server';

export interface Database {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
  /** From now on this process's own shutdown stops the embedded PostgreSQL (see EmbeddedDatabase.keepRunningOnSignals). */
  keepRunningOnSignals(): void;
}

/**
 * Opens the configured PostgreSQL, or starts the embedded one under
 * TOLLGATE_HOME when DATABASE_URL is not set, and applies pending migrations.
 */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.home, log);
  let url = config.databaseUrl;
  if (embedded) {
    await ensureDatabase(embedded.adminUrl, 'tollgate');
    url = embedded.urlFor('tollgate');
  }
  const orm = await openOrm({ databaseUrl: url! });
  const applied = await migrate(orm);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  return {
    orm,
    url: url!,
    embedded: Boolean(embedded),
    close: async () => {
      await orm.close();
      await embedded?.stop();
    },
    keepRunningOnSignals: () => embedded?.keepRunningOnSignals(),
  };
}

export { withDatabase };

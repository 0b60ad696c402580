import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, withDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** Drops the database (or stops the embedded server and removes its files). */
  stop(): Promise<void>;
}

/**
 * A database of a bench's own: a new one named after `label` on DATABASE_URL's server when that
 * is set (`keep`: left there after stop, for a look at its plans), else in an embedded PostgreSQL
 * started for it.
 */
export async function benchDatabase(label: string, options: { keep?: boolean; log?: (line: string) => void } = {}): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `tollgate_${label}_${process.pid}`;
    await dropDatabase(serverUrl, name);
    await ensureDatabase(serverUrl, name);
    return {
      url: withDatabase(serverUrl, name),
      stop: async () => (options.keep ? options.log?.(`kept database ${name}`) : await dropDatabase(serverUrl, name)),
    };
  }
  const home = await mkdtemp(join(tmpdir(), `tollgate-${label}-`));
  const embedded = await startEmbeddedPostgres(home);
  await ensureDatabase(embedded.adminUrl, 'bench');
  return {
    url: embedded.urlFor('bench'),
    stop: async () => {
      await embedded.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

import 'reflect-metadata';
import { DataloaderType, ReflectMetadataProvider, type LoggerNamespace } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmOptions {
  databaseUrl: string;
  poolMax?: number;
  /** Called with every SQL statement; tests count queries with it. */
  onQuery?: (sql: string) => void;
}

export function ormConfig({ databaseUrl, poolMax = 10, onQuery }: OrmOptions): Options {
  const debug: LoggerNamespace[] = onQuery ? ['query'] : [];
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true },
    // Batches references and collections loaded in one tick: lists cost a constant number of queries.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    // The management path runs many short statements and a few wide unions (the usage query): compiling them costs
    // more than it saves (55–77 ms on 30-day unions where JIT is on, as in Debian's PostgreSQL 15).
    driverOptions: { connection: { options: '-c jit=off' } },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: fileURLToPath(new URL('./migrations', import.meta.url)),
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshotName: '.snapshot-tollgate',
    },
    debug,
    logger: onQuery ? (message) => onQuery(message) : () => undefined,
    colors: false,
  });
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies pending migrations; the schema is never synchronised from entities. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

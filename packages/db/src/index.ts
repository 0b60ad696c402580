export * from './entities';
export { openOrm, migrate, ormConfig, type OrmOptions } from './orm';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
export { MikroORM, type EntityManager } from '@mikro-orm/postgresql';

export * from './entities';
export { openOrm, migrate, ormConfig, type OrmOptions } from './orm';
export { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
export { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
export { hashPassword, verifyPassword, verifyDecoy, sha256Hex, randomBase62 } from './security';
export { seedDemo, type DemoCredentials } from './seeders/demo.seeder';
export { ensureDatabase, dropDatabase, withDatabase } from './database';

import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122173104 } from './Migration20261122173104';

/** Every migration, in order. `pnpm migration:create` appends new ones here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122173104', class: Migration20261122173104 },
];

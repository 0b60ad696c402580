import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122173104 } from './Migration20261122173104';
import { Migration20261122175336 } from './Migration20261122175336';
import { Migration20261122180524 } from './Migration20261122180524';
import { Migration20261122181413 } from './Migration20261122181413';
import { Migration20261122181500 } from './Migration20261122181500';
import { Migration20261122190008 } from './Migration20261122190008';
import { Migration20261122190341 } from './Migration20261122190341';
import { Migration20261123153519 } from './Migration20261123153519';
import { Migration20261123161013 } from './Migration20261123161013';
import { Migration20261123200000 } from './Migration20261123200000';
import { Migration20261201084156 } from './Migration20261201084156';
import { Migration20261201093000 } from './Migration20261201093000';
import { Migration20261201094000 } from './Migration20261201094000';
import { Migration20261201100000 } from './Migration20261201100000';
import { Migration20261201120000 } from './Migration20261201120000';
import { Migration20261201130000 } from './Migration20261201130000';
import { Migration20261201140000 } from './Migration20261201140000';
import { Migration20261201150000 } from './Migration20261201150000';
import { Migration20261201160000 } from './Migration20261201160000';

/** Every migration, in order. `pnpm migration:create` appends new ones here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122173104', class: Migration20261122173104 },
  { name: 'Migration20261122175336', class: Migration20261122175336 },
  { name: 'Migration20261122180524', class: Migration20261122180524 },
  { name: 'Migration20261122181413', class: Migration20261122181413 },
  { name: 'Migration20261122181500', class: Migration20261122181500 },
  { name: 'Migration20261122190008', class: Migration20261122190008 },
  { name: 'Migration20261122190341', class: Migration20261122190341 },
  { name: 'Migration20261123153519', class: Migration20261123153519 },
  { name: 'Migration20261123161013', class: Migration20261123161013 },
  { name: 'Migration20261123200000', class: Migration20261123200000 },
  { name: 'Migration20261201084156', class: Migration20261201084156 },
  { name: 'Migration20261201093000', class: Migration20261201093000 },
  { name: 'Migration20261201094000', class: Migration20261201094000 },
  { name: 'Migration20261201100000', class: Migration20261201100000 },
  { name: 'Migration20261201120000', class: Migration20261201120000 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201140000', class: Migration20261201140000 },
  { name: 'Migration20261201150000', class: Migration20261201150000 },
  { name: 'Migration20261201160000', class: Migration20261201160000 },
];

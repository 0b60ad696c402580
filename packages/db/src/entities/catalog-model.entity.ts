import { BigIntType, Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';
import { Upstream } from './upstream.entity';

/** A model as the platform sells it: public name, where it runs, and its prices. */
@Entity({ tableName: 'models' })
export class CatalogModel extends BaseEntity {
  /** The name clients send as `model`. */
  @Property({ type: 'string', length: 100 })
  @Unique()
  name!: string;

  @ManyToOne({ entity: () => Upstream, ref: true, deleteRule: 'restrict' })
  upstream!: Ref<Upstream>;

  @Property({ type: 'string', length: 200 })
  upstreamModel!: string;

  /** Micro-units per million tokens. */
  @Property({ type: new BigIntType('bigint') })
  inputPricePerMillion!: bigint;

  /** What a cached input token costs, per million; null: the input price. Never above the input price, so reservations stay an upper bound. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  cachedInputPricePerMillion?: bigint | null;

  @Property({ type: new BigIntType('bigint') })
  outputPricePerMillion!: bigint;

  @Property({ type: 'integer' })
  contextWindow!: number;

  @Property({ type: 'integer' })
  defaultMaxOutputTokens!: number;

  /** Access-group labels, lower case. */
  @Property({ type: 'text[]', default: '{}' })
  groups: Opt<string[]> = [];

  @Property({ type: 'boolean', default: true })
  enabled: Opt<boolean> = true;
}

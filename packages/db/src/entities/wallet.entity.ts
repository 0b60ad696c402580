import { BigIntType, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { WalletRecordType } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { Organization } from './organization.entity';

/**
 * An organization's prepaid wallet. Its balance is written only by the
 * ledger trigger (see the wallet migration): it is always the sum of its
 * records. An organization without a wallet is not prepaid.
 */
@Entity({ tableName: 'wallets' })
export class Wallet {
  @OneToOne({ entity: () => Organization, ref: true, primary: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Property({ type: new BigIntType('bigint'), default: 0 })
  balance: Opt<bigint> = 0n;

  /** Calls in flight hold this much; written by the proxies with each usage batch (Redis holds it live). */
  @Property({ type: new BigIntType('bigint'), default: 0 })
  frozenAmount: Opt<bigint> = 0n;

  @Property({ type: 'string', length: 3, default: 'USD' })
  currency: Opt<string> = 'USD';

  @Property({ type: 'boolean', default: true })
  isActive: Opt<boolean> = true;

  /** The sequence number of the wallet's last record. */
  @Property({ type: new BigIntType('bigint'), default: 0 })
  lastSeq: Opt<bigint> = 0n;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** One change of a wallet's balance. Append-only: the database refuses UPDATE and DELETE. */
@Entity({ tableName: 'wallet_records' })
@Unique({ properties: ['organizationId', 'seq'] })
@Index({ properties: ['organizationId', 'createdAt'] })
export class WalletRecord {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'uuid' }) organizationId!: string;
  /** 1, 2, 3… per wallet, in commit order; set by the ledger trigger. */
  @Property({ type: new BigIntType('bigint'), default: 0 }) seq: Opt<bigint> = 0n;
  @Enum({ items: () => WalletRecordType, nativeEnumName: 'wallet_record_type' }) type!: WalletRecordType;
  /** Signed micro-units: money in positive, a Consume negative. */
  @Property({ type: new BigIntType('bigint') }) amount!: bigint;
  /** Set by the ledger trigger from the wallet's balance. */
  @Property({ type: new BigIntType('bigint'), default: 0 }) previousBalance: Opt<bigint> = 0n;
  @Property({ type: new BigIntType('bigint'), default: 0 }) currentBalance: Opt<bigint> = 0n;
  @Property({ type: 'text', default: '' }) description: Opt<string> = '';
  /** The operator's reference for a credit (unique per wallet: crediting twice is a no-op), or a redemption code's id. */
  @Property({ type: 'string', length: 200, nullable: true }) reference?: string | null;
  @Property({ type: 'uuid', nullable: true }) requestLogId?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}

/** Codes issued together by the operator. */
@Entity({ tableName: 'redemption_batches' })
export class RedemptionBatch {
  @PrimaryKey({ type: 'uuid' }) id: Opt<string> = randomUUID();
  @Property({ type: new BigIntType('bigint') }) amount!: bigint;
  @Property({ type: 'integer' }) count!: number;
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'text', default: '' }) description: Opt<string> = '';
  @Property({ type: 'uuid', nullable: true }) createdById?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}

/** A single-use code; only its hash is kept. */
@Entity({ tableName: 'redemption_codes' })
export class RedemptionCode {
  @PrimaryKey({ type: 'uuid' }) id: Opt<string> = randomUUID();
  @ManyToOne({ entity: () => RedemptionBatch, ref: true, deleteRule: 'cascade' }) batch!: Ref<RedemptionBatch>;
  @Property({ type: 'string', length: 64, unique: true }) codeHash!: string;
  @Property({ type: 'string', length: 4 }) lastFour!: string;
  @Property({ type: 'datetime', nullable: true }) redeemedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) redeemedByOrganizationId?: string | null;
  @Property({ type: 'uuid', nullable: true }) redeemedByUserId?: string | null;
}

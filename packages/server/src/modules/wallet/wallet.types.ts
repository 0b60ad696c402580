import { WalletRecordType } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(WalletRecordType, { name: 'WalletRecordType' });

@ObjectType('Wallet', { description: "An organization's prepaid balance. Calls reserve from availableAmount before they run." })
export class WalletType {
  @Field(() => ID) organizationId!: string;
  @Field(() => MoneyScalar, { description: 'The sum of the records.' }) balance!: bigint;
  @Field(() => MoneyScalar, { description: 'Held by calls in flight (written by the proxies every 250 ms).' }) frozenAmount!: bigint;
  @Field(() => MoneyScalar, { description: 'balance − frozenAmount, never below zero.' }) availableAmount!: bigint;
  @Field(() => String) currency!: string;
  @Field(() => Boolean, { description: 'false: every call is refused.' }) isActive!: boolean;
}

@ObjectType('WalletRecord')
export class WalletRecordGqlType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "Position in the wallet's chain: 1, 2, 3…" }) seq!: string;
  @Field(() => WalletRecordType) type!: WalletRecordType;
  @Field(() => MoneyScalar, { description: 'Signed: money in positive, a Consume negative.' }) amount!: bigint;
  @Field(() => MoneyScalar) previousBalance!: bigint;
  @Field(() => MoneyScalar) currentBalance!: bigint;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => ID, { nullable: true }) requestLogId?: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType('WalletRecordTotals', { description: 'Over every record the filter selects, not just this page.' })
export class WalletRecordTotalsType {
  @Field(() => Int) count!: number;
  @Field(() => MoneyScalar) moneyIn!: bigint;
  @Field(() => MoneyScalar, { description: 'Money out, as a positive amount.' }) moneyOut!: bigint;
}

@ObjectType('WalletRecordPage')
export class WalletRecordPageType {
  @Field(() => [WalletRecordGqlType]) nodes!: WalletRecordGqlType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) endCursor?: string | null;
  @Field(() => WalletRecordTotalsType) totals!: WalletRecordTotalsType;
}

@InputType()
export class WalletRecordFilter {
  @Field(() => [WalletRecordType], { nullable: true }) types?: WalletRecordType[] | null;
  @Field(() => DateTimeResolver, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) to?: Date | null;
}

@ObjectType('RedemptionBatch')
export class RedemptionBatchType {
  @Field(() => ID) id!: string;
  @Field(() => MoneyScalar) amount!: bigint;
  @Field(() => Int) count!: number;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => String) description!: string;
}

@ObjectType('IssuedRedemptionCodes')
export class IssuedRedemptionCodesType {
  @Field(() => RedemptionBatchType) batch!: RedemptionBatchType;
  @Field(() => [String], { description: 'Shown once; only their hashes are kept.' }) codes!: string[];
}

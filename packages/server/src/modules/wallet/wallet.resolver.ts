import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import { MoneyScalar } from '../../graphql/scalars';
import * as wallets from './wallet.service';
import { IssuedRedemptionCodesType, WalletRecordFilter, WalletRecordPageType, WalletType } from './wallet.types';

const ORG = { organization: 'organizationId' };

@Resolver()
export class WalletResolver {
  @Query(() => WalletType, { nullable: true, description: 'Null: the organization is not prepaid.' })
  @Can('organization.finance', ORG)
  wallet(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: Context) {
    return wallets.getWallet(ctx, organizationId);
  }

  @Query(() => WalletRecordPageType)
  @Can('organization.finance', ORG)
  walletRecords(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('filter', () => WalletRecordFilter, { nullable: true }) filter: WalletRecordFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return wallets.listWalletRecords(ctx, organizationId, filter, first, after ?? null);
  }

  @Query(() => String, { description: 'The selected records as RFC 4180 CSV; cells a spreadsheet would evaluate are neutralised.' })
  @Can('organization.finance', ORG)
  walletRecordsCsv(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('filter', () => WalletRecordFilter, { nullable: true }) filter: WalletRecordFilter | null,
    @Ctx() ctx: Context,
  ) {
    return wallets.exportWalletRecords(ctx, organizationId, filter);
  }

  @Mutation(() => WalletType, { description: 'Credits the wallet (creating it: the organization becomes prepaid). The same reference again writes nothing.' })
  @Can('platform.operate')
  creditWallet(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('amount', () => MoneyScalar) amount: bigint,
    @Arg('reference', () => String) reference: string,
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: Context,
  ) {
    return wallets.creditWallet(ctx, organizationId, { amount, reference, description });
  }

  @Mutation(() => WalletType, { description: 'An inactive wallet refuses every call.' })
  @Can('platform.operate')
  setWalletActive(@Arg('organizationId', () => ID) organizationId: string, @Arg('isActive', () => Boolean) isActive: boolean, @Ctx() ctx: Context) {
    return wallets.setWalletActive(ctx, organizationId, isActive);
  }

  @Mutation(() => IssuedRedemptionCodesType)
  @Can('platform.operate')
  issueRedemptionCodes(
    @Arg('amount', () => MoneyScalar) amount: bigint,
    @Arg('count', () => Int) count: number,
    @Arg('expiresAt', () => DateTimeResolver) expiresAt: Date,
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: Context,
  ) {
    return wallets.issueRedemptionCodes(ctx, { amount, count, expiresAt, description });
  }

  @Mutation(() => WalletType, { description: 'Redeems a code into the wallet; each code works once.' })
  @Can('organization.finance', ORG)
  redeemCode(@Arg('organizationId', () => ID) organizationId: string, @Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return wallets.redeemCode(ctx, organizationId, code);
  }
}

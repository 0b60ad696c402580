import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context } from '../../context';
import { CanSubscribe } from '../../graphql/can';
import { QuotaUsageType } from '../limits/limits.types';
import { WalletType } from '../wallet/wallet.types';
import type { UsageTick } from './live-hub';
import { subscribeQuota, subscribeUsageTicks, subscribeWallet } from './live.service';
import { UsageTickType } from './live.types';

type Args<T> = SubscribeResolverData<unknown, T, Context>;

/**
 * Live dashboards. Each subscription is checked like the query it mirrors
 * when it starts (the `subscribe` step; `@CanSubscribe` declares it), checked
 * again whenever the subscriber's session, token or memberships change (not
 * on every message), and ended with an error when it no longer holds.
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => UsageTickType, {
    description:
      "At most one message a second with the calls recorded since the previous one and today's totals (organization's zone); the first is a snapshot. " +
      'Organization ADMIN and FINANCE members see the whole organization, project OWNERs and MEMBERs their projects only.',
    subscribe: ({ args, context }: Args<{ organizationId: string; projectId?: string | null }>) =>
      subscribeUsageTicks(context, args.organizationId, args.projectId ?? null),
  })
  // Membership is the gate; what may be seen is decided per subscriber, as for the usage query.
  @CanSubscribe('organization.view')
  usageTicks(
    @Root() tick: UsageTick,
    @Arg('organizationId', () => ID) _organizationId: string,
    @Arg('projectId', () => ID, { nullable: true }) _projectId: string | null,
    @Ctx() _ctx: Context,
  ): UsageTick {
    return tick;
  }

  @Subscription(() => QuotaUsageType, {
    description: "The project's quota use and what remains, whenever it moves (at most 4 a second); the first message is the current state.",
    subscribe: ({ args, context }: Args<{ projectId: string }>) => subscribeQuota(context, args.projectId),
  })
  @CanSubscribe('project.view')
  quotaChanged(@Root() quota: QuotaUsageType, @Arg('projectId', () => ID) _projectId: string, @Ctx() _ctx: Context): QuotaUsageType {
    return quota;
  }

  @Subscription(() => WalletType, {
    description:
      'The wallet whenever its balance, frozen or available amount moves (at most 4 a second), calls in flight included; the first message is the current state.',
    subscribe: ({ args, context }: Args<{ organizationId: string }>) => subscribeWallet(context, args.organizationId),
  })
  @CanSubscribe('organization.finance')
  walletChanged(@Root() wallet: WalletType, @Arg('organizationId', () => ID) _organizationId: string, @Ctx() _ctx: Context): WalletType {
    return wallet;
  }
}

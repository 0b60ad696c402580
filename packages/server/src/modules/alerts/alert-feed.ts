import { DomainError, ErrorCode, forbidden } from '@tollgate/domain';
import { z } from 'zod';
import type { AppServices, Context } from '../../context';
import { boundedQueue, SubscriptionChannel } from '../live/latest-channel';
import type { LiveHub, Subscriber } from '../live/live-hub';
import { alertScope, mayView, readAlert, sameScope, type AlertScope } from './alert-history.service';
import type { AlertType } from './alerts.types';

/** Alerts one subscriber may have waiting; past it the oldest go (alerts are rare: a backlog this long is a consumer that stopped reading). */
const BACKLOG = 100;

interface AlertSubscriber extends Subscriber {
  scope: AlertScope;
  /** Each alert delivered, in order (nothing merged, unlike the dashboards' channels). */
  channel: SubscriptionChannel<AlertType>;
}

const notice = z.object({ organizationId: z.uuid(), projectId: z.uuid().nullable(), alertId: z.uuid() });

/**
 * alertFired's side of the live hub: the hub hears each fired alert's
 * NOTIFY (sent at the commit that crossed, by any proxy or server); for an
 * organization someone here subscribes to, the alert is read once, with its
 * deliveries, and pushed to each subscriber whose scope holds it. The hub
 * re-checks subscribers when their access changes and ends them with their
 * session.
 */
export class AlertFeed {
  private readonly organizations = new Map<string, Set<AlertSubscriber>>();

  constructor(private readonly hub: LiveHub) {
    hub.onAlert((payload) => void this.onNotice(payload));
  }

  get subscribers(): number {
    let n = 0;
    for (const subs of this.organizations.values()) n += subs.size;
    return n;
  }

  subscribe(ctx: Context, organizationId: string, scope: AlertScope, recheck: () => Promise<Context>): AsyncIterableIterator<AlertType> {
    let subs = this.organizations.get(organizationId);
    if (!subs) this.organizations.set(organizationId, (subs = new Set()));
    const group = subs;
    const channel = new SubscriptionChannel<AlertType>(() => {
      untrack();
      group.delete(sub);
      if (!group.size) this.organizations.delete(organizationId);
    }, boundedQueue(BACKLOG));
    const auth = ctx.auth!;
    const sub: AlertSubscriber = { userId: auth.userId, expiresAt: auth.expiresAt ? auth.expiresAt.getTime() : null, recheck, channel, scope };
    const untrack = this.hub.track(sub);
    group.add(sub);
    return channel;
  }

  private async onNotice(payload: string | undefined) {
    let parsed: z.infer<typeof notice>;
    try {
      parsed = notice.parse(JSON.parse(payload ?? ''));
    } catch {
      return;
    }
    const subs = this.organizations.get(parsed.organizationId);
    if (!subs?.size) return;
    try {
      const alert = await readAlert(this.hub.em() as never, parsed.alertId);
      if (!alert || alert.organizationId !== parsed.organizationId) return;
      for (const sub of subs) if (mayView(sub.scope, alert)) sub.channel.push(alert);
    } catch (err) {
      this.hub.logger.warn({ err: (err as Error).message, alertId: parsed.alertId }, 'live alert read failed');
    }
  }
}

const feeds = new WeakMap<LiveHub, AlertFeed>();

/** The server's one feed, started with its first subscriber. */
export function alertFeed(app: AppServices): AlertFeed {
  let feed = feeds.get(app.live);
  if (!feed) feeds.set(app.live, (feed = new AlertFeed(app.live)));
  return feed;
}

/**
 * Subscribes the caller to the organization's fired alerts they may see
 * (alertScope, as the history); their scope is read again whenever their
 * access changes, and a changed one ends the subscription.
 */
export async function subscribeAlerts(ctx: Context, organizationId: string): Promise<AsyncIterableIterator<AlertType>> {
  if (!ctx.auth) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send a valid API token');
  const scope = await alertScope(ctx, organizationId);
  return alertFeed(ctx.app).subscribe(ctx, organizationId, scope, async () => {
    const fresh = await ctx.refresh();
    if (!sameScope(await alertScope(fresh, organizationId), scope)) throw forbidden('Your access changed: subscribe again');
    return fresh;
  });
}

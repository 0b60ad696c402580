import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { useSubscription, type CombinedError } from 'urql';
import { graphql } from '../../gql';

/** Today's totals as the server sums them, once a second at most while calls arrive (a snapshot first). */
export const UsageTicksSubscription = graphql(`
  subscription UsageTicks($organizationId: ID!, $projectId: ID) {
    usageTicks(organizationId: $organizationId, projectId: $projectId) {
      organizationId
      projectId
      snapshot
      until
      day
      timeZone
      today {
        requests
        errors
        cost
      }
    }
  }
`);

export type UsageTick = ResultOf<typeof UsageTicksSubscription>['usageTicks'];

/** The dashboards' usage queries run again at most this often, however fast calls arrive. */
export const REFRESH_THROTTLE_MS = 5_000;
/** The usage query answers up to the last whole minute: this long after a call's minute closes, it holds the call. */
const MINUTE_SETTLE_MS = 1_000;
const MINUTE_MS = 60_000;

export interface LiveUsage {
  /** The latest message: `today` in the organization's zone. Null until the first. */
  tick: UsageTick | null;
  /**
   * The dashboard's clock and its reason to ask again: the time of the last
   * refresh, moved (at most every REFRESH_THROTTLE_MS) when calls arrive, after
   * a reconnection's snapshot, and when a new day begins. No timer polls.
   */
  now: number;
  error: CombinedError | undefined;
}

/**
 * The live side of a usage dashboard: `usageTicks` for the organization (or one
 * project), and a refresh clock that follows it, so the charts' usage queries
 * run again after calls rather than on a timer. A tick's calls show in the
 * charts once their minute closes, so one more refresh is planned for then.
 */
export function useLiveUsage(organizationId: string, projectId: string | null, pause = false): LiveUsage {
  const [{ data, error }] = useSubscription({ query: UsageTicksSubscription, variables: { organizationId, projectId }, pause });
  const tick = data?.usageTicks ?? null;
  const [now, setNow] = useState(() => Date.now());
  const plan = useRef<RefreshPlan | null>(null);
  plan.current ??= new RefreshPlan(setNow);
  useEffect(() => {
    const p = plan.current!;
    return () => p.cancel();
  }, []);
  // The first snapshot is what the page's queries just read; every later message may hold calls they have not.
  const first = useRef(true);
  useEffect(() => {
    if (!tick) return;
    if (first.current) {
      first.current = false;
      return;
    }
    const p = plan.current!;
    p.ask(0);
    const until = Date.parse(tick.until);
    if (!tick.snapshot && Number.isFinite(until)) p.ask(Math.ceil(until / MINUTE_MS) * MINUTE_MS - until + MINUTE_SETTLE_MS);
  }, [tick]);
  return { tick, now, error };
}

/**
 * Refreshes asked for `delay` ms from now, run at most once every
 * REFRESH_THROTTLE_MS: a request is met by a refresh planned within the
 * throttle after it, and one asked too soon after the last waits for the
 * throttle to pass.
 */
class RefreshPlan {
  private last = -Infinity;
  private readonly planned = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly run: (at: number) => void) {}

  ask(delay: number) {
    const at = Math.max(Date.now() + delay, this.last + REFRESH_THROTTLE_MS);
    for (const t of this.planned.keys()) if (t >= at && t - at < REFRESH_THROTTLE_MS) return;
    this.planned.set(
      at,
      setTimeout(() => this.fire(at), at - Date.now()),
    );
  }

  private fire(at: number) {
    this.planned.delete(at);
    const now = Date.now();
    if (now < this.last + REFRESH_THROTTLE_MS) return this.ask(0);
    this.last = now;
    this.run(now);
  }

  cancel() {
    for (const timer of this.planned.values()) clearTimeout(timer);
    this.planned.clear();
  }
}

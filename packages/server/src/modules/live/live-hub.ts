import { listenLive, parseChange, parseLiveMessage, type MikroORM, type UsageDelta, type WalletState } from '@tollgate/db';
import { DomainError, ErrorCode } from '@tollgate/domain';
import type { Context } from '../../context';
import type { Logger } from '../../logger';
import type { WalletType } from '../wallet/wallet.types';
import { LatestChannel } from './latest-channel';
import { addFigures, readTodaySnapshot, zeroFigures, type LiveFigures, type LiveUsageRow, type TodaySnapshot } from './today-usage';

/** One usageTicks message. */
export interface UsageTick {
  organizationId: string;
  projectId: string | null;
  /** True for the first message: `delta` is empty and `today` comes from the rollups. */
  snapshot: boolean;
  since: Date;
  until: Date;
  delta: LiveFigures;
  deltaRows: LiveUsageRow[];
  timeZone: string;
  day: string;
  today: LiveFigures;
  todayRows: LiveUsageRow[];
}

/** What the hub needs to know of a subscriber: who, until when, how to re-check them, and where their messages go. */
export interface Subscriber {
  userId: string;
  expiresAt: number | null;
  /** Throws (a DomainError) when the subscriber may no longer read this, else answers the fresh context; run after their access changed. */
  recheck: Recheck;
  channel: { fail(error: unknown): void };
}

interface UsageSubscriber extends Subscriber {
  /** The projects they may see (null: all of the organization's). */
  projects: ReadonlySet<string> | null;
  projectId: string | null;
  channel: LatestChannel<UsageTick>;
}

interface WalletSubscriber extends Subscriber {
  channel: LatestChannel<WalletType>;
  last: WalletType | null;
}

interface QuotaSubscriber extends Subscriber {
  channel: LatestChannel<unknown>;
}

type Recheck = () => Promise<Context>;

const USAGE_TICK_MS = 1_000;
/**
 * The second is cut into this many slots and each organization ticks in its
 * own (the least taken when it is first watched), still once a second: 5,000
 * subscribers' messages leave as 20 bursts of about 250 instead of one of
 * 5,000, so the last of them does not wait behind all the others. Measured
 * (pnpm bench:live, docs/benchmarks.md): at 5,000 subscribers the delay's p99
 * went from 2.00 s to 1.46 s and the event loop's p99 from 463 to 55 ms; at
 * 10,000 the median from 1.45 s to 0.77 s.
 */
const USAGE_SLOTS = 20;
const STATE_TICK_MS = 250;
/** A gap in an organization's usage sequence older than this is a lost message: its state is read again. */
const GAP_TIMEOUT_MS = 3_000;

const rowKey = (projectId: string, model: string) => `${projectId}|${model}`;

/** A usage tick's merge when the subscriber has not taken the previous one: the deltas add up, the newest totals win. */
function mergeTicks(older: UsageTick, newer: UsageTick): UsageTick {
  const rows = new Map(older.deltaRows.map((r) => [rowKey(r.projectId, r.model), { ...r }]));
  for (const r of newer.deltaRows) {
    const row = rows.get(rowKey(r.projectId, r.model));
    if (row) addFigures(row, r);
    else rows.set(rowKey(r.projectId, r.model), { ...r });
  }
  const delta = { ...older.delta };
  addFigures(delta, newer.delta);
  return { ...newer, snapshot: older.snapshot, since: older.since, delta, deltaRows: [...rows.values()] };
}

/**
 * A subscribe step's read after the hub took the subscriber: when it throws,
 * graphql-ws never gets the channel (so never returns it), and the subscriber
 * would stay in the hub for good; closed here, it leaves with the error.
 */
async function closingOnError<T>(channel: { return(): Promise<unknown> }, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    await channel.return();
    throw error;
  }
}

/**
 * One organization's live usage on this server, while someone here listens:
 * today's sums by project and model (a snapshot plus every delta numbered
 * after it), the deltas since the last tick, and the wallet's latest state.
 */
class OrganizationLive {
  readonly usage = new Set<UsageSubscriber>();
  readonly wallets = new Set<WalletSubscriber>();
  private snapshot: TodaySnapshot | null = null;
  private loading: Promise<void> | null = null;
  /** While a snapshot is read, deltas wait here: applied after it, those it holds skipped by number. */
  private reading = false;
  private buffered: UsageDelta[] = [];
  private today = new Map<string, LiveUsageRow>();
  private pending = new Map<string, LiveUsageRow>();
  private pendingSince = Date.now();
  /** The highest sequence number up to which every delta is applied, and the parts seen of those after it. */
  private applied = 0;
  private partial = new Map<number, { seen: Set<number>; parts: number; firstSeen: number }>();
  private stale = false;
  wallet: WalletType | null = null;
  walletAt = 0;
  walletDirty = false;

  constructor(
    readonly organizationId: string,
    private readonly hub: LiveHub,
    /** Which of the second's USAGE_SLOTS it ticks in. */
    readonly slot: number,
  ) {}

  get idle(): boolean {
    return this.usage.size === 0 && this.wallets.size === 0;
  }

  /** Reads today's snapshot (again), then applies what arrived meanwhile. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      this.reading = true;
      this.buffered = [];
      try {
        const snapshot = await readTodaySnapshot(this.hub.em(), this.organizationId);
        if (!snapshot) return;
        this.snapshot = snapshot;
        this.today = new Map(snapshot.rows.map((r) => [rowKey(r.projectId, r.model), r]));
        this.pending.clear();
        this.pendingSince = Date.now();
        this.applied = snapshot.seq;
        this.partial.clear();
        this.stale = false;
        this.reading = false;
        for (const delta of this.buffered) this.apply(delta);
        this.buffered = [];
        for (const sub of this.usage) sub.channel.push(this.tickFor(sub, true, []));
      } finally {
        this.reading = false;
        this.loading = null;
      }
    })();
    return this.loading;
  }

  get ready(): boolean {
    return this.snapshot !== null && this.loading === null;
  }

  /** A delta from a proxy: applied once (by sequence number and part), only if the snapshot does not hold it. */
  apply(delta: UsageDelta): void {
    if (this.reading || !this.snapshot) {
      if (this.reading) this.buffered.push(delta);
      return;
    }
    if (delta.seq <= this.applied) return;
    const [part, parts] = delta.part;
    let entry = this.partial.get(delta.seq);
    if (!entry) this.partial.set(delta.seq, (entry = { seen: new Set(), parts, firstSeen: Date.now() }));
    if (entry.seen.has(part)) return;
    entry.seen.add(part);
    const { start, end } = this.snapshot.day;
    for (const [projectId, model, minute, requests, errors, inputTokens, cachedInputTokens, outputTokens, reasoningTokens, cost] of delta.rows) {
      if (minute >= end) this.stale = true;
      if (minute < start || minute >= end) continue;
      const figures = { requests, errors, inputTokens, cachedInputTokens, outputTokens, reasoningTokens, cost: BigInt(cost) };
      for (const map of [this.today, this.pending]) {
        const key = rowKey(projectId, model);
        const row = map.get(key);
        if (row) addFigures(row, figures);
        else map.set(key, { projectId, model, ...figures });
      }
    }
    for (let next = this.partial.get(this.applied + 1); next && next.seen.size === next.parts; next = this.partial.get(this.applied + 1)) {
      this.partial.delete(this.applied + 1);
      this.applied++;
    }
  }

  /** Once a second: each subscriber's share of what happened, or a new snapshot when the day ended or a delta was lost. */
  tick(now: number): void {
    if (!this.ready) return;
    const oldestGap = Math.min(...[...this.partial.values()].map((p) => p.firstSeen));
    if (this.stale || now >= this.snapshot!.day.end || now - oldestGap > GAP_TIMEOUT_MS) {
      void this.load().catch((err: Error) => this.hub.logger.warn({ err: err.message, organizationId: this.organizationId }, 'live usage snapshot failed'));
      return;
    }
    if (!this.pending.size) return;
    const pending = [...this.pending.values()];
    this.pending.clear();
    const shared = new Map<string, UsageTick>();
    for (const sub of this.usage) {
      const key = sub.projects ? [...sub.projects].join(',') : '*';
      let message = shared.get(key);
      if (!message) shared.set(key, (message = this.tickFor(sub, false, pending, now)));
      if (message.deltaRows.length) sub.channel.push(message);
    }
    this.pendingSince = now;
  }

  /** A subscriber's message: only the projects they may see. */
  tickFor(sub: Pick<UsageSubscriber, 'projects' | 'projectId'>, snapshot: boolean, delta: LiveUsageRow[], now = Date.now()): UsageTick {
    const visible = (r: LiveUsageRow) => !sub.projects || sub.projects.has(r.projectId);
    const sum = (rows: LiveUsageRow[]) => rows.reduce((total, r) => (addFigures(total, r), total), zeroFigures());
    const deltaRows = delta.filter(visible).map((r) => ({ ...r }));
    const todayRows = [...this.today.values()].filter(visible).map((r) => ({ ...r }));
    return {
      organizationId: this.organizationId,
      projectId: sub.projectId,
      snapshot,
      since: new Date(snapshot ? now : this.pendingSince),
      until: new Date(now),
      delta: sum(deltaRows),
      deltaRows,
      timeZone: this.snapshot!.timeZone,
      day: this.snapshot!.day.date,
      today: sum(todayRows),
      todayRows,
    };
  }
}

/**
 * The server's side of the live dashboards. It hears the proxies' usage deltas
 * and wallet states (live channel) and PostgreSQL's access and invalidation
 * notices, keeps each watched organization's live state in memory, and pushes
 * to its subscribers: usage at most once a second, wallets and quotas at most
 * every 250 ms, newest state first (a slow subscriber's unsent message is
 * merged, never queued). No database query per event per subscriber: a
 * snapshot per organization when first watched, one quota read per moved
 * project per 250 ms, and a re-check of a user's subscriptions when their
 * access changed.
 */
export class LiveHub {
  private readonly organizations = new Map<string, OrganizationLive>();
  /** The organizations by the slot of the second they tick in. */
  private readonly slots = Array.from({ length: USAGE_SLOTS }, () => new Set<OrganizationLive>());
  private slot = 0;
  private readonly quotas = new Map<string, Set<QuotaSubscriber>>();
  private readonly dirtyQuotas = new Set<string>();
  private readonly byUser = new Map<string, Set<Subscriber>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private listener: { close(): Promise<void> } | null = null;
  private readonly alertListeners = new Set<(payload: string | undefined) => void>();

  constructor(
    private readonly orm: MikroORM,
    readonly logger: Logger,
    private readonly readQuota: (projectId: string) => Promise<unknown>,
    private readonly readWallet: (organizationId: string) => Promise<WalletType | null>,
  ) {}

  em() {
    return this.orm.em.fork();
  }

  async start(databaseUrl: string, redisUrl: string | undefined): Promise<void> {
    this.listener = await listenLive(databaseUrl, redisUrl, this.logger, {
      live: (payload) => this.onLive(payload),
      access: (userId) => userId && this.recheckUser(userId),
      invalidation: (payload) => {
        const change = parseChange(payload);
        // Money in, or a wallet (de)activated: read the wallet when no proxy has told us of it lately.
        if (change && (change.table === 'wallet_records' || change.table === 'organizations')) this.refreshWallet(change.id);
        if (change?.table === 'projects') this.markQuota(change.id);
      },
      alert: (payload) => {
        for (const listener of this.alertListeners) listener(payload);
      },
      reset: () => this.reset(),
    });
    this.timers.push(
      setInterval(() => this.usageTick(), USAGE_TICK_MS / USAGE_SLOTS),
      setInterval(() => void this.stateTick(), STATE_TICK_MS),
    );
    for (const t of this.timers) t.unref();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.listener?.close();
    for (const subs of this.byUser.values()) for (const sub of subs) sub.channel.fail(new DomainError(ErrorCode.SHUTTING_DOWN, 'The server is restarting'));
  }

  /** Open subscriptions and watched organizations, for leak checks and metrics. */
  get stats() {
    let subscribers = 0;
    for (const subs of this.byUser.values()) subscribers += subs.size;
    return { subscribers, organizations: this.organizations.size, quotaProjects: this.quotas.size, users: this.byUser.size };
  }

  /** Fired-alert notices (ALERT_CHANNEL) for the alert feed (modules/alerts), heard on the hub's connection; answers the unsubscribe. */
  onAlert(listener: (payload: string | undefined) => void): () => void {
    this.alertListeners.add(listener);
    return () => void this.alertListeners.delete(listener);
  }

  /** Another feed's subscriber, re-checked, expired and ended with the hub's own; answers its removal. */
  track(sub: Subscriber): () => void {
    this.add(sub);
    return () => this.remove(sub, () => undefined);
  }

  async subscribeUsage(
    ctx: Context,
    organizationId: string,
    projectId: string | null,
    projects: ReadonlySet<string> | null,
    recheck: Recheck,
  ): Promise<AsyncIterableIterator<UsageTick>> {
    const org = this.organization(organizationId);
    const channel = new LatestChannel<UsageTick>(() => this.remove(sub, () => org.usage.delete(sub)), mergeTicks);
    const sub: UsageSubscriber = { ...this.identity(ctx), recheck, channel, projects, projectId };
    this.add(sub);
    org.usage.add(sub);
    if (org.ready) channel.push(org.tickFor(sub, true, []));
    else await org.load().catch((err: Error) => channel.fail(err));
    return channel;
  }

  async subscribeWallet(ctx: Context, organizationId: string, recheck: Recheck): Promise<AsyncIterableIterator<WalletType>> {
    const org = this.organization(organizationId);
    const channel = new LatestChannel<WalletType>(() => this.remove(sub, () => org.wallets.delete(sub)));
    const sub: WalletSubscriber = { ...this.identity(ctx), recheck, channel, last: null };
    this.add(sub);
    org.wallets.add(sub);
    await closingOnError(channel, async () => {
      if (!org.wallet) {
        const wallet = await this.readWallet(organizationId);
        // A proxy's state may have arrived while reading: it is newer.
        if (!org.wallet) org.wallet = wallet;
      }
    });
    if (org.wallet) this.pushWallet(sub, org.wallet);
    return channel;
  }

  async subscribeQuota(ctx: Context, projectId: string, recheck: Recheck): Promise<AsyncIterableIterator<unknown>> {
    let subs = this.quotas.get(projectId);
    if (!subs) this.quotas.set(projectId, (subs = new Set()));
    const group = subs;
    const channel = new LatestChannel<unknown>(() =>
      this.remove(sub, () => {
        group.delete(sub);
        if (!group.size) this.quotas.delete(projectId);
      }),
    );
    const sub: QuotaSubscriber = { ...this.identity(ctx), recheck, channel };
    this.add(sub);
    group.add(sub);
    channel.push(await closingOnError(channel, () => this.readQuota(projectId)));
    return channel;
  }

  private identity(ctx: Context): Pick<Subscriber, 'userId' | 'expiresAt'> {
    return { userId: ctx.auth!.userId, expiresAt: ctx.auth!.expiresAt ? ctx.auth!.expiresAt.getTime() : null };
  }

  private organization(id: string): OrganizationLive {
    let org = this.organizations.get(id);
    if (!org) {
      let slot = 0;
      for (let s = 1; s < USAGE_SLOTS; s++) if (this.slots[s]!.size < this.slots[slot]!.size) slot = s;
      this.organizations.set(id, (org = new OrganizationLive(id, this, slot)));
      this.slots[slot]!.add(org);
    }
    return org;
  }

  private add(sub: Subscriber) {
    let subs = this.byUser.get(sub.userId);
    if (!subs) this.byUser.set(sub.userId, (subs = new Set()));
    subs.add(sub);
  }

  private remove(sub: Subscriber, detach: () => void) {
    detach();
    const subs = this.byUser.get(sub.userId);
    subs?.delete(sub);
    if (subs && !subs.size) this.byUser.delete(sub.userId);
    for (const [id, org] of this.organizations) {
      if (!org.idle) continue;
      this.organizations.delete(id);
      this.slots[org.slot]!.delete(org);
    }
  }

  private onLive(payload: string | undefined) {
    const message = parseLiveMessage(payload);
    if (!message) return;
    if (message.kind === 'usage') {
      for (const row of message.rows) if (this.quotas.has(row[0])) this.dirtyQuotas.add(row[0]);
      this.organizations.get(message.organizationId)?.apply(message);
    } else {
      this.onWalletState(message);
    }
  }

  private onWalletState(state: WalletState) {
    const org = this.organizations.get(state.organizationId);
    if (!org?.wallets.size || state.at < org.walletAt) return;
    const base = org.wallet;
    if (!base) return void this.refreshWallet(state.organizationId);
    const available = BigInt(state.available);
    org.wallet = { ...base, balance: BigInt(state.balance), frozenAmount: BigInt(state.frozen), availableAmount: available > 0n ? available : 0n };
    org.walletAt = state.at;
    org.walletDirty = true;
  }

  private refreshWallet(organizationId: string) {
    const org = this.organizations.get(organizationId);
    if (!org?.wallets.size) return;
    const asked = Date.now();
    this.readWallet(organizationId)
      .then((wallet) => {
        // A proxy's state newer than the question wins: it has the calls in flight.
        if (org.walletAt > asked) return;
        org.wallet = wallet;
        org.walletDirty = true;
      })
      .catch((err: Error) => this.logger.warn({ err: err.message, organizationId }, 'live wallet read failed'));
  }

  private markQuota(projectId: string) {
    if (this.quotas.has(projectId)) this.dirtyQuotas.add(projectId);
  }

  private pushWallet(sub: WalletSubscriber, wallet: WalletType) {
    const last = sub.last;
    if (last && last.balance === wallet.balance && last.frozenAmount === wallet.frozenAmount && last.isActive === wallet.isActive) return;
    sub.last = wallet;
    sub.channel.push(wallet);
  }

  /** Every 1/USAGE_SLOTS of a second: the organizations of this slot tick (each once a second); once a second, expired sessions end. */
  private usageTick() {
    const now = Date.now();
    const slot = this.slot;
    this.slot = (slot + 1) % USAGE_SLOTS;
    for (const org of this.slots[slot]!) org.tick(now);
    if (slot !== 0) return;
    for (const subs of [...this.byUser.values()]) {
      for (const sub of subs)
        if (sub.expiresAt !== null && sub.expiresAt <= now) sub.channel.fail(new DomainError(ErrorCode.UNAUTHENTICATED, 'Your session ended: sign in again'));
    }
  }

  private async stateTick() {
    for (const org of this.organizations.values()) {
      if (!org.walletDirty || !org.wallet) continue;
      org.walletDirty = false;
      for (const sub of org.wallets) this.pushWallet(sub, org.wallet);
    }
    const projects = [...this.dirtyQuotas];
    this.dirtyQuotas.clear();
    await Promise.all(
      projects.map(async (projectId) => {
        const subs = this.quotas.get(projectId);
        if (!subs) return;
        try {
          const quota = await this.readQuota(projectId);
          for (const sub of subs) sub.channel.push(quota);
        } catch (err) {
          this.logger.warn({ err: (err as Error).message, projectId }, 'live quota read failed');
        }
      }),
    );
  }

  /** Someone's session, token or memberships changed: each of their subscriptions goes on only if it still may. */
  private recheckUser(userId: string) {
    for (const sub of this.byUser.get(userId) ?? []) this.recheck(sub);
  }

  private recheck(sub: Subscriber) {
    sub
      .recheck()
      // A session or token given a new expiry keeps the subscription until then.
      .then((fresh) => void (sub.expiresAt = this.identity(fresh).expiresAt))
      .catch((error: unknown) => sub.channel.fail(error instanceof DomainError ? error : new DomainError(ErrorCode.FORBIDDEN, 'Not allowed')));
  }

  /** After a reconnect notices may have been missed: every organization's state is read again and every subscriber re-checked. */
  private reset() {
    for (const org of this.organizations.values()) void org.load().catch(() => undefined);
    for (const subs of this.byUser.values()) for (const sub of subs) this.recheck(sub);
  }
}

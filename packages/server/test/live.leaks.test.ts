import { PgLivePublisher, usageDeltaPayloads, type UsageEvent } from '@tollgate/db';
import { formatMoney } from '@tollgate/domain';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveHub } from '../src/modules/live/live-hub';
import { startHarness, type Client } from './support/harness';
import { RawSocket, type WireMessage } from './support/raw-socket';
import { call, usageWriter, type Caller } from './support/usage-events';

/**
 * Subscriptions that cannot leak: after a thousand subscribe/unsubscribe
 * cycles and a thousand dropped connections the hub, the WebSocket server,
 * the HTTP server's listeners and the heap are where they started; and a
 * subscriber that stops reading gets the newest state when it reads again,
 * not a backlog.
 */
const h = await startHarness();
const writer = usageWriter(h.orm);
const publisher = new PgLivePublisher(writer.pool);
const hub = () => h.app.services.live;

/** What a proxy's recorder does with a batch. */
async function record(events: UsageEvent[]) {
  const deltas = await writer.write(events);
  await publisher.publish(deltas.flatMap((d) => usageDeltaPayloads(d.organizationId, d.seq, d.rows)));
}

const TICKS = `subscription($o: ID!) { usageTicks(organizationId: $o) {
  snapshot delta { requests cost } deltaRows { projectId model requests } today { requests cost } todayRows { projectId model requests cost } } }`;
const WALLET = 'subscription($o: ID!) { walletChanged(organizationId: $o) { balance availableAmount } }';
const QUOTA = 'subscription($p: ID!) { quotaChanged(projectId: $p) { projectId dailyUsage { requestCount } } }';

let admin: Client;
let orgId: string;
let projectId: string;
let caller: Caller;
let headers: Record<string, string>;

beforeAll(async () => {
  const user = await h.user();
  const org = await h.organization(user);
  orgId = org.id;
  projectId = (await h.project(org, 'alpha')).id;
  caller = await writer.caller(orgId, projectId, user.id);
  admin = await h.signedIn(user);
  headers = { origin: new URL(h.app.services.config.publicUrl).origin, cookie: admin.cookie! };
  await record([call(caller, new Date())]);
  // walletChanged starts with the wallet: there must be one.
  const operator = await h.signedIn(await h.user({ isOperator: true }));
  await operator.gql('mutation($o: ID!) { creditWallet(organizationId: $o, amount: "10.00", reference: "leaks") { balance } }', { o: orgId });
});

// ---------------------------------------------------------------- what must come back to where it was

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** What stays alive after a full collection (twice: weak callbacks and finalizers free more on the second). */
function liveHeap(): number {
  // The harness keeps every SQL statement for counting queries: not the server's to hold.
  h.queries.length = 0;
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const openConnections = () => new Promise<number>((resolve, reject) => h.app.httpServer.getConnections((err, n) => (err ? reject(err) : resolve(n))));
const listenerCounts = (emitter: NodeJS.EventEmitter) => Object.fromEntries(emitter.eventNames().map((name) => [String(name), emitter.listenerCount(name)]));

/** Everything a subscription or a connection could leave behind, but the heap. */
async function resources() {
  return {
    hub: hub().stats,
    webSockets: h.app.webSockets.clients.size,
    tcpConnections: await openConnections(),
    httpListeners: listenerCounts(h.app.httpServer),
    webSocketServerListeners: listenerCounts(h.app.webSockets),
  };
}
const IDLE_HUB: LiveHub['stats'] = { subscribers: 0, organizations: 0, quotaProjects: 0, users: 0 };

/** Waits until the server has let go of every connection and subscription (a dropped TCP connection takes a moment to notice). */
async function settled(expected: Awaited<ReturnType<typeof resources>>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let now = await resources();
  while (JSON.stringify(now) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = await resources();
  }
  expect(now).toEqual(expected);
}

/**
 * Weak references to the request context of every subscription the hub takes
 * from now on: when the hub, graphql-ws or anything else still holds on to a
 * subscription that ended, its context (which its recheck, graphql-ws's
 * execution arguments and the hub's record all reach) stays reachable.
 */
function trackContexts() {
  const live = hub() as unknown as Record<'subscribeUsage' | 'subscribeWallet' | 'subscribeQuota', (ctx: object, ...rest: unknown[]) => unknown>;
  const refs: Array<WeakRef<object>> = [];
  const originals = { subscribeUsage: live.subscribeUsage, subscribeWallet: live.subscribeWallet, subscribeQuota: live.subscribeQuota };
  for (const [name, original] of Object.entries(originals)) {
    live[name as keyof typeof originals] = (ctx, ...rest) => (refs.push(new WeakRef(ctx)), original.call(live, ctx, ...rest));
  }
  const undo = () => {
    for (const name of Object.keys(originals)) delete live[name as keyof typeof originals];
  };
  cleanups.push(undo);
  return {
    refs,
    /** Stops tracking; answers how many of the tracked contexts are still alive after a full collection. */
    async alive() {
      undo();
      // A WeakRef made in this job holds its target until the job ends.
      await new Promise((resolve) => setImmediate(resolve));
      liveHeap();
      return refs.filter((ref) => ref.deref() !== undefined).length;
    },
  };
}

/** Runs `cycles` times `cycle`, `parallel` at once. */
async function repeat(cycles: number, parallel: number, cycle: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < cycles) await cycle(next++);
    }),
  );
}

const KINDS = [
  { query: TICKS, variables: () => ({ o: orgId }) },
  { query: WALLET, variables: () => ({ o: orgId }) },
  { query: QUOTA, variables: () => ({ p: projectId }) },
];
/** Every socket a test opens, dropped after it (and tracking undone), so a failing test does not fail the next ones. */
const opened: RawSocket[] = [];
const cleanups: Array<() => void> = [];
const open = async () => {
  const socket = await RawSocket.open(h.url, headers);
  opened.push(socket);
  return socket;
};
afterEach(async () => {
  for (const undo of cleanups.splice(0)) undo();
  for (const socket of opened.splice(0)) socket.terminate();
  if (idle) await settled(idle).catch(() => undefined);
});
const firstNext = (id: string) => (m: WireMessage) => m.id === id && m.type === 'next';

/**
 * One subscription on a socket of its own, of each kind in turn, ended as a
 * client may end it: unsubscribed after its first message, or before it
 * (while the server still checks and snapshots); or the TCP connection
 * dropped after the first message, or before it.
 */
async function cycle(i: number, ending: 'complete' | 'terminate', sockets: RawSocket[]) {
  const kind = KINDS[i % KINDS.length]!;
  const early = i % 4 === 3;
  if (ending === 'complete') {
    const socket = sockets[i % sockets.length]!;
    const id = socket.subscribe(kind.query, kind.variables());
    if (!early) await socket.next(firstNext(id));
    socket.complete(id);
    return;
  }
  const socket = await RawSocket.open(h.url, headers);
  const id = socket.subscribe(kind.query, kind.variables());
  if (!early) await socket.next(firstNext(id));
  socket.terminate();
}

/** What one open subscription holds on the heap (about 50 KB), measured first: the unit of the heap bound. */
let perSubscription = 0;
/**
 * The heap growth 1,000 ended subscriptions may leave: 100 open subscriptions' worth (about 5 MB). With nothing
 * leaking, 1,000 cycles move the heap by -2 to +3 MB (JIT code, caches, fragmentation: measured over rounds of 1,000);
 * a leak of every tenth subscription whole, or of the hub's record of every third (its context: about 17 KB), is
 * above it. The contexts' weak references above catch any retained subscription exactly; this catches the rest.
 */
const HEAP_BOUND = () => 100 * perSubscription;
/** The server with no subscription and no connection. */
let idle: Awaited<ReturnType<typeof resources>>;

describe('subscriptions that end leave nothing behind', () => {
  it('measures what an open subscription holds, to bound what a thousand leaked ones would', async () => {
    // The set-up's HTTP requests left keep-alive connections: they are no subscription's.
    h.app.httpServer.closeIdleConnections();
    await settled({ ...(await resources()), tcpConnections: 0 });
    idle = await resources();
    expect(idle.hub).toEqual(IDLE_HUB);
    expect(idle.webSockets).toBe(0);
    const before = liveHeap();
    const sockets = await Promise.all(Array.from({ length: 8 }, () => open()));
    for (const socket of sockets) {
      const ids = Array.from({ length: 25 }, (_, i) => socket.subscribe(KINDS[i % KINDS.length]!.query, KINDS[i % KINDS.length]!.variables()));
      for (const id of ids) await socket.next(firstNext(id));
    }
    expect(hub().stats.subscribers).toBe(200);
    perSubscription = (liveHeap() - before) / 200;
    for (const socket of sockets) socket.close();
    await settled(idle);
    // A subscription holds its request context (an EntityManager fork, its loaders), the hub's and graphql-ws's records.
    expect(perSubscription).toBeGreaterThan(2_000);
  });

  it('1,000 subscribe/unsubscribe cycles on open connections: the hub, sockets, listeners and heap come back', async () => {
    const sockets = await Promise.all(Array.from({ length: 5 }, () => open()));
    // Warm-up: code paths, MikroORM's and graphql-js's caches, pg's statements, V8's feedback.
    await repeat(500, 5, (i) => cycle(i, 'complete', sockets));
    const start = await resources();
    await settled({ ...start, hub: IDLE_HUB });
    const before = liveHeap();
    const contexts = trackContexts();

    await repeat(1_000, 5, (i) => cycle(i, 'complete', sockets));
    await settled({ ...start, hub: IDLE_HUB });
    expect(contexts.refs).toHaveLength(1_000);
    expect(await contexts.alive()).toBe(0);
    expect(liveHeap() - before).toBeLessThan(HEAP_BOUND());
    for (const socket of sockets) socket.close();
    await settled(idle);
  }, 180_000);

  it('1,000 connections dropped without complete or close frame, mid-subscribe or subscribed: all of it comes back', async () => {
    await repeat(100, 10, (i) => cycle(i, 'terminate', []));
    await settled(idle);
    const before = liveHeap();
    const contexts = trackContexts();

    await repeat(1_000, 10, (i) => cycle(i, 'terminate', []));
    await settled(idle);
    // Those dropped before their subscribe reached the server never had one.
    expect(contexts.refs.length).toBeGreaterThan(900);
    expect(await contexts.alive()).toBe(0);
    expect(liveHeap() - before).toBeLessThan(HEAP_BOUND());
  }, 180_000);

  it('a subscribe that fails after the hub took it (the wallet or quota read throws) leaves nothing either', async () => {
    const live = hub() as unknown as Record<'readWallet' | 'readQuota', (id: string) => Promise<unknown>>;
    const { readWallet, readQuota } = live;
    live.readWallet = live.readQuota = () => Promise.reject(new Error('the database went away'));
    cleanups.push(() => Object.assign(live, { readWallet, readQuota }));
    try {
      const socket = await open();
      for (const kind of KINDS.slice(1)) {
        const id = socket.subscribe(kind.query, kind.variables());
        const answer = await socket.next((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
        expect(JSON.stringify(answer.payload)).toContain('INTERNAL');
      }
      expect(hub().stats).toEqual(IDLE_HUB);
      socket.close();
    } finally {
      Object.assign(live, { readWallet, readQuota });
    }
    await settled(idle);
  });
});

describe('a subscriber that stops reading', () => {
  it('gets the newest state when it reads again, not one message per batch', async () => {
    const money = (micros: bigint) => formatMoney(micros);
    const socket = await open();
    const id = socket.subscribe(TICKS, { o: orgId });
    const first = (await socket.next(firstNext(id))).payload.data.usageTicks;

    // It stops reading, and asks for answers far larger than the TCP buffers (20 of 600 KB, 12 MB in all; fewer
    // than GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION, as an answer not yet sent still counts): the server's writes
    // back up, and graphql-ws waits on the socket before it takes the next tick.
    socket.tcp.pause();
    const schema = '__schema { types { name description fields { name description args { name description type { name } } type { name kind } } } }';
    const big = `{ ${Array.from({ length: 8 }, (_, i) => `s${i}: ${schema}`).join(' ')} }`;
    const fillers = Array.from({ length: 20 }, () => socket.subscribe(big));
    const backedUp = Date.now() + 10_000;
    while ([...h.app.webSockets.clients].every((ws) => ws.bufferedAmount < 4 * 2 ** 20) && Date.now() < backedUp) await new Promise((r) => setTimeout(r, 20));
    const stalled = [...h.app.webSockets.clients].find((ws) => ws.bufferedAmount >= 4 * 2 ** 20);
    expect(stalled, 'the server never had 4 MiB waiting on the socket').toBeDefined();

    // Six seconds of batches: six ticks, thirty batches, 300 calls.
    const batches = 30;
    for (let b = 0; b < batches; b++) {
      await record(Array.from({ length: 10 }, () => call(caller, new Date(), { cost: 7n })));
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(stalled!.bufferedAmount, 'the socket drained while paused').toBeGreaterThan(0);

    const resumed = Date.now();
    socket.tcp.resume();
    const total = first.today.requests + batches * 10;
    const last = await socket.next((m) => m.id === id && m.payload?.data?.usageTicks.today.requests === total, 10_000);
    const waited = Date.now() - resumed;
    for (const filler of fillers) await socket.next((m) => m.id === filler && m.type === 'complete');
    // Anything more would have come by now: a tick is due every second.
    await new Promise((r) => setTimeout(r, 1_500));
    const ticks = [last, ...socket.inbox.filter((m) => m.id === id)];

    expect(last.payload.data.usageTicks.today.cost).toBe(money(BigInt(Math.round(Number(first.today.cost) * 1e6)) + BigInt(batches * 10) * 7n));
    // Every call is in exactly one message's delta: merged, none lost or counted twice.
    expect(ticks.reduce((n, m) => n + m.payload.data.usageTicks.delta.requests, 0)).toBe(batches * 10);
    // The tick graphql-ws was writing when the socket backed up, the merge of all the later ones, and at most one
    // tick more (the last batches' own, when the merge was taken before it): a queue would have held one per tick.
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(waited).toBeLessThan(5_000);
    socket.close();
    await settled(idle);
  }, 60_000);
});

/**
 * The subscribers of `pnpm bench:live` (forked by live-bench.ts): one
 * graphql-ws connection each, with a session cookie (and the server's Origin,
 * as the SPA) or a BI token, spoken with the bare `ws` client to keep this
 * side light. For every message it works out which calls it brings for the
 * first time (today's request count moved past a batch's, as the driver told
 * us when each batch committed) and counts, per call, the delay from that
 * commit to the message's arrival.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { HISTOGRAM_MS, type FromClients, type SubscriberSpec, type ToClients } from './live-bench-shared';

const SPA = `subscription($o: ID!, $p: ID) { usageTicks(organizationId: $o, projectId: $p) {
  organizationId projectId snapshot until day timeZone today { requests errors cost } } }`;
const BI = `subscription($o: ID!, $p: ID) { usageTicks(organizationId: $o, projectId: $p) {
  organizationId projectId snapshot since until day timeZone
  delta { requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  deltaRows { projectId model requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  today { requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost }
  todayRows { projectId model requests errors inputTokens cachedInputTokens outputTokens reasoningTokens cost } } }`;
const OPENING_AT_ONCE = 100;

interface Commit {
  total: number;
  at: number;
}
/** What one subscriber sees the totals of: an organization, or one of its projects. */
interface Scope {
  commits: Commit[];
  /** Messages ahead of the commits we know of (the driver's note still on its way). */
  waiting: Array<{ sub: Subscriber; total: number; arrival: number; measured: boolean }>;
}
interface Subscriber {
  spec: SubscriberSpec;
  ws: WebSocket;
  /** Today's requests in the last message: the calls it has seen. */
  seen: number | null;
}

let url = '';
let origin = '';
/** By organization, then scope + 1 (0: the organization, 1 + i: its project i). */
let scopes: Scope[][] = [];
const subscribers: Subscriber[] = [];
let histogram = new Float64Array(HISTOGRAM_MS + 1);
let samples = 0;
let messages = 0;
let unmatched = 0;
let failed = 0;
let measuring = false;
let measuredFrom = { at: 0, cpu: process.cpuUsage() };
const errors: string[] = [];
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const send = (message: FromClients) => process.send!(message);

/** The calls in (sub.seen, total]: each one's delay from its commit to `arrival`. */
function account(sub: Subscriber, total: number, arrival: number, measured: boolean) {
  const scope = scopes[sub.spec.organization]![sub.spec.scope + 1]!;
  const seen = sub.seen!;
  if (total <= seen) return void (sub.seen = total);
  const { commits } = scope;
  const known = commits.length ? commits[commits.length - 1]!.total : 0;
  if (total > known) return void scope.waiting.push({ sub, total, arrival, measured });
  // The first commit past what the subscriber had seen.
  let lo = 0;
  let hi = commits.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (commits[mid]!.total > seen) hi = mid;
    else lo = mid + 1;
  }
  let matched = false;
  for (let i = lo, from = seen; i < commits.length && from < total; i++) {
    const commit = commits[i]!;
    const to = Math.min(total, commit.total);
    if (measured) {
      histogram[Math.min(HISTOGRAM_MS, Math.max(0, arrival - commit.at))]! += to - from;
      samples += to - from;
    }
    if (commit.total === total) matched = true;
    from = to;
  }
  if (!matched) unmatched++;
  sub.seen = total;
}

function open(spec: SubscriberSpec): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = spec.cookie ? { origin, cookie: spec.cookie } : {};
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    const sub: Subscriber = { spec, ws, seen: null };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    const fail = (why: string) => {
      if (errors.length < 5) errors.push(why);
      failed++;
      settle();
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: spec.bearer ? { authorization: `Bearer ${spec.bearer}` } : {} })));
    ws.on('message', (data) => {
      const arrival = Date.now();
      const message = JSON.parse(String(data)) as { type: string; payload?: any };
      if (message.type === 'next') {
        const tick = message.payload?.data?.usageTicks;
        if (!tick) return fail(JSON.stringify(message.payload).slice(0, 300));
        messages++;
        const total = tick.today.requests as number;
        if (sub.seen === null) {
          sub.seen = total;
          subscribers.push(sub);
          settle();
        } else account(sub, total, arrival, measuring);
      } else if (message.type === 'connection_ack') {
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: spec.document === 'bi' ? BI : SPA, variables: { o: spec.organizationId, p: spec.projectId } },
          }),
        );
      } else if (message.type === 'error' || message.type === 'complete') {
        fail(JSON.stringify(message).slice(0, 300));
      }
    });
    ws.on('error', (err) => fail(err.message));
    ws.on('close', (code) => settled || fail(`closed ${code}`));
  });
}

async function add(specs: SubscriberSpec[]) {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: OPENING_AT_ONCE }, async () => {
      while (next < specs.length) await open(specs[next++]!);
    }),
  );
  send({ type: 'added', open: subscribers.length, failed, ms: Date.now() - started, errors: errors.splice(0) });
}

process.on('message', (message: ToClients) => {
  switch (message.type) {
    case 'start':
      url = message.url;
      origin = message.origin;
      scopes = Array.from({ length: message.organizations }, () => Array.from({ length: message.projects + 1 }, () => ({ commits: [], waiting: [] })));
      break;
    case 'add':
      void add(message.subscribers);
      break;
    case 'commit':
      for (const [organization, index, total] of message.totals) {
        const scope = scopes[organization]![index + 1]!;
        scope.commits.push({ total, at: message.at });
        if (scope.waiting.length) {
          const waiting = scope.waiting.splice(0);
          for (const w of waiting) account(w.sub, w.total, w.arrival, w.measured);
        }
      }
      break;
    case 'measure':
      if (message.on) {
        histogram = new Float64Array(HISTOGRAM_MS + 1);
        samples = 0;
        messages = 0;
        unmatched = 0;
        loop.reset();
        measuredFrom = { at: Date.now(), cpu: process.cpuUsage() };
      }
      measuring = message.on;
      if (!message.on) {
        send({
          type: 'report',
          histogram: [...histogram],
          samples,
          messages,
          cpu: process.cpuUsage(measuredFrom.cpu),
          wallMs: Date.now() - measuredFrom.at,
          loopP99Ms: loop.percentile(99) / 1e6,
          open: subscribers.filter((s) => s.ws.readyState === WebSocket.OPEN).length,
          failed,
          unmatched,
        });
      }
      break;
    case 'stop':
      for (const sub of subscribers) sub.ws.terminate();
      send({ type: 'stopped' });
      setTimeout(() => process.exit(0), 100);
      break;
  }
});
process.on('disconnect', () => process.exit(0));

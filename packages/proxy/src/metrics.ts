import { bearerTokenMatches } from '@tollgate/db';
import { collectDefaultMetrics, Registry, type Metric } from 'prom-client';
import type { Call } from './call/call';
import { ENDPOINTS, type Endpoint } from './call/request';
import type { KeyContext } from './keys';

/*
 * The proxy's Prometheus metrics (GET /metrics), named as Kong's and Envoy's
 * operators know them. The hot path does not go through prom-client's label
 * children: each of their updates hashes a label object again (one call's
 * request, four token kinds and two histograms took about 3.6 µs together,
 * measured on this machine, against 0.1 µs for plain numbers). A call bumps
 * plain numbers in a series found with two map lookups by strings the
 * catalog and key cache already hold; a scrape turns them into samples that
 * prom-client's registry formats, beside its process metrics.
 */

/** Upper bounds of the latency buckets, in seconds: what the proxy adds is sub-millisecond, what the upstream takes is up to minutes. */
const ADDED_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const UPSTREAM_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
export const TOKEN_KINDS = ['input', 'cached_input', 'output', 'reasoning'] as const;
export type LimitStoreOperation = 'reserve' | 'settle';
export type DatabaseOperation = 'usage_write' | 'key_lookup' | 'catalog_reload' | 'response_lookup' | 'connection';
const LIMIT_STORE_OPERATIONS: readonly LimitStoreOperation[] = ['reserve', 'settle'];
const DATABASE_OPERATIONS: readonly DatabaseOperation[] = ['usage_write', 'key_lookup', 'catalog_reload', 'response_lookup', 'connection'];

/** Where the failures of the proxy's stores are counted (the limiter and the recorder take it; tests may leave it out). */
export interface ErrorCounts {
  limitStore(operation: LimitStoreOperation): void;
  database(operation: DatabaseOperation): void;
}
export const UNCOUNTED: ErrorCounts = { limitStore: () => undefined, database: () => undefined };

/** A histogram's buckets as plain numbers: `counts[i]` observations at most `bounds[i]` (and above the last, +Inf), not yet cumulative. */
class Cells {
  readonly counts: Float64Array;
  sum = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }
  observe(seconds: number) {
    const { bounds } = this;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]!) i++;
    this.counts[i]!++;
    this.sum += seconds;
  }
  get count() {
    let n = 0;
    for (const c of this.counts) n += c;
    return n;
  }
}

/** The counters of one route and model, and, with tenant labels, one project. */
class Counts {
  readonly requests = new Float64Array(STATUS_CLASSES.length);
  readonly tokens = new Float64Array(TOKEN_KINDS.length);
  costMicros = 0;
  readonly refusals = new Map<string, number>();
  constructor(
    readonly organization: string,
    readonly project: string,
  ) {}
  refused(code: string) {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }
}

/** One route and model: its latency histograms (never by tenant: buckets times projects would be too many series) and its counters. */
class ModelSeries {
  readonly added = new Cells(ADDED_BUCKETS);
  readonly upstream = new Cells(UPSTREAM_BUCKETS);
  readonly ttft = new Cells(UPSTREAM_BUCKETS);
  private readonly own = new Counts('', '');
  /** By project id, when tenant labels are on. */
  readonly tenants: Map<string, Counts> | null;
  constructor(
    readonly route: string,
    readonly model: string,
    tenantLabels: boolean,
  ) {
    this.tenants = tenantLabels ? new Map() : null;
  }
  countsFor(key: KeyContext | null): Counts {
    if (!this.tenants || !key) return this.own;
    let counts = this.tenants.get(key.projectId);
    if (!counts) this.tenants.set(key.projectId, (counts = new Counts(key.organizationId, key.projectId)));
    return counts;
  }
  *allCounts(): Iterable<Counts> {
    yield this.own;
    if (this.tenants) yield* this.tenants.values();
  }
}

/** One route label: its series by model (the catalog's model name, or '' when the call named none the key may use). */
export class RouteSeries {
  readonly models = new Map<string, ModelSeries>();
  constructor(
    readonly route: string,
    private readonly tenantLabels: boolean,
  ) {}
  model(name: string): ModelSeries {
    let series = this.models.get(name);
    if (!series) this.models.set(name, (series = new ModelSeries(this.route, name, this.tenantLabels)));
    return series;
  }
}

/** The proxy's API routes as labelled: the metered endpoints and models list by path, stored answers by their template, anything else as `other`. */
export const ROUTE_LABELS = [...Object.keys(ENDPOINTS), '/v1/models', '/v1/responses/{id}', 'other'] as const;

const statusClass = (status: number) => Math.min(4, Math.max(0, Math.floor(status / 100) - 1));

type Sample = { value: number; labels: Record<string, string | number>; metricName?: string };

/** A metric prom-client's registry formats: it reads every metric through `get()`. */
class Exported {
  readonly aggregator = 'sum';
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
    private readonly read: () => Sample[],
  ) {}
  async get() {
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values: this.read() };
  }
}

/** Default process metrics once per process (GC observers and the event-loop monitor cannot be stopped, so never one per proxy). */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface ProxyMetricsOptions {
  /** Adds organization and project labels to the counters (METRICS_TENANT_LABELS): one series per project and model. */
  tenantLabels: boolean;
  /** Usage events waiting to be written, read at scrape time. */
  usageBufferEvents: () => number;
  /** METRICS_TOKEN: when set, a scrape must bring it as a bearer token. */
  token: string | null;
}

export class ProxyMetrics implements ErrorCounts {
  private readonly registry = new Registry();
  private readonly routes = new Map<string, RouteSeries>();
  private readonly byEndpoint: Record<Endpoint, RouteSeries>;
  private readonly limitStoreErrors = new Float64Array(LIMIT_STORE_OPERATIONS.length);
  private readonly databaseErrors = new Float64Array(DATABASE_OPERATIONS.length);
  private readonly tenantLabels: boolean;

  constructor(private readonly options: ProxyMetricsOptions) {
    this.tenantLabels = options.tenantLabels;
    for (const route of ROUTE_LABELS) this.routes.set(route, new RouteSeries(route, this.tenantLabels));
    this.byEndpoint = Object.fromEntries(Object.entries(ENDPOINTS).map(([path, { endpoint }]) => [endpoint, this.routes.get(path)!])) as Record<
      Endpoint,
      RouteSeries
    >;
    const tenant = (c: Counts): Record<string, string> => (this.tenantLabels ? { organization: c.organization, project: c.project } : {});
    const counters = (each: (s: ModelSeries, c: Counts, out: Sample[]) => void) => () => {
      const out: Sample[] = [];
      for (const route of this.routes.values()) for (const series of route.models.values()) for (const c of series.allCounts()) each(series, c, out);
      return out;
    };
    const histogram = (name: string, help: string, cells: (s: ModelSeries) => Cells) =>
      new Exported(name, help, 'histogram', () => {
        const out: Sample[] = [];
        for (const route of this.routes.values())
          for (const series of route.models.values()) {
            const h = cells(series);
            const count = h.count;
            if (!count) continue;
            const labels = { route: series.route, model: series.model };
            let cumulative = 0;
            h.bounds.forEach((le, i) => {
              cumulative += h.counts[i]!;
              out.push({ metricName: `${name}_bucket`, labels: { ...labels, le }, value: cumulative });
            });
            out.push({ metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count });
            out.push({ metricName: `${name}_sum`, labels, value: h.sum });
            out.push({ metricName: `${name}_count`, labels, value: count });
          }
        return out;
      });
    const metrics = [
      new Exported(
        'tollgate_proxy_requests_total',
        'Answers on the OpenAI-compatible routes, by route, model and status class (and, with METRICS_TENANT_LABELS, organization and project).',
        'counter',
        counters((s, c, out) =>
          c.requests.forEach((n, i) => n && out.push({ labels: { route: s.route, model: s.model, status_class: STATUS_CLASSES[i]!, ...tenant(c) }, value: n })),
        ),
      ),
      histogram(
        'tollgate_proxy_added_latency_seconds',
        "Time the proxy added to a metered call: its whole time less the upstream's (from sending the request to its last byte).",
        (s) => s.added,
      ),
      histogram(
        'tollgate_proxy_upstream_latency_seconds',
        "Time a forwarded call spent on the upstream: from sending the request to the answer's last byte.",
        (s) => s.upstream,
      ),
      histogram('tollgate_proxy_time_to_first_token_seconds', 'Streamed calls: from the request to the first event relayed to the client.', (s) => s.ttft),
      new Exported(
        'tollgate_proxy_tokens_total',
        'Tokens metered (as in the request log), by kind: input (cached included), cached_input, output (reasoning included), reasoning.',
        'counter',
        counters((s, c, out) => c.tokens.forEach((n, i) => n && out.push({ labels: { model: s.model, kind: TOKEN_KINDS[i]!, ...tenant(c) }, value: n }))),
      ),
      new Exported(
        'tollgate_proxy_cost_micros_total',
        'Cost of the metered calls in micro-units of the currency (as in the request log).',
        'counter',
        counters((s, c, out) => c.costMicros && out.push({ labels: { model: s.model, ...tenant(c) }, value: c.costMicros })),
      ),
      new Exported(
        'tollgate_proxy_refusals_total',
        "Calls the proxy answered with its own error, by the error's code (a limit's or the wallet's code included).",
        'counter',
        () => {
          const sums = new Map<string, Sample>();
          for (const route of this.routes.values())
            for (const series of route.models.values())
              for (const c of series.allCounts())
                for (const [code, n] of c.refusals) {
                  const id = `${code}\n${c.project}`;
                  const sample = sums.get(id) ?? sums.set(id, { labels: { code, ...tenant(c) }, value: 0 }).get(id)!;
                  sample.value += n;
                }
          return [...sums.values()];
        },
      ),
      new Exported('tollgate_proxy_limit_store_errors_total', 'Limit store operations that failed (the store unreachable or too slow).', 'counter', () =>
        LIMIT_STORE_OPERATIONS.map((operation, i) => ({ labels: { operation }, value: this.limitStoreErrors[i]! })),
      ),
      new Exported('tollgate_proxy_database_errors_total', 'PostgreSQL operations of the proxy that failed.', 'counter', () =>
        DATABASE_OPERATIONS.map((operation, i) => ({ labels: { operation }, value: this.databaseErrors[i]! })),
      ),
      new Exported('tollgate_proxy_usage_buffer_events', 'Usage events waiting to be written to PostgreSQL (USAGE_BUFFER_MAX refuses calls).', 'gauge', () => [
        { labels: {}, value: this.options.usageBufferEvents() },
      ]),
    ];
    // prom-client's registry needs only what Exported has (name, type, get()); its Metric type lists every method of its own classes.
    for (const metric of metrics) this.registry.registerMetric(metric as unknown as Metric);
  }

  /** The series of a route label (`other` for anything not listed). */
  route(label: string): RouteSeries {
    return this.routes.get(label) ?? this.routes.get('other')!;
  }

  /**
   * One metered call, counted where its usage event is recorded (so these
   * counts are the request log's): its answer, tokens, cost, refusal code
   * and latencies. `now` is when it was recorded (performance.now()).
   */
  called(call: Call, cost: bigint, now: number): void {
    const series = this.byEndpoint[call.endpoint].model(call.route ? call.route.name : '');
    const counts = series.countsFor(call.key);
    counts.requests[statusClass(call.status)]!++;
    const usage = call.usage;
    if (usage) {
      counts.tokens[0]! += usage.inputTokens;
      counts.tokens[1]! += usage.cachedInputTokens;
      counts.tokens[2]! += usage.outputTokens;
      counts.tokens[3]! += usage.reasoningTokens;
    }
    if (cost) counts.costMicros += Number(cost);
    if (call.refused && call.errorCode) counts.refused(call.errorCode);
    const total = (now - call.started) / 1000;
    if (call.forwardedAt) {
      const upstream = ((call.upstreamEndedAt || now) - call.forwardedAt) / 1000;
      series.upstream.observe(upstream);
      series.added.observe(Math.max(0, total - upstream));
    } else series.added.observe(total);
    if (call.firstEventAt) series.ttft.observe((call.firstEventAt - call.started) / 1000);
  }

  /** An answer outside the call pipeline (the router's refusals, the models list, stored answers): its status and, for a refusal, its code. */
  answered(route: RouteSeries, status: number, refusalCode: string | null, key: KeyContext | null): void {
    const counts = route.model('').countsFor(key);
    counts.requests[statusClass(status)]!++;
    if (refusalCode) counts.refused(refusalCode);
  }

  limitStore(operation: LimitStoreOperation): void {
    this.limitStoreErrors[LIMIT_STORE_OPERATIONS.indexOf(operation)]!++;
  }

  database(operation: DatabaseOperation): void {
    this.databaseErrors[DATABASE_OPERATIONS.indexOf(operation)]!++;
  }

  readonly contentType = this.registry.contentType;

  /** Whether a scrape with this Authorization header may read the metrics. */
  authorized(authorization: string | undefined): boolean {
    return this.options.token === null || bearerTokenMatches(authorization, this.options.token);
  }

  /** The exposition: the process's default metrics, then the proxy's. */
  async scrape(): Promise<string> {
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }
}

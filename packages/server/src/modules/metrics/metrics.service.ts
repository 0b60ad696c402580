import { bearerTokenMatches, OutboxMessage, OutboxStatus, type MikroORM } from '@tollgate/db';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Logger } from '../../logger';

/** What the server's gauges read at scrape time. */
export interface MetricSources {
  /** Outbox messages waiting to be delivered (a query: it may fail or hang while the database is down). */
  outboxPending(): Promise<number>;
  /** Open GraphQL subscriptions (the live hub's count). */
  openSubscriptions(): number;
}

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/** How long a scrape waits for the outbox count before it answers without it. */
const READ_TIMEOUT_MS = 2_000;
const OUTBOX_PENDING = 'tollgate_server_outbox_pending';

/** The outbox's pending messages: an index-only count on (status, next_attempt_at). */
export const pendingOutboxMessages = (orm: MikroORM) => () => orm.em.fork().count(OutboxMessage, { status: OutboxStatus.PENDING });

/** Default process metrics once per process (GC observers and the event-loop monitor cannot be stopped, so never one per app). */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The server's Prometheus metrics (GET /metrics): GraphQL operations by type
 * and outcome, over HTTP and WebSocket alike; the outbox's depth and the open
 * subscriptions, read when scraped; the process's default metrics. A scrape
 * always answers: a gauge whose read fails (the database down) is left out
 * of that scrape, counted and logged.
 */
export class ServerMetrics {
  private readonly registry = new Registry();
  private readonly operations = new Counter({
    name: 'tollgate_server_graphql_operations_total',
    help: 'GraphQL operations answered, over HTTP and WebSocket, by type (unknown: refused before its document was read) and status (error: any error in the answer).',
    labelNames: ['type', 'status'] as const,
    registers: [this.registry],
  });
  private readonly outbox = new Gauge({
    name: OUTBOX_PENDING,
    help: 'Outbox messages (mail, SMS, webhooks) waiting to be delivered.',
    registers: [this.registry],
  });
  private readonly readErrors = new Counter({
    name: 'tollgate_server_scrape_errors_total',
    help: 'Gauges left out of a scrape because their read failed or took over 2 s, by gauge.',
    labelNames: ['gauge'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly sources: MetricSources,
    private readonly logger: Logger,
    private readonly token: string | null,
  ) {
    new Gauge({
      name: 'tollgate_server_open_subscriptions',
      help: 'GraphQL subscriptions open on this server.',
      registers: [this.registry],
      collect() {
        this.set(sources.openSubscriptions());
      },
    });
    for (const type of ['query', 'mutation', 'subscription', 'unknown'] as const)
      for (const status of ['ok', 'error'] as const) this.operations.inc({ type, status }, 0);
    this.readErrors.inc({ gauge: OUTBOX_PENDING }, 0);
  }

  /** One GraphQL operation answered (a subscription: once, when it starts or is refused). */
  operation(type: OperationType, failed: boolean): void {
    this.operations.inc({ type, status: failed ? 'error' : 'ok' });
  }

  /** Whether a scrape with this Authorization header may read the metrics (METRICS_TOKEN, when set). */
  authorized(authorization: string | undefined): boolean {
    return this.token === null || bearerTokenMatches(authorization, this.token);
  }

  readonly contentType = this.registry.contentType;

  /** The exposition: the process's default metrics, then the server's; without the outbox gauge when the database does not answer in time. */
  async scrape(): Promise<string> {
    const pending = await this.readOutbox();
    if (pending === null) this.registry.removeSingleMetric(OUTBOX_PENDING);
    else {
      if (!this.registry.getSingleMetric(OUTBOX_PENDING)) this.registry.registerMetric(this.outbox);
      this.outbox.set(pending);
    }
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }

  private async readOutbox(): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.sources.outboxPending(), timeout]);
    } catch (err) {
      this.readErrors.inc({ gauge: OUTBOX_PENDING });
      this.logger.warn({ err: (err as Error).message, gauge: OUTBOX_PENDING }, 'metrics: gauge left out of the scrape');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

import {
  emQueryable,
  OUTBOX_CHANNEL,
  OutboxChannel,
  OutboxMessage,
  OutboxStatus,
  PgListener,
  type CredentialCipher,
  type EntityManager,
  type MikroORM,
  type Queryable,
} from '@tollgate/db';
import { webhookRetryDelay } from '@tollgate/domain';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createMailer, type Mailer, type MailMessage } from '../mail/mailer';
import { OutgoingError, OutgoingHttp } from './outgoing';
import { createSmsSender, type SmsSender } from './sms';
import { WebhookSender, type EndpointSecrets } from './webhook';

const BATCH = 50;
/** Deliveries under way at once per server: a backlog is worked through, not opened as thousands of sockets. */
const MAX_IN_FLIGHT = 100;
/** Mail and SMS: 2, 4, … 128 s apart, then FAILED. Webhooks follow their own schedule. */
const MAX_ATTEMPTS = 8;
/** The fallback when a notice is missed (the LISTEN connection was down); retries due sooner are woken by a timer. */
const POLL_MS = 5_000;
/**
 * A claimed row is not due again for this long: the server that claimed it
 * delivers it meanwhile (a webhook gives up after 15 s). If that server dies,
 * another one retries the row after the lease: at least once, which is why
 * webhooks carry a stable webhook-id.
 */
const LEASE = '5 minutes';

/** Queues a mail in the caller's unit of work: it commits, and is sent, only with the change that caused it. */
export function enqueueMail(em: EntityManager, message: MailMessage): OutboxMessage {
  return em.create(OutboxMessage, { to: message.to, subject: message.subject, text: message.text });
}

export interface DeliveryChannels {
  mailer: Mailer;
  sms: SmsSender;
  webhooks: WebhookSender;
  /** Closed with the dispatcher. */
  http: OutgoingHttp;
}

export interface DispatcherOptions {
  /** Where to LISTEN for `tollgate_outbox`, the notice alerts send at commit. */
  databaseUrl: string;
  webhookRetryDelaysMs: readonly number[];
  webhookDisableAfterMs: number;
}

/** A claimed row, with its endpoint as it is now (a later URL or secret applies to retries). */
interface Claimed {
  id: string;
  channel: OutboxChannel;
  to: string;
  subject: string;
  text: string | null;
  payload: Record<string, unknown> | null;
  attempts: number;
  organization_id: string | null;
  webhook_endpoint_id: string | null;
  endpoint_found: boolean;
  endpoint_url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  custom_headers: string | null;
  disabled_at: Date | null;
}

interface Outcome {
  status: OutboxStatus;
  /** Failed attempts to add. */
  failed: 0 | 1;
  error: string | null;
  /** Failed and not given up: tried again after this. */
  retryInMs: number | null;
  /** Erase the body (mail sent over SMTP: it may hold a live invitation link). */
  erase: boolean;
}

/** The dispatcher for a server's configuration: SMTP or the log, the SMS provider, webhooks through the SSRF guard. */
export function createOutboxDispatcher(config: Config, orm: MikroORM, logger: Logger, credentials: CredentialCipher | null): OutboxDispatcher {
  const { delivery } = config;
  const http = new OutgoingHttp({ allowedHosts: delivery.allowedHosts, timeoutMs: delivery.timeoutMs });
  return new OutboxDispatcher(
    orm,
    {
      mailer: createMailer(config.mail, logger),
      sms: createSmsSender(delivery.sms, http, logger, delivery.timeoutMs),
      webhooks: new WebhookSender(http, credentials),
      http,
    },
    logger,
    {
      databaseUrl: config.databaseUrl ?? orm.config.getClientUrl(),
      webhookRetryDelaysMs: delivery.webhookRetryDelaysMs,
      webhookDisableAfterMs: delivery.webhookDisableAfterMs,
    },
  );
}

/**
 * Delivers the outbox: mail, SMS and signed webhooks. Woken at once by the
 * `tollgate_outbox` notice that alerts send at commit (LISTEN), by `kick()`
 * after other writes, by a timer when a retry falls due, and by a poll in
 * case a notice was missed. Rows are claimed with SKIP LOCKED and leased, so
 * several server instances share the work without sending a message twice,
 * and a slow endpoint holds neither a transaction nor the messages claimed
 * after it. Every attempt is logged in outbox_attempts.
 */
export class OutboxDispatcher {
  /** The claim phase of the latest round: the next round claims after it, so each sees every row committed before its kick. */
  private claiming: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private poll: NodeJS.Timeout | null = null;
  private wake: { at: number; timer: NodeJS.Timeout } | null = null;
  private listener: PgListener | null = null;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly channels: DeliveryChannels,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {}

  async start() {
    this.listener = new PgListener(this.options.databaseUrl, this.logger, () => void this.kick(), [OUTBOX_CHANNEL]);
    // After a reconnect, notices sent while it was down are lost: look at once.
    await this.listener.connect((reconnected) => reconnected && void this.kick());
    this.poll = setInterval(() => void this.kick(), POLL_MS);
    this.poll.unref();
    void this.kick();
  }

  /**
   * Asks for a delivery round that claims after this call, so it sees every
   * message committed before it; resolves once each of them has had its
   * attempt (those claimed by an earlier round included). Kicks during a
   * claim share the one round queued behind it; a round does not wait for
   * the deliveries of the one before to claim.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.queued ??= this.claiming.then(() => {
      this.queued = null;
      const deliveries: Promise<void>[] = [...this.inFlight];
      const claimed = this.claimAll(deliveries).catch((err) => this.logger.error({ err }, 'outbox claim failed'));
      this.claiming = claimed;
      return claimed.then(() => Promise.all(deliveries)).then(() => undefined);
    });
    return this.queued;
  }

  async stop() {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.wake) clearTimeout(this.wake.timer);
    await this.listener?.close();
    await (this.queued ?? this.claiming);
    await Promise.all(this.inFlight);
    this.channels.mailer.close();
    this.channels.sms.close();
    this.channels.http.close();
  }

  private async claimAll(deliveries: Promise<void>[]) {
    for (;;) {
      const room = Math.min(BATCH, MAX_IN_FLIGHT - this.inFlight.size);
      if (room <= 0) {
        await Promise.race(this.inFlight);
        continue;
      }
      const batch = await this.claim(room);
      for (const message of batch) {
        const delivery = this.deliver(message).catch((err) => this.logger.error({ err, messageId: message.id }, 'outbox delivery failed'));
        this.inFlight.add(delivery);
        void delivery.finally(() => this.inFlight.delete(delivery));
        deliveries.push(delivery);
      }
      if (batch.length < room) return;
    }
  }

  private db(): Queryable {
    return emQueryable(this.orm.em.fork() as EntityManager);
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const { rows } = await this.db().query<
      Omit<Claimed, 'previous_secret_expires_at' | 'disabled_at'> & Record<'previous_secret_expires_at' | 'disabled_at', string | null>
    >(
      `with claimed as (
         update outbox_messages m set next_attempt_at = now() + interval '${LEASE}'
          where m.id in (select id from outbox_messages where status = 'PENDING' and next_attempt_at <= now()
                          order by next_attempt_at, created_at limit $1 for update skip locked)
         returning m.*)
       select c.id, c.channel, c."to", c.subject, c.text, c.payload, c.attempts, c.organization_id, c.webhook_endpoint_id,
              e.id is not null as endpoint_found, e.url as endpoint_url, e.secret, e.previous_secret, e.previous_secret_expires_at,
              e.custom_headers, e.disabled_at
         from claimed c left join webhook_endpoints e on e.id = c.webhook_endpoint_id
        order by c.created_at`,
      [limit],
    );
    // Raw rows through MikroORM carry timestamps as text.
    return rows.map((row) => ({ ...row, previous_secret_expires_at: toDate(row.previous_secret_expires_at), disabled_at: toDate(row.disabled_at) }));
  }

  private async deliver(message: Claimed) {
    if (message.channel === OutboxChannel.WEBHOOK && (!message.endpoint_found || message.disabled_at)) {
      // No attempt is made, so none is logged.
      const error = message.disabled_at
        ? `not sent: the webhook endpoint was disabled at ${message.disabled_at.toISOString()}`
        : 'not sent: the webhook endpoint was deleted';
      await this.record(message, null, { status: OutboxStatus.FAILED, failed: 0, error, retryInMs: null, erase: false });
      return;
    }
    const at = new Date();
    const started = performance.now();
    let outcome: Outcome;
    let statusCode: number | null = null;
    try {
      statusCode = (await this.send(message, at)).statusCode;
      const status = this.deliveredStatus(message.channel);
      outcome = { status, failed: 0, error: null, retryInMs: null, erase: message.channel === OutboxChannel.EMAIL && status === OutboxStatus.SENT };
    } catch (err) {
      statusCode = err instanceof OutgoingError ? err.statusCode : null;
      const failures = message.attempts + 1;
      const retryInMs =
        message.channel === OutboxChannel.WEBHOOK
          ? webhookRetryDelay(failures, this.options.webhookRetryDelaysMs)
          : failures >= MAX_ATTEMPTS
            ? null
            : 2 ** failures * 1000;
      const error = ((err as Error).message || String(err)).slice(0, 1000);
      outcome = { status: retryInMs === null ? OutboxStatus.FAILED : OutboxStatus.PENDING, failed: 1, error, retryInMs, erase: false };
      this.logger.warn({ channel: message.channel, to: message.to, attempts: failures, err: error }, `${message.channel.toLowerCase()} delivery failed`);
    }
    const latencyMs = Math.round(performance.now() - started);
    await this.record(message, { at, statusCode, latencyMs }, outcome);
    if (message.channel === OutboxChannel.WEBHOOK) await this.endpointAfter(message.webhook_endpoint_id!, at, outcome.error);
    if (outcome.retryInMs !== null) this.wakeIn(outcome.retryInMs);
  }

  private send(message: Claimed, at: Date): Promise<{ statusCode: number | null }> {
    switch (message.channel) {
      case OutboxChannel.EMAIL:
        return this.channels.mailer.send({ to: message.to, subject: message.subject, text: message.text ?? '' }).then(() => ({ statusCode: null }));
      case OutboxChannel.SMS:
        return this.channels.sms.send({ to: message.to, text: message.text ?? message.subject });
      case OutboxChannel.WEBHOOK: {
        const endpoint: EndpointSecrets = {
          url: message.endpoint_url!,
          secret: message.secret!,
          previousSecret: message.previous_secret,
          previousSecretExpiresAt: message.previous_secret_expires_at,
          customHeaders: message.custom_headers,
        };
        return this.channels.webhooks.send(message.id, message.payload ?? {}, endpoint, at);
      }
    }
  }

  private deliveredStatus(channel: OutboxChannel): OutboxStatus {
    if (channel === OutboxChannel.EMAIL) return this.channels.mailer.deliveredStatus;
    if (channel === OutboxChannel.SMS) return this.channels.sms.deliveredStatus;
    return OutboxStatus.SENT;
  }

  /** The attempt's log line and the message's new state, in one statement. */
  private async record(message: Claimed, attempt: { at: Date; statusCode: number | null; latencyMs: number } | null, o: Outcome) {
    const delivered = o.status === OutboxStatus.SENT || o.status === OutboxStatus.LOGGED;
    const update = `update outbox_messages set status = $2::outbox_status, attempts = attempts + $3::int, last_error = $4::text,
              sent_at = case when $5::boolean then now() else sent_at end,
              next_attempt_at = case when $6::float8 is null then next_attempt_at else now() + make_interval(secs => $6::float8 / 1000) end,
              text = case when $7::boolean then null else text end
        where id = $1`;
    const params = [message.id, o.status, o.failed, o.error, delivered, o.retryInMs, o.erase];
    if (!attempt) {
      await this.db().query(update, params);
      return;
    }
    await this.db().query(
      `with attempt as (insert into outbox_attempts (id, message_id, at, status_code, latency_ms, error) values (gen_random_uuid(), $1, $8, $9, $10, $4))
       ${update}`,
      [...params, attempt.at, attempt.statusCode, attempt.latencyMs],
    );
  }

  /**
   * A success ends the endpoint's run of failures; a failure starts one or,
   * when every attempt has failed for webhookDisableAfterMs, disables the
   * endpoint: its pending messages fail, and its organization's ADMINs get a
   * mail. The update that disables is conditional, so of several servers
   * failing at once only one disables and mails.
   */
  private async endpointAfter(id: string, at: Date, error: string | null) {
    if (error === null) {
      await this.db().query('update webhook_endpoints set failing_since = null where id = $1 and failing_since is not null', [id]);
      return;
    }
    const disabled = await this.orm.em.fork().transactional(async (em) => {
      const db = emQueryable(em as EntityManager);
      const { rows } = await db.query<{ url: string; organization_id: string; failing_since: string; disabled: boolean }>(
        `update webhook_endpoints set failing_since = coalesce(failing_since, $2::timestamptz),
                disabled_at = case when coalesce(failing_since, $2::timestamptz) <= now() - make_interval(secs => $3::float8 / 1000) then now() end
          where id = $1 and disabled_at is null
          returning url, organization_id, failing_since, disabled_at is not null as disabled`,
        [id, at, this.options.webhookDisableAfterMs],
      );
      const endpoint = rows[0];
      if (!endpoint?.disabled) return false;
      const since = toDate(endpoint.failing_since)!.toISOString();
      await db.query(
        `update outbox_messages set status = 'FAILED', last_error = $2 where webhook_endpoint_id = $1 and channel = 'WEBHOOK' and status = 'PENDING'`,
        [id, `not sent: the webhook endpoint was disabled after failing since ${since}`],
      );
      const text = [
        `Tollgate disabled the webhook endpoint ${endpoint.url}: every delivery to it has failed since ${since}.`,
        `The last attempt: ${error}`,
        'Alerts are no longer sent to it, and the deliveries waiting for it were given up. Once the receiver works again, enable the endpoint to resume.',
      ].join('\n\n');
      await db.query(
        `insert into outbox_messages (id, channel, "to", subject, text, organization_id)
         select gen_random_uuid(), 'EMAIL', u.email, $2, $3, $1
           from users u join organization_members m on m.user_id = u.id
          where m.organization_id = $1 and m.status = 'ACTIVE' and m.role = 'ADMIN'`,
        [endpoint.organization_id, `Tollgate: webhook endpoint disabled (${endpoint.url})`.slice(0, 300), text],
      );
      await db.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, `endpoint-disabled:${id}`]);
      return true;
    });
    if (disabled) this.logger.warn({ endpointId: id }, 'webhook endpoint disabled: every attempt failed for too long');
  }

  /** A retry due before the next poll: look then. */
  private wakeIn(ms: number) {
    if (this.stopped || ms >= POLL_MS) return;
    const at = Date.now() + ms;
    if (this.wake && this.wake.at <= at) return;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(() => {
      this.wake = null;
      void this.kick();
    }, ms);
    timer.unref();
    this.wake = { at, timer };
  }
}

const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

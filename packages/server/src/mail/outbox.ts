import { LockMode } from '@mikro-orm/core';
import { OutboxMessage, OutboxStatus, type EntityManager, type MikroORM } from '@tollgate/db';
import type { Logger } from '../logger';
import type { Mailer, MailMessage } from './mailer';

const BATCH = 50;
const MAX_ATTEMPTS = 8;
const POLL_MS = 5_000;

/** Queues a mail in the caller's unit of work: it commits, and is sent, only with the change that caused it. */
export function enqueueMail(em: EntityManager, message: MailMessage): OutboxMessage {
  return em.create(OutboxMessage, { to: message.to, subject: message.subject, text: message.text });
}

/**
 * Delivers queued mail. Rows are claimed with SKIP LOCKED so several server
 * instances share the work without sending a message twice; failures retry
 * with exponential backoff and give up after MAX_ATTEMPTS.
 */
export class OutboxDispatcher {
  private current: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
  ) {}

  start() {
    this.timer = setInterval(() => void this.kick(), POLL_MS);
    this.timer.unref();
    void this.kick();
  }

  /**
   * Asks for a delivery round that starts after this call, so it sees every
   * mail committed before it; resolves when that round is done. Kicks during
   * a round share the one round queued behind it.
   */
  kick(): Promise<void> {
    this.queued ??= this.current.then(() => {
      this.queued = null;
      this.current = this.deliverAll().catch((err) => this.logger.error({ err }, 'outbox delivery failed'));
      return this.current;
    });
    return this.queued;
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await (this.queued ?? this.current);
    this.mailer.close();
  }

  private async deliverAll() {
    while ((await this.deliverBatch()) === BATCH);
  }

  private deliverBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const due = await em.find(
        OutboxMessage,
        { status: OutboxStatus.PENDING, nextAttemptAt: { $lte: new Date() } },
        { orderBy: { createdAt: 'asc' }, limit: BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE /* skip locked */ },
      );
      for (const message of due) await this.deliver(message);
      return due.length;
    });
  }

  private async deliver(message: OutboxMessage) {
    try {
      await this.mailer.send({ to: message.to, subject: message.subject, text: message.text ?? '' });
      message.status = this.mailer.deliveredStatus;
      message.sentAt = new Date();
      // Sent mail leaves the outbox's body behind: it may hold a live invitation link.
      if (message.status === OutboxStatus.SENT) message.text = null;
    } catch (err) {
      message.attempts += 1;
      message.lastError = (err as Error).message.slice(0, 1000);
      message.status = message.attempts >= MAX_ATTEMPTS ? OutboxStatus.FAILED : OutboxStatus.PENDING;
      message.nextAttemptAt = new Date(Date.now() + 2 ** message.attempts * 1000);
      this.logger.warn({ to: message.to, attempts: message.attempts, err: message.lastError }, 'mail delivery failed');
    }
  }
}

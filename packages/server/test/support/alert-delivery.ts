import { AlertRule, appendMoneyIn, OutboxAttempt, OutboxMessage, WebhookEndpoint, type Organization, type User } from '@tollgate/db';
import { WalletRecordType } from '@tollgate/domain';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, expect } from 'vitest';
import type { Harness } from './harness';
import { call, usageWriter, type Caller } from './usage-events';

export interface ReceivedRequest {
  /** performance.now() when the request's body had arrived (the test process runs the server too). */
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with. */
  status: number;
}

/** What the receiver answers a path's request number `n` (0-based): a status and headers. */
export type Responder = (n: number) => { status: number; headers?: Record<string, string> };

/**
 * A real HTTP server on 127.0.0.1 that keeps every request it gets and
 * answers as told per path (200 by default), so one server serves a file's
 * tests, each on its own path.
 */
const ok: Responder = () => ({ status: 200 });

export async function startReceiver() {
  const received: ReceivedRequest[] = [];
  const responders = new Map<string, Responder>();
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url!, 'http://receiver').pathname;
      const answer = (responders.get(path) ?? ok)(at(path).length);
      received.push({
        at: performance.now(),
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status: answer.status,
      });
      res.writeHead(answer.status, answer.headers).end(answer.status < 300 ? 'ok' : `answer ${answer.status}`);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The requests to one path. */
  function at(path: string) {
    return received.filter((r) => new URL(r.url, 'http://receiver').pathname === path);
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    at,
    /** How requests to `path` are answered from now on. */
    answer(path: string, responder: Responder) {
      responders.set(path, responder);
    },
    /** Resolves with the requests to `path` once `count` have come (fails after `ms`). */
    async waitFor(path: string, count: number, ms = 10_000): Promise<ReceivedRequest[]> {
      const deadline = Date.now() + ms;
      while (at(path).length < count) {
        if (Date.now() > deadline) throw new Error(`the receiver got ${at(path).length} of ${count} requests to ${path} in ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return at(path);
    },
  };
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** Polls `read` until `done` holds of its answer (rejects after `ms`). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      expect(value, 'still not so when the wait ended').toBe('the awaited state');
      return value;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface AlertOrg {
  org: Organization;
  admin: User;
  who: Caller;
}

/**
 * Organizations that get balance alerts, each on its own: 6.00 in the wallet
 * (so the default BALANCE rule at 5.00 exists), an ADMIN, a project and a key.
 * `cross` writes a usage batch as the proxy does, charging 1.50: the batch
 * that takes the balance below 5.00 and fires the alert.
 */
export function alertWorld(h: Harness) {
  const writer = usageWriter(h.orm);
  const cipher = h.app.services.credentials!;

  return {
    writer,
    async organization(): Promise<AlertOrg> {
      const admin = await h.user();
      const org = await h.organization(admin);
      const project = await h.project(org);
      const who = await writer.caller(org.id, project.id, admin.id);
      await h.orm.em
        .fork()
        .transactional((em) =>
          appendMoneyIn(em, { organizationId: org.id, type: WalletRecordType.RECHARGE, amount: 6_000_000n, reference: 'six dollars', description: 'test' }),
        );
      return { org, admin, who };
    },

    /** A webhook endpoint stored as the API stores one: secret and header values encrypted. */
    async endpoint(
      org: Organization,
      url: string,
      options: { secret?: string; previousSecret?: string; previousSecretExpiresAt?: Date; headers?: Array<{ name: string; value: string }> } = {},
    ) {
      const secret = options.secret ?? newWebhookSecret();
      const em = h.orm.em.fork();
      const endpoint = em.create(WebhookEndpoint, {
        organizationId: org.id,
        url,
        secret: cipher.encrypt(secret),
        previousSecret: options.previousSecret ? cipher.encrypt(options.previousSecret) : null,
        previousSecretExpiresAt: options.previousSecretExpiresAt ?? null,
        customHeaders: options.headers ? cipher.encrypt(JSON.stringify(options.headers)) : null,
        customHeaderNames: options.headers?.map((h) => h.name) ?? [],
      });
      await em.flush();
      return { id: endpoint.id, secret };
    },

    /** Points the organization's balance rule at an endpoint (and mail on or off). */
    async route(org: Organization, to: { webhookEndpointId?: string | null; email?: boolean; sms?: boolean }) {
      await h.orm.em
        .fork()
        .nativeUpdate(
          AlertRule,
          { organizationId: org.id, kind: 'BALANCE' },
          { webhookEndpointId: to.webhookEndpointId ?? null, emailEnabled: to.email ?? false, smsEnabled: to.sms ?? false },
        );
    },

    /** The batch that crosses 5.00; answers the alert and performance.now() when the batch's transaction had committed. */
    async cross(o: AlertOrg) {
      const started = performance.now();
      await writer.write([call(o.who, new Date(), { charge: 1_500_000n, cost: 1_500_000n })]);
      const committed = performance.now();
      const [alert] = await writer.pool
        .query<{ id: string }>(`select id from alerts where organization_id = $1 and kind = 'BALANCE' order by fired_at desc limit 1`, [o.org.id])
        .then((r) => r.rows);
      expect(alert, 'the batch fired a balance alert').toBeDefined();
      return { alertId: alert!.id, started, committed };
    },

    deliveries: (alertId: string) => h.orm.em.fork().find(OutboxMessage, { alertId }, { orderBy: { channel: 'asc', to: 'asc' } }),
    attempts: (messageId: string) => h.orm.em.fork().find(OutboxAttempt, { messageId }, { orderBy: { at: 'asc' } }),
  };
}

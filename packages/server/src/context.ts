import type { EntityManager, MikroORM } from '@tollgate/db';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Auth } from './auth/auth';
import { resolveAuth } from './auth/auth.service';
import type { Config } from './config';
import { Access } from './graphql/access';
import type { Logger } from './logger';
import type { LoginThrottle } from './auth/login-throttle';
import type { OutboxDispatcher } from './notify/outbox';
import type { CredentialCipher } from '@tollgate/db';
import type { LiveHub } from './modules/live/live-hub';
import type { ServerMetrics } from './modules/metrics/metrics.service';

/** What lives for the whole process and every request can reach. */
export interface AppServices {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  loginThrottle: LoginThrottle;
  /** Delivers the outbox (mail, SMS, webhooks); kick it after committing mail. Alerts wake it by NOTIFY. */
  outbox: OutboxDispatcher;
  /** Encrypts upstream credentials; null without CREDENTIAL_KEY. */
  credentials: CredentialCipher | null;
  /** Live dashboards: the subscriptions' hub. */
  live: LiveHub;
  /** Prometheus metrics (GET /metrics): GraphQL operations are counted here, over HTTP and WebSocket. */
  metrics: ServerMetrics;
}

export interface Context {
  requestId: string;
  em: EntityManager;
  auth: Auth | null;
  access: Access;
  ip: string | null;
  app: AppServices;
  /** Per-request memo for lookups many fields share (see `once`). */
  memo: Map<string, Promise<unknown>>;
  /** Sets or clears the session cookie; absent on WebSocket connections. */
  setCookie?: (header: string) => void;
  /** A new context from the same credentials, read again: how a long-lived subscription re-checks its caller. */
  refresh: () => Promise<Context>;
}

export interface RequestFacts {
  cookieHeader?: string;
  authorization?: string;
  ip: string | null;
  setCookie?: (header: string) => void;
}

/** The one place a request context is built, for HTTP and WebSocket alike. */
export async function buildContext(app: AppServices, facts: RequestFacts): Promise<Context> {
  const em = app.orm.em.fork() as EntityManager;
  const auth = await resolveAuth(em, app.config, facts);
  return {
    requestId: randomUUID(),
    em,
    auth,
    access: new Access(em, auth),
    ip: facts.ip,
    app,
    setCookie: facts.setCookie,
    memo: new Map(),
    refresh: () => buildContext(app, facts),
  } satisfies Context;
}

export const httpRequestFacts = (req: Request, res: Response): RequestFacts => ({
  cookieHeader: req.headers.cookie,
  authorization: req.headers.authorization,
  ip: req.ip ?? null,
  setCookie: (header) => res.append('Set-Cookie', header),
});

/** Runs `load` once per request for a key; later callers share the answer. */
export function once<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) ctx.memo.set(key, (value = load()));
  return value;
}

import { resolve } from 'node:path';
import { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_RETRY_DELAYS_MS, WEBHOOK_TIMEOUT_MS } from '@tollgate/domain';
import { redisUrlProblem } from '@tollgate/db';
import { z } from 'zod';

/** One server's URL or a cluster's (README "Configuration"); which is wrong is said in the message. */
const redisUrl = z.string().superRefine((url, ctx) => {
  const problem = redisUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** When absent, an embedded PostgreSQL is started under TOLLGATE_HOME. */
  DATABASE_URL: z.url().optional(),
  TOLLGATE_HOME: z.string().default('.tollgate'),
  /** The address users reach the SPA at; links in mails and printed URLs use it. */
  PUBLIC_URL: z.url().optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Failed sign-ins allowed per email and address within LOGIN_WINDOW_SECONDS. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** smtp(s)://user:pass@host:port; without it mail stays in the outbox table and the log. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Tollgate <no-reply@tollgate.local>'),
  /** 32 bytes, base64: encrypts upstream credentials at rest. The CLI keeps one under TOLLGATE_HOME when unset. */
  CREDENTIAL_KEY: z.string().optional(),
  /** Several proxies: cache invalidations are relayed to Redis pub/sub. */
  REDIS_URL: redisUrl.optional(),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (the proxy reads the same variable). */
  METRICS_TOKEN: z.string().min(16).optional(),
  WEB_DIST: z.string().optional(),
  /** `production` closes introspection to anonymous callers unless GRAPHQL_INTROSPECTION says otherwise. */
  NODE_ENV: z.string().default('development'),
  /** Who may introspect the schema: anyone, signed-in callers (sessions and API tokens), or nobody. */
  GRAPHQL_INTROSPECTION: z.enum(['anonymous', 'authenticated', 'off']).optional(),
  /** Browser origins besides PUBLIC_URL's that may call /graphql (HTTP and WebSocket), comma-separated. */
  GRAPHQL_ALLOWED_ORIGINS: z.string().optional(),
  /** Nesting of selections (fragments flattened). The SPA's deepest operation nests 4, and it uses no aliases. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  /** Each field counts 1, its selections once per item a list may return (first/limit/size, or 10). The SPA's costliest operation costs 1,801 today. */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(20_000),
  GRAPHQL_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1).default(102_400),
  /** Lexical tokens in the document: bounds parsing and validation work (the SPA's largest operation has 92). */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(1).default(5_000),
  /** The whole JSON body, variables included (a 1 MiB invitation CSV must fit). */
  GRAPHQL_MAX_BODY_BYTES: z.coerce.number().int().min(1).default(2_097_152),
  /** Subscriptions one WebSocket may hold open at once. */
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(25),
  /** A WebSocket that has not sent connection_init by then is closed (graphql-ws code 4408). */
  GRAPHQL_WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Webhook attempts, comma-separated milliseconds: the first attempt (0, at once), then the wait before each retry. Default: Svix's schedule. */
  ALERT_WEBHOOK_RETRY_DELAYS_MS: z.string().optional(),
  /** An endpoint whose every attempt failed for this long is disabled and its organization's admins told. */
  ALERT_WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(0).default(WEBHOOK_DISABLE_AFTER_MS),
  /** A webhook (or the SMS HTTP provider) must answer 2xx within this, connecting included. */
  ALERT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).default(WEBHOOK_TIMEOUT_MS),
  /** Hosts (names or addresses, as written in URLs) outgoing requests may reach although private or loopback, comma-separated. */
  ALERT_WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
  /** A generic SMS gateway: POST {to, text} as JSON here, with SMS_HTTP_AUTHORIZATION as the Authorization header if set. */
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_AUTHORIZATION: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().startsWith('AC', 'must start with AC').optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** A Twilio number (E.164) or messaging service SID (MG…). */
  TWILIO_FROM: z.string().optional(),
  /** Request-log rows older than this are dropped a whole month at a time (their rollups stay); unset keeps every row. */
  REQUEST_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

export type IntrospectionPolicy = 'anonymous' | 'authenticated' | 'off';

/** The GraphQL edge's limits, applied alike over HTTP and WebSocket before anything executes. */
export interface GraphQLEdgeConfig {
  introspection: IntrospectionPolicy;
  /** Origins (scheme://host[:port]) besides PUBLIC_URL's that browsers may call from. */
  allowedOrigins: string[];
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDocumentBytes: number;
  maxTokens: number;
  maxBodyBytes: number;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
}

/** Parses the environment once; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  // An empty variable counts as unset, as shells and compose files often leave them.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  // Without PUBLIC_URL, links follow the port actually bound (see App.listen), which differs when PORT is 0.
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    home: resolve(e.TOLLGATE_HOME),
    publicUrl,
    publicUrlFromPort: !e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : publicUrl.startsWith('https://'),
    sessionTtlMs: e.SESSION_TTL_DAYS * 86_400_000,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowSeconds: e.LOGIN_WINDOW_SECONDS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    credentialKey: e.CREDENTIAL_KEY,
    redisUrl: e.REDIS_URL,
    metricsToken: e.METRICS_TOKEN ?? null,
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : resolve(import.meta.dirname, '../../web/dist'),
    logLevel: e.LOG_LEVEL,
    requestLogRetentionDays: e.REQUEST_LOG_RETENTION_DAYS ?? null,
    production,
    delivery: {
      /** The SSRF guard's exceptions: URL host names, normalised as URLs write them ('127.0.0.1', '[::1]', 'hooks.internal'). */
      allowedHosts: parseHosts(e.ALERT_WEBHOOK_ALLOWED_HOSTS ?? ''),
      timeoutMs: e.ALERT_WEBHOOK_TIMEOUT_MS,
      webhookRetryDelaysMs: e.ALERT_WEBHOOK_RETRY_DELAYS_MS ? parseDelays(e.ALERT_WEBHOOK_RETRY_DELAYS_MS) : [...WEBHOOK_RETRY_DELAYS_MS],
      webhookDisableAfterMs: e.ALERT_WEBHOOK_DISABLE_AFTER_MS,
      sms: smsConfig(e),
    } satisfies DeliveryConfig,
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? (production ? 'authenticated' : 'anonymous'),
      allowedOrigins: parseOrigins(e.GRAPHQL_ALLOWED_ORIGINS ?? ''),
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxDocumentBytes: e.GRAPHQL_MAX_DOCUMENT_BYTES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      maxSubscriptionsPerConnection: e.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      connectionInitTimeoutMs: e.GRAPHQL_WS_INIT_TIMEOUT_MS,
    } satisfies GraphQLEdgeConfig,
  };
}

/** How alerts leave: the outgoing HTTP guard, the webhook schedule, the SMS provider. */
export interface DeliveryConfig {
  allowedHosts: string[];
  timeoutMs: number;
  webhookRetryDelaysMs: number[];
  webhookDisableAfterMs: number;
  sms: SmsConfig;
}

export type SmsConfig =
  { provider: 'log' } | { provider: 'http'; url: string; authorization?: string } | { provider: 'twilio'; accountSid: string; authToken: string; from: string };

function smsConfig(e: z.infer<typeof schema>): SmsConfig {
  const twilio = [e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, e.TWILIO_FROM];
  if (twilio.some(Boolean) && !twilio.every(Boolean)) {
    throw new Error('Invalid configuration: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together');
  }
  if (e.SMS_HTTP_URL && e.TWILIO_ACCOUNT_SID) throw new Error('Invalid configuration: set SMS_HTTP_URL or TWILIO_*, not both');
  if (e.SMS_HTTP_URL) return { provider: 'http', url: e.SMS_HTTP_URL, authorization: e.SMS_HTTP_AUTHORIZATION };
  if (e.TWILIO_ACCOUNT_SID) return { provider: 'twilio', accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN!, from: e.TWILIO_FROM! };
  return { provider: 'log' };
}

/** '0, 50, 50' -> [0, 50, 50]: the first attempt at once, then a delay per retry. */
function parseDelays(list: string): number[] {
  const delays = list.split(',').map((entry) => entry.trim());
  if (delays.some((d) => !/^\d+$/.test(d)) || Number(delays[0]) !== 0) {
    throw new Error(
      `Invalid configuration: ALERT_WEBHOOK_RETRY_DELAYS_MS ${JSON.stringify(list)} must be milliseconds like "0,5000,300000" (the first attempt at once)`,
    );
  }
  return delays.map(Number);
}

/** 'hooks.internal, 10.0.0.5, ::1' -> ['hooks.internal', '10.0.0.5', '[::1]']: host names as a URL's `hostname` writes them. */
function parseHosts(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const host = entry.includes(':') && !entry.startsWith('[') ? `[${entry}]` : entry;
      const url = URL.canParse(`http://${host}`) ? new URL(`http://${host}`) : null;
      if (!url || url.port || url.username || url.pathname !== '/' || /[/?#@]/.test(entry)) {
        throw new Error(`Invalid configuration: ALERT_WEBHOOK_ALLOWED_HOSTS ${JSON.stringify(entry)} is not a host name or address`);
      }
      return url.hostname;
    });
}

/** 'https://a.example, http://localhost:5173/' -> their origins; anything but an http(s) origin is refused. */
function parseOrigins(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new Error(`Invalid configuration: GRAPHQL_ALLOWED_ORIGINS ${JSON.stringify(entry)} is not an origin like https://app.example.com`);
      }
      return url.origin;
    });
}

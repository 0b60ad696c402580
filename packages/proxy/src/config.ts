import { z } from 'zod';
import { redisUrlProblem } from '@tollgate/db';

/** One server's URL or a cluster's (README "Configuration"); which is wrong is said in the message. */
const redisUrl = z.string().superRefine((url, ctx) => {
  const problem = redisUrlProblem(url);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const schema = z.object({
  PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  PROXY_HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url(),
  CREDENTIAL_KEY: z.string().optional(),
  /** When set, cache invalidations arrive over Redis pub/sub instead of LISTEN/NOTIFY. */
  REDIS_URL: redisUrl.optional(),
  /** Largest request body accepted (413 beyond). */
  PROXY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  /** Longest wait for the upstream's headers, and for each next body chunk. */
  UPSTREAM_READ_TIMEOUT_MS: z.coerce.number().int().min(1).default(120_000),
  /** batched: events flushed within USAGE_FLUSH_MS; strict: a response ends only after its event is committed. */
  USAGE_DURABILITY: z.enum(['batched', 'strict']).default('batched'),
  USAGE_FLUSH_MS: z.coerce.number().int().min(1).default(100),
  /** Events kept while PostgreSQL is unreachable; past it calls are refused (503) rather than left unrecorded. */
  USAGE_BUFFER_MAX: z.coerce.number().int().min(1).default(100_000),
  /** Seconds a cached key is trusted without hearing from the database (invalidations normally arrive within milliseconds). */
  KEY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Where limit counters live: memory (one proxy) or redis (several; the default when REDIS_URL is set). */
  LIMIT_STORE: z.enum(['memory', 'redis']).optional(),
  /** When the limit store is unreachable, admit calls whose only limits are rate limits (money and quotas always fail closed). */
  RATE_LIMITS_FAIL_OPEN: z.enum(['true', 'false']).default('false'),
  /** Output tokens reserved for a call that sets no max_tokens: the model's default, at most this. */
  RESERVATION_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(1).default(16_384),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (it is on the proxy's port, which clients reach). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Organization and project labels on the request, token, cost and refusal counters: one series per project and model. */
  METRICS_TENANT_LABELS: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ProxyConfig = ReturnType<typeof loadProxyConfig>;

/** Parses the environment once; an empty variable counts as unset. */
export function loadProxyConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid proxy configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PROXY_PORT,
    host: e.PROXY_HOST,
    databaseUrl: e.DATABASE_URL,
    credentialKey: e.CREDENTIAL_KEY,
    redisUrl: e.REDIS_URL,
    maxBodyBytes: e.PROXY_MAX_BODY_BYTES,
    connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
    readTimeoutMs: e.UPSTREAM_READ_TIMEOUT_MS,
    durability: e.USAGE_DURABILITY,
    flushMs: e.USAGE_FLUSH_MS,
    bufferMax: e.USAGE_BUFFER_MAX,
    keyCacheTtlMs: e.KEY_CACHE_TTL_SECONDS * 1000,
    limitStore: e.LIMIT_STORE ?? (e.REDIS_URL ? 'redis' : 'memory'),
    failOpenRateLimits: e.RATE_LIMITS_FAIL_OPEN === 'true',
    maxOutputCeiling: e.RESERVATION_MAX_OUTPUT_TOKENS,
    metricsToken: e.METRICS_TOKEN ?? null,
    metricsTenantLabels: e.METRICS_TENANT_LABELS === 'true',
    logLevel: e.LOG_LEVEL,
  };
}

import type { UsageEvent } from '@tollgate/db';
import { UsageSource } from '@tollgate/domain';
import { z } from 'zod';

/*
 * Redis mode's usage streams, one home for their names and their entries' format (the settle
 * script and the store write them, stream-recorder.ts reads them):
 *
 *   tg:{<org>}:events        the organization's usage events, one entry each, in its hash tag
 *                            (so the settle script that appends to it touches one slot)
 *   tg:{<org>}:events:dead   entries this version cannot write: copied here, never dropped
 *   tg:usage-streams         a set of every organization's stream (a slot of its own), so any
 *                            proxy can find a stream whose writer died
 *
 * An entry is one field, `u1`, holding the event as JSON: its fields as UsageEvent names them,
 * `time` in epoch milliseconds, `cost` and `charge` as decimal strings (micro-units; JSON numbers
 * are doubles). Another format gets another field name, so a reader always knows what it holds.
 */

export const STREAM_REGISTRY = 'tg:usage-streams';
export const CONSUMER_GROUP = 'recorders';
export const ENTRY_FIELD = 'u1';

export const streamKeyOf = (organizationId: string): string => `tg:{${organizationId}}:events`;
export const deadLetterKeyOf = (stream: string): string => `${stream}:dead`;

const STREAM_KEY = /^tg:\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}:events$/;

/** The organization whose stream this is (null: not a stream key of ours). */
export const organizationOf = (stream: string): string | null => STREAM_KEY.exec(stream)?.[1] ?? null;

/** The entry's value for XADD <stream> * u1 <value>. */
export function encodeUsageEntry(event: UsageEvent): string {
  return JSON.stringify({ ...event, time: event.time.getTime(), cost: event.cost.toString(), charge: event.charge.toString() });
}

// What PostgreSQL takes (request_logs, the rollups, the ledger), so an entry that passes cannot
// fail the whole batch it is written in: ids as uuid, counts as int4, status as smallint.
const id = z.guid();
const int4 = z.int().min(0).max(2_147_483_647);
const micros = z.string().regex(/^-?\d{1,18}$/);
const entrySchema = z.object({
  requestId: id,
  time: z.number(),
  organizationId: id,
  projectId: id,
  apiKeyId: id,
  userId: id.nullable(),
  model: z.string().max(100),
  status: z.int().min(0).max(32_767),
  inputTokens: int4,
  cachedInputTokens: int4,
  outputTokens: int4,
  reasoningTokens: int4,
  usageSource: z.enum(UsageSource).nullable(),
  responseId: z.string().max(100).nullable(),
  cost: micros,
  charge: micros,
  latencyMs: int4,
  upstreamLatencyMs: int4.nullable(),
  stream: z.boolean(),
  errorCode: z.string().max(64).nullable(),
  content: z.record(z.string(), z.unknown()).nullable(),
  forwarded: z.boolean(),
});

/**
 * A stream entry's event, from its field-value list as XREADGROUP answers it; null when it holds
 * no `u1` field or one this version cannot read (another version's, a damaged one).
 */
export function decodeUsageEntry(fields: readonly string[]): UsageEvent | null {
  let value: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === ENTRY_FIELD) value = fields[i + 1];
  if (value === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(json);
  if (!parsed.success) return null;
  const e = parsed.data;
  return { ...e, time: new Date(e.time), cost: BigInt(e.cost), charge: BigInt(e.charge) };
}

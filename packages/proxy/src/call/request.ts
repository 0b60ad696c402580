import { costMicros } from '@tollgate/domain';
import { promptsOf } from '@tollgate/domain/tokens';
import { promptTokensInTurns } from './prompt-tokens';
import type { ModelRoute } from '../catalog';
import type { Amounts } from '../limits/limiter';

/** The metered endpoints, by the path clients call. */
export type Endpoint = 'chat' | 'completions' | 'embeddings' | 'responses';
export const ENDPOINTS: Record<string, { endpoint: Endpoint; upstreamPath: string }> = {
  '/v1/chat/completions': { endpoint: 'chat', upstreamPath: '/chat/completions' },
  '/v1/completions': { endpoint: 'completions', upstreamPath: '/completions' },
  '/v1/embeddings': { endpoint: 'embeddings', upstreamPath: '/embeddings' },
  '/v1/responses': { endpoint: 'responses', upstreamPath: '/responses' },
};

type Body = Record<string, unknown>;

/** The output bounds a request of this endpoint may set. */
const OUTPUT_BOUNDS: Record<Endpoint, readonly string[]> = {
  chat: ['max_completion_tokens', 'max_tokens'],
  completions: ['max_tokens'],
  embeddings: [],
  responses: ['max_output_tokens'],
};
/** OpenAI's own ceiling for `n`. */
const MAX_CHOICES = 128;

/** A bound no upstream could honour, naming the parameter: answered 400, whether or not the key has limits. */
export interface BoundError {
  param: string;
  message: string;
}

/** Checks output bounds (positive integers within the model's context window) and `n` on every call. */
export function boundError(body: Body, endpoint: Endpoint, route: ModelRoute): BoundError | null {
  for (const param of OUTPUT_BOUNDS[endpoint]) {
    const value = body[param];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || (value as number) < 1)
      return { param, message: `Invalid '${param}': expected a positive integer, got ${JSON.stringify(value)}.` };
    if ((value as number) > route.contextWindow) {
      return { param, message: `'${param}' is too large: ${value}. The model \`${route.name}\` takes at most ${route.contextWindow} tokens.` };
    }
  }
  if ((endpoint === 'chat' || endpoint === 'completions') && body.n !== undefined && body.n !== null) {
    const n = body.n;
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_CHOICES)
      return { param: 'n', message: `Invalid 'n': expected an integer from 1 to ${MAX_CHOICES}, got ${JSON.stringify(n)}.` };
  }
  return null;
}

/**
 * What a call may use at most, reserved before it runs: the prompt's tokens
 * plus the output it may produce (the largest bound it sets, or the model's
 * default capped by the ceiling; times n, and per prompt of a completions
 * batch), priced at the input price: a cached-input price is never higher.
 * Bounds are checked first (boundError). When nothing counts tokens or money
 * (`countsTokens` false: request limits only, no wallet), the prompt is not
 * tokenized and only the request is reserved.
 */
export async function reservationFor(body: Body, endpoint: Endpoint, route: ModelRoute, ceiling: number, countsTokens: boolean): Promise<Amounts> {
  if (!countsTokens) return REQUEST_ONLY;
  const bounds = OUTPUT_BOUNDS[endpoint].map((param) => body[param]).filter((v): v is number => typeof v === 'number');
  const perChoice = endpoint === 'embeddings' ? 0 : bounds.length ? Math.max(...bounds) : Math.min(route.defaultMaxOutputTokens, ceiling);
  const n = endpoint === 'chat' || endpoint === 'completions' ? ((body.n as number | null | undefined) ?? 1) : 1;
  const prompts = endpoint === 'completions' ? (promptsOf(body.prompt)?.length ?? 1) : 1;
  const input = await promptTokensInTurns(body);
  const output = perChoice * n * prompts;
  return { requests: 1n, tokens: BigInt(input + output), money: costMicros({ inputTokens: input, cachedInputTokens: 0, outputTokens: output }, route.prices) };
}

const REQUEST_ONLY: Readonly<Amounts> = { requests: 1n, tokens: 0n, money: 0n };

const INCLUDE_USAGE = Buffer.from(',"stream_options":{"include_usage":true}');

/** Whether the proxy must ask a streamed call for usage: chat and completions streams report it only when asked. */
export function mustAskForUsage(body: Body, endpoint: Endpoint): boolean {
  const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
  return body.stream === true && (endpoint === 'chat' || endpoint === 'completions') && streamOptions?.include_usage !== true;
}

/**
 * The body for the upstream: the client's bytes when nothing changes; when
 * only usage must be asked for, those bytes with one member spliced in before
 * the closing brace; re-serialised only to rename the model.
 */
export function upstreamPayload(raw: Buffer, body: Body, upstreamModel: string, askForUsage: boolean): Buffer {
  const streamOptions = body.stream_options as object | undefined;
  if (upstreamModel === body.model) {
    if (!askForUsage) return raw;
    const end = raw.lastIndexOf(0x7d /* } */);
    if (streamOptions === undefined && end > 0) return Buffer.concat([raw.subarray(0, end), INCLUDE_USAGE, raw.subarray(end)]);
  }
  return Buffer.from(JSON.stringify({ ...body, model: upstreamModel, ...(askForUsage ? { stream_options: { ...streamOptions, include_usage: true } } : {}) }));
}

import { UsageSource, type TokenUsage } from '@tollgate/domain';
import { timeOrderedId } from '@tollgate/db';
import type { ModelRoute } from '../catalog';
import type { KeyContext } from '../keys';
import type { Hold } from '../limits/limiter';
import type { Endpoint } from './request';
import { countTokensInTurns, promptTokensInTurns } from './prompt-tokens';

/** The tokens a call is metered at, and where they came from. */
export type MeteredUsage = TokenUsage & { source: UsageSource };

/** What one call has learnt by the time it is recorded. */
export interface Call {
  requestId: string;
  started: number;
  key: KeyContext;
  endpoint: Endpoint;
  model: string;
  stream: boolean;
  /** The HTTP status answered. */
  status: number;
  errorCode: string | null;
  usage: MeteredUsage | null;
  /** The Responses API's id of what the upstream answered, so it can be fetched again through us. */
  responseId: string | null;
  upstreamLatencyMs: number | null;
  content: Record<string, unknown> | null;
  route: ModelRoute | null;
  /** What the limiter reserved: settled to the actual use before the call is recorded. */
  hold: Hold | null;
  /** Went upstream: past every check. */
  forwarded: boolean;
  /** Answered with the proxy's own error (a refusal, or the upstream failing before it answered). */
  refused: boolean;
  /** The response's headers gathered before it is answered (x-request-id, the rate-limit ones), as name, value, ...: passed to writeHead whole. */
  headers: string[];
  /** performance.now() when the request went upstream, when the upstream's answer ended, and when a stream's first event went out; 0 until then. */
  forwardedAt: number;
  upstreamEndedAt: number;
  firstEventAt: number;
}

export function newCall(key: KeyContext, endpoint: Endpoint): Call {
  const requestId = timeOrderedId();
  return {
    requestId,
    started: performance.now(),
    key,
    endpoint,
    model: '',
    stream: false,
    status: 0,
    errorCode: null,
    usage: null,
    responseId: null,
    upstreamLatencyMs: null,
    content: null,
    route: null,
    hold: null,
    forwarded: false,
    refused: false,
    headers: ['x-request-id', requestId],
    forwardedAt: 0,
    upstreamEndedAt: 0,
    firstEventAt: 0,
  };
}

/** The upstream's usage when it reported one we can trust, else the tokenizer's count of the prompt and the generated text (long ones in slices). */
export async function meteredUsage(body: Record<string, unknown>, text: string, reported: TokenUsage | null): Promise<MeteredUsage> {
  if (reported) return { ...reported, source: UsageSource.UPSTREAM };
  const [inputTokens, outputTokens] = [await promptTokensInTurns(body), await countTokensInTurns(text)];
  return { inputTokens, cachedInputTokens: 0, outputTokens, reasoningTokens: 0, source: UsageSource.ESTIMATED };
}

/**
 * The tokens of one call as the meter counts them. Cached input tokens are
 * part of the input, reasoning tokens part of the output, as every provider
 * below reports them.
 */
export interface TokenUsage {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

/** Where a call's usage came from: the upstream's own report, or our tokenizer. */
export enum UsageSource {
  UPSTREAM = 'UPSTREAM',
  ESTIMATED = 'ESTIMATED',
}

export const NO_USAGE: TokenUsage = Object.freeze({ inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 });

/** The largest count one call may report: request_logs keeps tokens as 32-bit integers. */
const MAX_TOKENS = 2_147_483_647;

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A count, absent (undefined or null: 0), or malformed (NaN). */
function count(value: unknown): number {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TOKENS ? value : Number.NaN;
}

/** A nested details object's field: absent details count 0; details that are not an object are malformed. */
function detail(details: unknown, field: string): number {
  if (details === undefined || details === null) return 0;
  return isObject(details) ? count(details[field]) : Number.NaN;
}

/**
 * Reads a provider's `usage` object in any shape we meter:
 * - OpenAI, Azure OpenAI, vLLM, Ollama (chat, completions, embeddings):
 *   `prompt_tokens`, `completion_tokens`, `prompt_tokens_details.cached_tokens`,
 *   `completion_tokens_details.reasoning_tokens`;
 * - DeepSeek: `prompt_cache_hit_tokens` (of `prompt_tokens`);
 * - Moonshot/Kimi: `cached_tokens` beside `prompt_tokens`;
 * - the Responses API: `input_tokens`, `input_tokens_details.cached_tokens`,
 *   `output_tokens`, `output_tokens_details.reasoning_tokens`.
 * Null when there is no usage or it is malformed (not an object, a count that
 * is not a non-negative integer of at most 2^31 − 1, cached above input,
 * reasoning above output): the caller then counts with the tokenizer.
 */
export function readProviderUsage(usage: unknown): TokenUsage | null {
  if (!isObject(usage)) return null;
  const responses = usage.input_tokens !== undefined && usage.prompt_tokens === undefined;
  const input = responses ? usage.input_tokens : usage.prompt_tokens;
  if (input === undefined || input === null) return null;
  const read: TokenUsage = responses
    ? {
        inputTokens: count(input),
        cachedInputTokens: detail(usage.input_tokens_details, 'cached_tokens'),
        outputTokens: count(usage.output_tokens),
        reasoningTokens: detail(usage.output_tokens_details, 'reasoning_tokens'),
      }
    : {
        inputTokens: count(input),
        cachedInputTokens: cachedOf(usage),
        outputTokens: count(usage.completion_tokens),
        reasoningTokens: detail(usage.completion_tokens_details, 'reasoning_tokens'),
      };
  const valid = Object.values(read).every((n) => !Number.isNaN(n)) && read.cachedInputTokens <= read.inputTokens && read.reasoningTokens <= read.outputTokens;
  return valid ? read : null;
}

/** Cached prompt tokens: OpenAI's details, else DeepSeek's cache hits, else Moonshot's top-level count. */
function cachedOf(usage: Fields): number {
  const nested = detail(usage.prompt_tokens_details, 'cached_tokens');
  if (nested !== 0) return nested;
  if (usage.prompt_cache_hit_tokens !== undefined) return count(usage.prompt_cache_hit_tokens);
  return count(usage.cached_tokens);
}

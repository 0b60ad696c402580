import { createHash } from 'node:crypto';

/** OpenAI caches prompts of at least this many tokens… */
export const CACHE_MIN_TOKENS = 1024;
/** …in steps of this many tokens beyond the first 1024. */
export const CACHE_STEP_TOKENS = 128;

/** The cached tokens OpenAI reports for a prompt of `promptTokens` whose prefix it has cached: 1024 + 128·⌊(p − 1024) / 128⌋, at most p. */
export function cachedTokensOf(promptTokens: number): number {
  if (promptTokens < CACHE_MIN_TOKENS) return 0;
  return Math.min(promptTokens, CACHE_MIN_TOKENS + CACHE_STEP_TOKENS * Math.floor((promptTokens - CACHE_MIN_TOKENS) / CACHE_STEP_TOKENS));
}

/**
 * The mock's prompt cache: which long prompts it has answered before. Only
 * prompts of 1024 tokens or more are remembered (a SHA-1 of their text, so
 * memory stays bounded: `limit` entries, the oldest forgotten first).
 */
export class PromptCache {
  private readonly seen = new Map<string, true>();
  constructor(private readonly limit = 8192) {}

  /** The cached tokens for this prompt (0 the first time it is seen), remembering it for next time. */
  hit(text: string, promptTokens: number): number {
    if (promptTokens < CACHE_MIN_TOKENS) return 0;
    const key = createHash('sha1').update(text).digest('base64');
    if (this.seen.has(key)) return cachedTokensOf(promptTokens);
    if (this.seen.size >= this.limit) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, true);
    return 0;
  }
}

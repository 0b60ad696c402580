import { describe, expect, it } from 'vitest';
import { costMicros, readProviderUsage } from '../src';

/** Cost without cached tokens, in the old positional form the assertions below were written in. */
const plain = (input: number, output: number, inputPerMillion: bigint, outputPerMillion: bigint) =>
  costMicros({ inputTokens: input, cachedInputTokens: 0, outputTokens: output }, { inputPerMillion, cachedInputPerMillion: null, outputPerMillion });

describe('costMicros', () => {
  it('is exact when the cost is a whole number of micro-units', () => {
    // $2.50 / M input, $10 / M output: 1M in + 1M out = $12.50.
    expect(plain(1_000_000, 1_000_000, 2_500_000n, 10_000_000n)).toBe(12_500_000n);
    expect(plain(1_000, 500, 3_000_000n, 15_000_000n)).toBe(10_500n);
    expect(plain(0, 0, 3_000_000n, 15_000_000n)).toBe(0n);
  });

  it('rounds any fraction of a micro-unit up', () => {
    expect(plain(1, 0, 1n, 0n)).toBe(1n); // 0.000001 micro-units
    expect(plain(1, 0, 1_000_000n, 0n)).toBe(1n); // exactly 1, no rounding
    expect(plain(1, 0, 1_000_001n, 0n)).toBe(2n);
    expect(plain(3, 7, 150_000n, 600_000n)).toBe(5n); // 450,000 + 4,200,000 = 4.65 → 5
  });

  it('rounds the sum once, not each side', () => {
    // Each side is 0.5 micro-units: per-side ceil would give 2, the exact total is 1.
    expect(plain(1, 1, 500_000n, 500_000n)).toBe(1n);
  });

  it('stays exact beyond the range of floating point', () => {
    const tokens = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991
    const price = 123_456_789_012_345n;
    const expected = (BigInt(tokens) * price * 2n + 999_999n) / 1_000_000n;
    expect(plain(tokens, tokens, price, price)).toBe(expected);
    expect(expected).toBe(2_223_999_795_969_419_300_675_354n); // checked independently; remainder 67,790 rounds up
  });

  it.each([
    [-1, 0],
    [0, 1.5],
    [Number.NaN, 0],
    [0, Number.MAX_SAFE_INTEGER + 1],
  ])('refuses token counts %j, %j', (input, output) => {
    expect(() => plain(input, output, 1n, 1n)).toThrow(RangeError);
  });

  it('refuses negative prices', () => {
    expect(() => plain(1, 1, -1n, 1n)).toThrow(RangeError);
  });
});

describe('costMicros with cached input', () => {
  const prices = { inputPerMillion: 2_500_000n, cachedInputPerMillion: 1_250_000n, outputPerMillion: 10_000_000n };

  it('charges cached tokens the cached-input price and the rest the input price', () => {
    // (1,234 − 1,024) × 2.5 + 1,024 × 1.25 + 77 × 10 = 525 + 1,280 + 770 = 2,575 micro-units
    expect(costMicros({ inputTokens: 1234, cachedInputTokens: 1024, outputTokens: 77 }, prices)).toBe(2575n);
  });

  it('charges cached tokens the input price when the model has no cached-input price', () => {
    const noCachedPrice = { ...prices, cachedInputPerMillion: null };
    expect(costMicros({ inputTokens: 1234, cachedInputTokens: 1024, outputTokens: 77 }, noCachedPrice)).toBe(plain(1234, 77, 2_500_000n, 10_000_000n));
  });

  it('rounds the whole sum up once', () => {
    // 1 × 0.5 + 1 × 0.25 = 0.75 → 1
    expect(
      costMicros(
        { inputTokens: 2, cachedInputTokens: 1, outputTokens: 0 },
        { inputPerMillion: 500_000n, cachedInputPerMillion: 250_000n, outputPerMillion: 0n },
      ),
    ).toBe(1n);
  });

  it('refuses more cached tokens than input tokens, and negative cached prices', () => {
    expect(() => costMicros({ inputTokens: 1, cachedInputTokens: 2, outputTokens: 0 }, prices)).toThrow(RangeError);
    expect(() => costMicros({ inputTokens: 1, cachedInputTokens: 1, outputTokens: 0 }, { ...prices, cachedInputPerMillion: -1n })).toThrow(RangeError);
  });
});

describe('readProviderUsage', () => {
  it("reads OpenAI's nested details", () => {
    const usage = {
      prompt_tokens: 1234,
      completion_tokens: 77,
      total_tokens: 1311,
      prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 64, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    expect(readProviderUsage(usage)).toEqual({ inputTokens: 1234, cachedInputTokens: 1024, outputTokens: 77, reasoningTokens: 64 });
  });

  it("reads DeepSeek's cache hits, Moonshot's cached_tokens, embeddings and null details", () => {
    expect(readProviderUsage({ prompt_tokens: 100, completion_tokens: 5, prompt_cache_hit_tokens: 64, prompt_cache_miss_tokens: 36 })).toMatchObject({
      inputTokens: 100,
      cachedInputTokens: 64,
    });
    expect(readProviderUsage({ prompt_tokens: 100, completion_tokens: 5, total_tokens: 105, cached_tokens: 32 })).toMatchObject({ cachedInputTokens: 32 });
    expect(readProviderUsage({ prompt_tokens: 8, total_tokens: 8 })).toEqual({ inputTokens: 8, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0 });
    expect(readProviderUsage({ prompt_tokens: 8, completion_tokens: 2, prompt_tokens_details: null, completion_tokens_details: null })).toMatchObject({
      inputTokens: 8,
      outputTokens: 2,
    });
  });

  it("reads the Responses API's usage", () => {
    const usage = {
      input_tokens: 300,
      input_tokens_details: { cached_tokens: 128 },
      output_tokens: 90,
      output_tokens_details: { reasoning_tokens: 40 },
      total_tokens: 390,
    };
    expect(readProviderUsage(usage)).toEqual({ inputTokens: 300, cachedInputTokens: 128, outputTokens: 90, reasoningTokens: 40 });
  });

  it.each([
    ['no usage', null],
    ['a string', '12'],
    ['a string count', { prompt_tokens: '12', completion_tokens: 3 }],
    ['a negative count', { prompt_tokens: 12, completion_tokens: -3 }],
    ['a fraction', { prompt_tokens: 12.5, completion_tokens: 3 }],
    ['a count beyond 2^53', { prompt_tokens: 2 ** 53 + 2, completion_tokens: 3 }],
    ['a count beyond 32 bits', { prompt_tokens: 2 ** 31, completion_tokens: 3 }],
    ['details that are not an object', { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: 5 }],
    ['more cached than prompt tokens', { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 13 } }],
    ['more reasoning than output tokens', { input_tokens: 12, output_tokens: 3, output_tokens_details: { reasoning_tokens: 4 } }],
    ['no prompt count', { completion_tokens: 3 }],
  ])('answers null for %s', (_, usage) => {
    expect(readProviderUsage(usage)).toBeNull();
  });
});

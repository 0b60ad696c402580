import type { TokenUsage } from '../usage/provider-usage';

/** Prices are micro-units per million tokens, so cost = tokens × price / 1,000,000. */
export const TOKENS_PER_PRICE_UNIT = 1_000_000n;

/** A model's prices in micro-units per million tokens. Without a cached-input price, cached tokens cost the input price. */
export interface ModelPrices {
  inputPerMillion: bigint;
  cachedInputPerMillion: bigint | null;
  outputPerMillion: bigint;
}

function tokens(count: number, field: string): bigint {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${field} must be a non-negative integer`);
  return BigInt(count);
}

/**
 * The exact cost of a call in micro-units: (input − cached) × input price +
 * cached × cached-input price + output × output price. The one cost rule:
 * reservations, settles, Consume records, the request log and the rollups
 * all use it. All math is bigint; the sum is divided once and any fraction of
 * a micro-unit rounds UP, so many tiny calls can never add up to free usage.
 */
export function costMicros(usage: Pick<TokenUsage, 'inputTokens' | 'cachedInputTokens' | 'outputTokens'>, prices: ModelPrices): bigint {
  const { inputPerMillion, outputPerMillion } = prices;
  const cachedPerMillion = prices.cachedInputPerMillion ?? inputPerMillion;
  if (inputPerMillion < 0n || outputPerMillion < 0n || cachedPerMillion < 0n) throw new RangeError('prices must not be negative');
  const input = tokens(usage.inputTokens, 'inputTokens');
  const cached = tokens(usage.cachedInputTokens, 'cachedInputTokens');
  if (cached > input) throw new RangeError('cachedInputTokens must not exceed inputTokens');
  const scaled = (input - cached) * inputPerMillion + cached * cachedPerMillion + tokens(usage.outputTokens, 'outputTokens') * outputPerMillion;
  return (scaled + TOKENS_PER_PRICE_UNIT - 1n) / TOKENS_PER_PRICE_UNIT;
}

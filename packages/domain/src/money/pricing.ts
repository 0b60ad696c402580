/** Prices are micro-units per million tokens, so cost = tokens × price / 1,000,000. */
export const TOKENS_PER_PRICE_UNIT = 1_000_000n;

function tokens(count: number, field: string): bigint {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${field} must be a non-negative integer`);
  return BigInt(count);
}

/**
 * The exact cost of a request in micro-units. All math is bigint; the sum of
 * both sides is divided once and any fraction of a micro-unit rounds UP, so
 * many tiny requests can never add up to free usage.
 */
export function costMicros(
  inputTokens: number,
  outputTokens: number,
  inputPricePerMillionMicros: bigint,
  outputPricePerMillionMicros: bigint,
): bigint {
  if (inputPricePerMillionMicros < 0n || outputPricePerMillionMicros < 0n) throw new RangeError('prices must not be negative');
  const scaled =
    tokens(inputTokens, 'inputTokens') * inputPricePerMillionMicros + tokens(outputTokens, 'outputTokens') * outputPricePerMillionMicros;
  return (scaled + TOKENS_PER_PRICE_UNIT - 1n) / TOKENS_PER_PRICE_UNIT;
}

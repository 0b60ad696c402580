import { describe, expect, it } from 'vitest';
import { costMicros } from '../src';

describe('costMicros', () => {
  it('is exact when the cost is a whole number of micro-units', () => {
    // $2.50 / M input, $10 / M output: 1M in + 1M out = $12.50.
    expect(costMicros(1_000_000, 1_000_000, 2_500_000n, 10_000_000n)).toBe(12_500_000n);
    expect(costMicros(1_000, 500, 3_000_000n, 15_000_000n)).toBe(10_500n);
    expect(costMicros(0, 0, 3_000_000n, 15_000_000n)).toBe(0n);
  });

  it('rounds any fraction of a micro-unit up', () => {
    expect(costMicros(1, 0, 1n, 0n)).toBe(1n); // 0.000001 micro-units
    expect(costMicros(1, 0, 1_000_000n, 0n)).toBe(1n); // exactly 1, no rounding
    expect(costMicros(1, 0, 1_000_001n, 0n)).toBe(2n);
    expect(costMicros(3, 7, 150_000n, 600_000n)).toBe(5n); // 450,000 + 4,200,000 = 4.65 → 5
  });

  it('rounds the sum once, not each side', () => {
    // Each side is 0.5 micro-units: per-side ceil would give 2, the exact total is 1.
    expect(costMicros(1, 1, 500_000n, 500_000n)).toBe(1n);
  });

  it('stays exact beyond the range of floating point', () => {
    const tokens = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991
    const price = 123_456_789_012_345n;
    const expected = (BigInt(tokens) * price * 2n + 999_999n) / 1_000_000n;
    expect(costMicros(tokens, tokens, price, price)).toBe(expected);
    expect(expected).toBe(2_223_999_795_969_419_300_675_354n); // checked independently; remainder 67,790 rounds up
  });

  it.each([
    [-1, 0],
    [0, 1.5],
    [Number.NaN, 0],
    [0, Number.MAX_SAFE_INTEGER + 1],
  ])('refuses token counts %j, %j', (input, output) => {
    expect(() => costMicros(input, output, 1n, 1n)).toThrow(RangeError);
  });

  it('refuses negative prices', () => {
    expect(() => costMicros(1, 1, -1n, 1n)).toThrow(RangeError);
  });
});

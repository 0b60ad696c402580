import { invalid } from '../errors/error-code';

/** Money is integer micro-units (1 USD = 1,000,000) as bigint; decimal strings at the edges. */
export const MICROS_PER_UNIT = 1_000_000n;
const MONEY_PATTERN = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

export function parseMoney(text: string, field = 'amount'): bigint {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) throw invalid(field, `${field} must be a non-negative decimal amount with at most 6 decimals, e.g. "12.50"`);
  const [, whole, fraction = ''] = match;
  return BigInt(whole!) * MICROS_PER_UNIT + BigInt(fraction.padEnd(6, '0'));
}

/** Formats micro-units as a decimal string with at least two decimals ("12.50", "0.000123"). */
export function formatMoney(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const whole = abs / MICROS_PER_UNIT;
  const fraction = (abs % MICROS_PER_UNIT)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${sign}${whole}.${fraction.padEnd(2, '0')}`;
}

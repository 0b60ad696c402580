import { invalid } from '../errors/error-code';

/**
 * Redemption codes: "TGR-" and four groups of four from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 78 random bits; read case-insensitively
 * and with or without dashes. Stored as a SHA-256 only.
 */
export const REDEMPTION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 4;
const GROUP = 4;

export function formatRedemptionCode(random: string): string {
  if (random.length !== GROUPS * GROUP || [...random].some((c) => !REDEMPTION_ALPHABET.includes(c))) throw new RangeError('not a code body');
  return `TGR-${random.match(/.{4}/g)!.join('-')}`;
}

/** The canonical form a code is hashed in, or a VALIDATION error. */
export function normaliseRedemptionCode(input: string): string {
  const body = input
    .trim()
    .toUpperCase()
    .replace(/^TGR-?/, '')
    .replace(/[-\s]/g, '');
  if (body.length !== GROUPS * GROUP || [...body].some((c) => !REDEMPTION_ALPHABET.includes(c))) throw invalid('code', 'is not a redemption code');
  return formatRedemptionCode(body);
}

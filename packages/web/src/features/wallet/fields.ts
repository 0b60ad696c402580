import type { CombinedError } from 'urql';
import { checkLimit, type Errors } from '../limits/fields';

/** For queries showing a wallet or its records: a mutation answering a Wallet (a redemption, a credit) refreshes them. */
export const WALLET_CONTEXT = { additionalTypenames: ['Wallet'] };

/** "$12.50", or "-$1.20" for money out. */
export const money = (value: string) => (value.startsWith('-') ? `-$${value.slice(1)}` : `$${value}`);

/** Why a typed amount is not acceptable (it is required), or null. */
export const checkAmount = (text: string) => (text.trim() === '' ? 'Enter an amount such as 12.50.' : checkLimit('money', text));

/** The start of a UTC day picked in a date input, as an ISO date-time. */
export const startOfUtcDay = (date: string) => (date ? new Date(`${date}T00:00:00Z`).toISOString() : null);

/** The start of the UTC day after the one picked: the exclusive end of a range ending on that day. */
export const afterUtcDay = (date: string) => (date ? new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString() : null);

/** Today as YYYY-MM-DD (UTC), e.g. for file names. */
export const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * The server's errors that name one of the form's fields (VALIDATION, CONFLICT,
 * REDEMPTION_CODE_UNAVAILABLE…), as errors beside those fields.
 */
export function errorsBeside(error: CombinedError | undefined, fields: readonly string[]): Errors {
  const errors: Errors = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (typeof field === 'string' && fields.includes(field)) errors[field] ??= e.message;
  }
  return errors;
}

/** What typed text means to the API, and whether it is acceptable: shared by every form. */

/** Null for a blank optional numeric input, else its number. */
export const optionalInt = (value: string) => (value.trim() === '' ? null : Number(value));

/** "a, b,,c " → ["a", "b", "c"]. */
export const splitList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "a, b\nc" → ["a", "b", "c"]: one entry per comma or line. */
export const splitLines = (value: string) =>
  value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The start of a UTC day picked in a date input, as an ISO date-time. */
export const startOfUtcDay = (date: string) => (date ? new Date(`${date}T00:00:00Z`).toISOString() : null);

/** The end of a UTC day picked in a date input, as an ISO date-time. */
export const endOfUtcDay = (date: string) => (date ? new Date(`${date}T23:59:59Z`).toISOString() : null);

/** The start of the UTC day after the one picked: the exclusive end of a range ending on that day. */
export const afterUtcDay = (date: string) => (date ? new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString() : null);

/** A datetime-local input's value read as UTC. */
export const utcDateTime = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : null);

/** Today as YYYY-MM-DD (UTC), e.g. for file names and date inputs' minimum. */
export const utcToday = () => new Date().toISOString().slice(0, 10);

const MONEY = /^\d{1,12}(\.\d{1,6})?$/;

/** Why a typed limit is not acceptable, or null (blank is fine: no limit). */
export function checkLimit(kind: 'count' | 'money', text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (kind === 'money') return MONEY.test(value) && /[1-9]/.test(value) ? null : 'Enter an amount above 0 such as 12.50, with at most 6 decimals.';
  return /^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value)) ? null : 'Enter a whole number of at least 1.';
}

/** Why a typed amount is not acceptable (it is required), or null. */
export const checkAmount = (text: string) => (text.trim() === '' ? 'Enter an amount such as 12.50.' : checkLimit('money', text));

export const checkResetDay = (text: string) => (/^\d{1,2}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 28 ? null : 'Enter a day from 1 to 28.');

/** How values read on every page. */

/** A local date and time, or the fallback for none. */
export const formatDate = (value: string | null | undefined, fallback = '—') => (value ? new Date(value).toLocaleString() : fallback);

/** "2026-12-01 09:18:19": a UTC time, to the second. */
export const formatUtc = (value: string) => new Date(value).toISOString().replace('T', ' ').slice(0, 19);

/** "$12.50", or "-$1.20" for money out. */
export const money = (value: string) => (value.startsWith('-') ? `-$${value.slice(1)}` : `$${value}`);

/** A list joined with commas, or a dash when empty. */
export const listOf = (values: readonly string[], empty = '—') => values.join(', ') || empty;

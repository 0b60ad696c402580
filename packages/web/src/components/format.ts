/** Display helpers shared by the tables. */
export const formatDate = (value: string | null | undefined, fallback = '—') => (value ? new Date(value).toLocaleString() : fallback);

/** Null for a blank optional numeric input, else its number. */
export const optionalInt = (value: string) => (value.trim() === '' ? null : Number(value));

/** "a, b,,c " → ["a", "b", "c"]. */
export const splitList = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** The end of a UTC day picked in a date input, as an ISO date-time. */
export const endOfUtcDay = (date: string) => (date ? new Date(`${date}T23:59:59Z`).toISOString() : null);

import { useState } from 'react';

/**
 * Of two sources of the same figures (a query's answer and a subscription's
 * latest message), the one that changed last; null until either has a value.
 * A refetched query wins until the next message, and the other way round.
 */
export function useNewest<T>(a: T | null | undefined, b: T | null | undefined): T | null {
  const [seen, setSeen] = useState({ a, b, newest: b ?? a ?? null });
  if (seen.a === a && seen.b === b) return seen.newest;
  const newest = seen.b !== b && b != null ? b : seen.a !== a && a != null ? a : seen.newest;
  // Adjusting state while rendering (React's pattern for values derived from changes): no extra commit.
  setSeen({ a, b, newest });
  return newest;
}

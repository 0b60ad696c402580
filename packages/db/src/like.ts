/** An ILIKE pattern matching `text` anywhere, with LIKE's wildcards escaped; undefined for blank input. */
export function containsPattern(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
}

import type pg from 'pg';

/** Which of these ids are organizations of this database (Redis mode's recorders write only their own organizations' streams). */
export async function organizationsAmong(db: Pick<pg.Pool, 'query'>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<{ id: string }>('select id::text from organizations where id = any($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

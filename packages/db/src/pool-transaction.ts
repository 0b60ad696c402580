import type pg from 'pg';
import type { Queryable } from './ledger/consumes';

/** Runs `work` in one transaction on one connection of the pool: committed if it resolves, rolled back if it throws. */
export async function inPoolTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction on one connection. */
export type InTransaction = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

/** InTransaction over a pg pool. */
export const poolTransaction =
  (pool: pg.Pool): InTransaction =>
  (work) =>
    inPoolTransaction(pool, work);

import { describe, expect, it } from 'vitest';
import { functionBody, LEDGER_FUNCTIONS, ledgerFunctionSql, type LedgerFunction } from '../src';
import { freshDatabase } from './support/fresh-database';

const { pool } = await freshDatabase();

describe("the ledger's SQL functions", () => {
  it.each(Object.keys(LEDGER_FUNCTIONS) as LedgerFunction[])('%s runs exactly what its file in ledger/sql says', async (name) => {
    const { rows } = await pool.query<{ prosrc: string }>('select prosrc from pg_proc where proname = $1', [name]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.prosrc).toBe(functionBody(ledgerFunctionSql(name)));
  });
});

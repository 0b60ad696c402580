import { readFileSync } from 'node:fs';

/**
 * The ledger's trigger functions, each defined by one SQL file in ./sql,
 * applied by migration (create or replace). To change one: edit its file, then
 * add a migration that applies ledgerFunctionsSql() again; ledger.test.ts
 * fails while the live definition and the file differ.
 */
export const LEDGER_FUNCTIONS = {
  tollgate_wallet_record_chain: 'wallet-record-chain.sql',
  tollgate_wallet_balance_guard: 'wallet-balance-guard.sql',
  tollgate_refuse_change: 'refuse-change.sql',
} as const;

export type LedgerFunction = keyof typeof LEDGER_FUNCTIONS;

/** A function's `create or replace` statement, as its file holds it. */
export const ledgerFunctionSql = (name: LedgerFunction): string => readFileSync(new URL(`./sql/${LEDGER_FUNCTIONS[name]}`, import.meta.url), 'utf8');

/** Every ledger function's statement. */
export const ledgerFunctionsSql = (): string[] => (Object.keys(LEDGER_FUNCTIONS) as LedgerFunction[]).map(ledgerFunctionSql);

/** The body (between the $$ quotes) of a function's statement: what PostgreSQL keeps as prosrc. */
export function functionBody(statement: string): string {
  const start = statement.indexOf('$$');
  const end = statement.lastIndexOf('$$');
  return start >= 0 && end > start ? statement.slice(start + 2, end) : '';
}

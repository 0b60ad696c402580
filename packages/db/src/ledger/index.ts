export { appendConsumes, type Consume, type Queryable } from './consumes';
export { appendMoneyIn, type MoneyIn } from './money-in';
export { functionBody, LEDGER_FUNCTIONS, ledgerFunctionSql, ledgerFunctionsSql, type LedgerFunction } from './functions';

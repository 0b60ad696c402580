import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../invitations/invite-csv';
import { formatMoney } from '../money/money';
import type { WalletRecordType } from './ledger';

export interface WalletRecordRow {
  createdAt: Date;
  type: WalletRecordType;
  amount: bigint;
  previousBalance: bigint;
  currentBalance: bigint;
  description: string;
  reference?: string | null;
  requestLogId?: string | null;
}

/** Numbers we wrote stay numbers; any other text a spreadsheet could evaluate is neutralised. */
export const spreadsheetCell = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? value : neutraliseFormula(value));

/** Records as RFC 4180 CSV (CRLF), amounts as decimal USD, times as UTC ISO 8601. */
export function walletRecordsCsv(records: readonly WalletRecordRow[]): string {
  const rows = records.map((r) =>
    [
      r.createdAt.toISOString(),
      r.type,
      formatMoney(r.amount),
      formatMoney(r.previousBalance),
      formatMoney(r.currentBalance),
      r.description,
      r.reference ?? '',
      r.requestLogId ?? '',
    ].map(spreadsheetCell),
  );
  return stringify([['createdAt', 'type', 'amount', 'previousBalance', 'currentBalance', 'description', 'reference', 'requestLogId'], ...rows], {
    record_delimiter: '\r\n',
  });
}

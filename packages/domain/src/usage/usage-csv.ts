import { stringify } from 'csv-stringify/sync';
import { formatMoney } from '../money/money';
import { spreadsheetCell } from '../wallet/records-csv';

/** The columns of `GET /api/usage.csv`: the usage query's row, field for field. */
export const USAGE_CSV_COLUMNS = [
  'windowStart',
  'windowEnd',
  'projectId',
  'apiKeyId',
  'userId',
  'model',
  'status',
  'requests',
  'errors',
  'inputTokens',
  'cachedInputTokens',
  'outputTokens',
  'reasoningTokens',
  'cost',
] as const;

export interface UsageCsvRow {
  windowStart: Date;
  windowEnd: Date;
  projectId: string | null;
  apiKeyId: string | null;
  userId: string | null;
  model: string | null;
  status: number | null;
  requests: number;
  errors: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Micro-units; written as a decimal USD string. */
  cost: bigint;
}

/**
 * Rows as RFC 4180 records (CRLF, quoted where needed), times as UTC ISO 8601,
 * cost in decimal USD, an empty cell for a dimension not grouped by. Model
 * names come from callers, so every cell goes through the wallet export's
 * neutraliser (a leading = + - @ gets an apostrophe; our numbers stay numbers).
 */
export function usageCsvRecords(rows: readonly UsageCsvRow[], withHeader = false): string {
  const records = rows.map((r) =>
    [
      r.windowStart.toISOString(),
      r.windowEnd.toISOString(),
      r.projectId ?? '',
      r.apiKeyId ?? '',
      r.userId ?? '',
      r.model ?? '',
      r.status === null ? '' : String(r.status),
      String(r.requests),
      String(r.errors),
      String(r.inputTokens),
      String(r.cachedInputTokens),
      String(r.outputTokens),
      String(r.reasoningTokens),
      formatMoney(r.cost),
    ].map(spreadsheetCell),
  );
  return stringify(withHeader ? [[...USAGE_CSV_COLUMNS], ...records] : records, { record_delimiter: '\r\n' });
}

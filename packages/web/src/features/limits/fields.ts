import { checkLimit, type Errors } from '../../components';

/** One limit: a count (requests, tokens) or an amount of money; blank means no limit. */
export interface LimitSpec<K extends string = string> {
  key: K;
  label: string;
  kind: 'count' | 'money';
  /** Appended in summaries: "500 requests/day", "$2.50/day". */
  unit: string;
}

export const QUOTA_LIMITS = [
  { key: 'requestsPerMinuteLimit', label: 'Requests per minute', kind: 'count', unit: ' requests/min' },
  { key: 'tokensPerMinuteLimit', label: 'Tokens per minute', kind: 'count', unit: ' tokens/min' },
  { key: 'dailyRequestLimit', label: 'Requests per day', kind: 'count', unit: ' requests/day' },
  { key: 'dailyTokenLimit', label: 'Tokens per day', kind: 'count', unit: ' tokens/day' },
  { key: 'monthlyRequestLimit', label: 'Requests per month', kind: 'count', unit: ' requests/month' },
  { key: 'monthlyTokenLimit', label: 'Tokens per month', kind: 'count', unit: ' tokens/month' },
  { key: 'dailyBudget', label: 'Daily budget (USD)', kind: 'money', unit: '/day' },
  { key: 'monthlyBudget', label: 'Monthly budget (USD)', kind: 'money', unit: '/month' },
] as const satisfies readonly LimitSpec[];

export const ORGANIZATION_LIMITS = [
  { key: 'rpm', label: 'Requests per minute', kind: 'count', unit: ' requests/min' },
  { key: 'tpm', label: 'Tokens per minute', kind: 'count', unit: ' tokens/min' },
  { key: 'rph', label: 'Requests per hour', kind: 'count', unit: ' requests/hour' },
  { key: 'rpd', label: 'Requests per day', kind: 'count', unit: ' requests/day' },
  { key: 'tpd', label: 'Tokens per day', kind: 'count', unit: ' tokens/day' },
  { key: 'dailyBudget', label: 'Daily budget (USD)', kind: 'money', unit: '/day' },
  { key: 'monthlyBudget', label: 'Monthly budget (USD)', kind: 'money', unit: '/month' },
] as const satisfies readonly LimitSpec[];

type Value = number | string | null | undefined;
type KeyOf<F extends readonly LimitSpec[]> = F[number]['key'];
/** Limits as the API returns them: null or absent is no limit. */
export type LimitValues<F extends readonly LimitSpec[]> = Partial<Record<KeyOf<F>, Value>>;

/** "10,000", "$2.50", or "no limit". */
export function formatLimit(kind: LimitSpec['kind'], value: Value): string {
  if (value == null) return 'no limit';
  return kind === 'money' ? `$${value}` : Number(value).toLocaleString('en-US');
}

/** The text fields of a form, from the values the API returned. */
export function formOf<F extends readonly LimitSpec[]>(fields: F, values: LimitValues<F>) {
  return Object.fromEntries(fields.map((f) => [f.key, values[f.key as KeyOf<F>] == null ? '' : String(values[f.key as KeyOf<F>])])) as Record<KeyOf<F>, string>;
}

/** An API input: money as decimal strings, counts as numbers, null for no limit. */
export type LimitInputValues<F extends readonly LimitSpec[]> = {
  [K in KeyOf<F>]: Extract<F[number], { key: K }>['kind'] extends 'money' ? string | null : number | null;
};

/** The API input: every field, blank ones as null (the mutations replace everything). */
export function inputOf<F extends readonly LimitSpec[]>(fields: F, form: Record<KeyOf<F>, string>): LimitInputValues<F> {
  return Object.fromEntries(
    fields.map((f) => {
      const text = form[f.key as KeyOf<F>].trim();
      return [f.key, text === '' ? null : f.kind === 'money' ? text : Number(text)];
    }),
  ) as LimitInputValues<F>;
}

export function validate<F extends readonly LimitSpec[]>(fields: F, form: Record<KeyOf<F>, string>): Errors {
  const errors: Errors = {};
  for (const f of fields) {
    const problem = checkLimit(f.kind, form[f.key as KeyOf<F>]);
    if (problem) errors[f.key] = problem;
  }
  return errors;
}

import { z } from 'zod';
import { invalid } from '../errors/error-code';
import { parseMoney } from '../money/money';

/**
 * Alert rules: what is watched, the thresholds, and where a crossing goes.
 *
 *   BALANCE      an organization's wallet balance falling below an amount
 *                (re-armed when it rises above it again);
 *   CONSUMPTION  a project's spend in its natural day or month reaching an
 *                amount (the organization's zone; months from the project's
 *                quota reset day);
 *   QUOTA        a share (percent) of any of a project's quotas and budgets,
 *                or of the organization's limits, being reached.
 * Consumption and quota alerts fire once per threshold and period, and are
 * resolved when the period ends.
 */
export const AlertKind = { BALANCE: 'BALANCE', CONSUMPTION: 'CONSUMPTION', QUOTA: 'QUOTA' } as const;
export type AlertKind = (typeof AlertKind)[keyof typeof AlertKind];

export const AlertPeriod = { DAY: 'DAY', MONTH: 'MONTH' } as const;
export type AlertPeriod = (typeof AlertPeriod)[keyof typeof AlertPeriod];

export const MAX_THRESHOLDS = 10;
export const MAX_TEMPLATE_BYTES = 2048;
export const DEFAULT_BALANCE_THRESHOLD = 5_000_000n;
export const DEFAULT_MAX_DAILY_ALERTS = 3;

/** The placeholders a message template may use, by kind. */
export const TEMPLATE_PLACEHOLDERS: Record<AlertKind, readonly string[]> = {
  BALANCE: ['threshold', 'balance', 'organization'],
  CONSUMPTION: ['threshold', 'spent', 'period', 'project', 'organization'],
  QUOTA: ['threshold', 'metric', 'limit', 'used', 'period', 'project', 'organization'],
};

/** Money thresholds as decimal strings: at most 10, positive, distinct; answered highest first. */
export function parseMoneyThresholds(values: readonly string[], field: string): bigint[] {
  if (values.length > MAX_THRESHOLDS) throw invalid(field, `${field} may hold at most ${MAX_THRESHOLDS} thresholds`);
  const amounts = values.map((v, i) => {
    const amount = parseMoney(String(v), `${field}[${i}]`);
    if (amount <= 0n) throw invalid(field, `${field}[${i}] must be positive`);
    return amount;
  });
  if (new Set(amounts).size !== amounts.length) throw invalid(field, `${field} must not repeat a threshold`);
  return amounts.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
}

/** Quota shares in percent (1 to 1000, so "over budget by half" is 150): at most 10, distinct; answered lowest first. */
export function parseShares(values: readonly number[], field: string): number[] {
  if (values.length > MAX_THRESHOLDS) throw invalid(field, `${field} may hold at most ${MAX_THRESHOLDS} shares`);
  for (const [i, v] of values.entries()) {
    if (!Number.isInteger(v) || v < 1 || v > 1000) throw invalid(field, `${field}[${i}] must be a whole percent from 1 to 1000`);
  }
  if (new Set(values).size !== values.length) throw invalid(field, `${field} must not repeat a share`);
  return [...values].sort((a, b) => a - b);
}

/** A template of at most 2 KiB using only its kind's placeholders ({threshold}, …). */
export function parseMessageTemplate(template: string | null | undefined, kind: AlertKind, field = 'messageTemplate'): string | null {
  if (template === null || template === undefined || template.trim() === '') return null;
  if (Buffer.byteLength(template) > MAX_TEMPLATE_BYTES) throw invalid(field, `${field} must be at most ${MAX_TEMPLATE_BYTES} bytes`);
  const allowed = TEMPLATE_PLACEHOLDERS[kind];
  for (const [, name] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!allowed.includes(name!)) throw invalid(field, `${field} uses {${name}}; it may use ${allowed.map((p) => `{${p}}`).join(', ')}`);
  }
  return template;
}

/** The template with its placeholders filled in (unknown ones were refused when it was saved). */
export function renderMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Headers a webhook may not set: the transport's own and the signature's. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'user-agent',
]);
/** RFC 9110 field-name: a token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;
export const MAX_CUSTOM_HEADERS = 20;

export interface CustomHeader {
  name: string;
  value: string;
}

/** Custom headers of a webhook: valid names, none reserved or repeated, values without line breaks. */
export function parseCustomHeaders(headers: readonly CustomHeader[], field = 'customHeaders'): CustomHeader[] {
  if (headers.length > MAX_CUSTOM_HEADERS) throw invalid(field, `${field} may hold at most ${MAX_CUSTOM_HEADERS} headers`);
  const seen = new Set<string>();
  return headers.map(({ name, value }, i) => {
    if (!HEADER_NAME.test(name)) throw invalid(`${field}[${i}].name`, `${name} is not a valid header name`);
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) throw invalid(`${field}[${i}].name`, `${name} is set by Tollgate and may not be overridden`);
    if (seen.has(lower)) throw invalid(`${field}[${i}].name`, `${name} is given twice`);
    seen.add(lower);
    if (/[\r\n\0]/.test(value) || value.length > 1000) throw invalid(`${field}[${i}].value`, 'a header value must be one line of at most 1000 characters');
    return { name, value };
  });
}

/** A webhook URL: http or https, no credentials in it, at most 2,000 characters. (Where it points is checked when connecting.) */
export function parseWebhookUrl(text: string, field = 'url'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(field, `${field} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(field, `${field} must use http or https`);
  if (url.username || url.password) throw invalid(field, `${field} must not carry credentials; use customHeaders`);
  if (text.length > 2000) throw invalid(field, `${field} must be at most 2000 characters`);
  return url;
}

export const mobileNumberSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +14155550123');

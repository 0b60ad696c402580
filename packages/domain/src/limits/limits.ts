import type { LimitWindow } from './windows';

export type Metric = 'requests' | 'tokens' | 'money';
export type ScopeKind = 'organization' | 'project' | 'key';

/** Money limits are bigint micro-units; counts are numbers. All optional: null or absent means no limit. */
export interface OrganizationLimits {
  rpm?: number | null;
  tpm?: number | null;
  rph?: number | null;
  rpd?: number | null;
  tpd?: number | null;
  dailyBudget?: bigint | null;
  monthlyBudget?: bigint | null;
}

export interface ProjectQuota {
  dailyRequestLimit?: number | null;
  dailyTokenLimit?: number | null;
  monthlyRequestLimit?: number | null;
  monthlyTokenLimit?: number | null;
  requestsPerMinuteLimit?: number | null;
  tokensPerMinuteLimit?: number | null;
  dailyBudget?: bigint | null;
  monthlyBudget?: bigint | null;
  /** false: usage is tracked, never refused. */
  enforceQuota?: boolean;
  /** Day of the month (1 to 28) the monthly quota resets on, at 00:00 UTC. */
  customResetDay?: number;
}

export interface KeyLimits {
  rpm?: number | null;
  tpm?: number | null;
  dailyBudget?: bigint | null;
}

/** One counter a call must fit in. */
export interface LimitRule {
  scope: ScopeKind;
  scopeId: string;
  metric: Metric;
  window: LimitWindow;
  limit: bigint;
  /** false: counted but never refusing (a project with enforceQuota off). */
  enforce: boolean;
  resetDay: number;
  /** Names the limit in refusals, e.g. "project_daily_token_limit". */
  code: LimitCode;
}

const WINDOW_WORD = { minute: 'per_minute', hour: 'per_hour', day: 'daily', month: 'monthly' } as const satisfies Record<LimitWindow, string>;
const METRIC_WORD = { requests: 'request_limit', tokens: 'token_limit', money: 'budget' } as const satisfies Record<Metric, string>;

/** The `code` of a refusal by a limit (OpenAI's error `code` field), e.g. "key_per_minute_request_limit". */
export type LimitCode = `${ScopeKind}_${(typeof WINDOW_WORD)[LimitWindow]}_${(typeof METRIC_WORD)[Metric]}`;
/** The `code` of any refusal by the limits engine: a limit's, or the prepaid wallet's. */
export type RefusalCode = LimitCode | 'wallet_insufficient_funds' | 'wallet_inactive';

export const limitCode = (scope: ScopeKind, metric: Metric, window: LimitWindow): LimitCode => `${scope}_${WINDOW_WORD[window]}_${METRIC_WORD[metric]}`;

/** Rate limits (requests and tokens per minute or hour) answer `rate_limit_exceeded`; quotas and budgets `insufficient_quota`. */
export const isRateLimit = (rule: Pick<LimitRule, 'metric' | 'window'>) => rule.metric !== 'money' && (rule.window === 'minute' || rule.window === 'hour');

type Entry = readonly [metric: Metric, window: LimitWindow, value: number | bigint | null | undefined];

const ORG_ENTRIES = (l: OrganizationLimits): Entry[] => [
  ['requests', 'minute', l.rpm],
  ['tokens', 'minute', l.tpm],
  ['requests', 'hour', l.rph],
  ['requests', 'day', l.rpd],
  ['tokens', 'day', l.tpd],
  ['money', 'day', l.dailyBudget],
  ['money', 'month', l.monthlyBudget],
];
const PROJECT_ENTRIES = (q: ProjectQuota): Entry[] => [
  ['requests', 'minute', q.requestsPerMinuteLimit],
  ['tokens', 'minute', q.tokensPerMinuteLimit],
  ['requests', 'day', q.dailyRequestLimit],
  ['tokens', 'day', q.dailyTokenLimit],
  ['requests', 'month', q.monthlyRequestLimit],
  ['tokens', 'month', q.monthlyTokenLimit],
  ['money', 'day', q.dailyBudget],
  ['money', 'month', q.monthlyBudget],
];
const KEY_ENTRIES = (k: KeyLimits): Entry[] => [
  ['requests', 'minute', k.rpm],
  ['tokens', 'minute', k.tpm],
  ['money', 'day', k.dailyBudget],
];

/** Every counter a call of this key must fit in: organization, project and key limits, all at once. */
export function limitRules(
  ids: { organizationId: string; projectId: string; keyId: string },
  org: OrganizationLimits,
  project: ProjectQuota,
  key: KeyLimits,
): LimitRule[] {
  const rules: LimitRule[] = [];
  const add = (scope: ScopeKind, scopeId: string, entries: Entry[], enforce: boolean, resetDay: number) => {
    for (const [metric, window, value] of entries) {
      if (value == null) continue;
      rules.push({ scope, scopeId, metric, window, limit: BigInt(value), enforce, resetDay, code: limitCode(scope, metric, window) });
    }
  };
  add('organization', ids.organizationId, ORG_ENTRIES(org), true, 1);
  add('project', ids.projectId, PROJECT_ENTRIES(project), project.enforceQuota !== false, project.customResetDay ?? 1);
  add('key', ids.keyId, KEY_ENTRIES(key), true, 1);
  return rules;
}

const ORG_EQUIVALENT: Partial<Record<keyof ProjectQuota, keyof OrganizationLimits>> = {
  requestsPerMinuteLimit: 'rpm',
  tokensPerMinuteLimit: 'tpm',
  dailyRequestLimit: 'rpd',
  dailyTokenLimit: 'tpd',
  dailyBudget: 'dailyBudget',
  monthlyBudget: 'monthlyBudget',
};

/**
 * What a project's quota amounts to under its organization's limits: a
 * project limit above the organization's is kept as asked but the
 * organization's binds, so the effective value is the smaller one.
 */
export function effectiveProjectQuota(project: ProjectQuota, org: OrganizationLimits): ProjectQuota {
  const effective: ProjectQuota = { ...project };
  for (const [field, orgField] of Object.entries(ORG_EQUIVALENT) as Array<[keyof ProjectQuota, keyof OrganizationLimits]>) {
    const own = project[field] as number | bigint | null | undefined;
    const cap = org[orgField];
    if (cap == null) continue;
    (effective as Record<string, unknown>)[field] = own == null ? cap : BigInt(own) <= BigInt(cap) ? own : cap;
  }
  return effective;
}

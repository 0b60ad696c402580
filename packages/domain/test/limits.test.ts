import { describe, expect, it } from 'vitest';
import { countedBuckets, effectiveProjectQuota, isRateLimit, limitRules, periodOf, resetDuration, retryAt } from '../src';

const at = (iso: string) => new Date(iso);

describe('fixed windows (UTC)', () => {
  it('a day runs from 00:00 UTC to the next 00:00 UTC', () => {
    expect(periodOf('day', at('2026-03-01T23:59:59.999Z'))).toEqual({ id: '2026-03-01', start: at('2026-03-01T00:00:00Z'), end: at('2026-03-02T00:00:00Z') });
    expect(periodOf('day', at('2026-03-02T00:00:00.000Z')).id).toBe('2026-03-02');
    expect(periodOf('day', at('2026-12-31T12:00:00Z')).end).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('a month resets at 00:00 UTC on its reset day, across month and year ends', () => {
    expect(periodOf('month', at('2026-11-15T00:00:00Z'), 15)).toMatchObject({ id: '2026-11-15', end: at('2026-12-15T00:00:00Z') });
    expect(periodOf('month', at('2026-11-14T23:59:59.999Z'), 15)).toMatchObject({ id: '2026-10-15', end: at('2026-11-15T00:00:00Z') });
    expect(periodOf('month', at('2027-01-10T00:00:00Z'), 28)).toMatchObject({ id: '2026-12-28', end: at('2027-01-28T00:00:00Z') });
    expect(periodOf('month', at('2026-12-31T23:59:59Z'), 1)).toMatchObject({ id: '2026-12-01', end: at('2027-01-01T00:00:00Z') });
  });

  it('handles February in leap and common years', () => {
    expect(periodOf('month', at('2028-02-29T10:00:00Z'), 28)).toMatchObject({ id: '2028-02-28', end: at('2028-03-28T00:00:00Z') });
    expect(periodOf('month', at('2027-03-01T00:00:00Z'), 28)).toMatchObject({ id: '2027-02-28', end: at('2027-03-28T00:00:00Z') });
    expect(periodOf('day', at('2028-02-29T23:00:00Z')).end).toEqual(at('2028-03-01T00:00:00Z'));
    expect(periodOf('day', at('2027-02-28T23:00:00Z')).end).toEqual(at('2027-03-01T00:00:00Z'));
  });

  it('refuses a reset day outside 1 to 28', () => {
    for (const day of [0, 29, 31, 1.5]) expect(() => periodOf('month', at('2026-01-01T00:00:00Z'), day)).toThrow(RangeError);
  });
});

describe('rolling windows', () => {
  it('sum the current bucket and a whole span before it, so any 60-second span is covered', () => {
    const now = at('2026-05-05T10:00:30.500Z').getTime();
    const { first, last } = countedBuckets('minute', now);
    expect(last - first).toBe(60);
    // The counted interval starts at or before now - 60 s.
    expect(first * 1000).toBeLessThanOrEqual(now - 60_000);
    expect((first + 1) * 1000).toBeGreaterThan(now - 60_000);
    const hour = countedBuckets('hour', now);
    expect(hour.last - hour.first).toBe(60);
  });

  it('tell when to retry and say it as OpenAI does', () => {
    expect(retryAt('minute', at('2026-05-05T10:00:30.250Z'))).toEqual(at('2026-05-05T10:00:31Z'));
    expect(retryAt('day', at('2026-05-05T10:00:30Z'))).toEqual(at('2026-05-06T00:00:00Z'));
    expect(retryAt('month', at('2026-05-05T10:00:30Z'), 3)).toEqual(at('2026-06-03T00:00:00Z'));
    expect([resetDuration(250), resetDuration(61_000), resetDuration(7_384_000)]).toEqual(['1s', '1m1s', '2h3m4s']);
  });
});

describe('limit rules', () => {
  const ids = { organizationId: 'o', projectId: 'p', keyId: 'k' };

  it('collect every configured limit with a code naming scope, window and metric', () => {
    const rules = limitRules(ids, { rpm: 100, monthlyBudget: 5_000_000n }, { dailyTokenLimit: 1000, enforceQuota: true, customResetDay: 15 }, { tpm: 50 });
    expect(rules.map((r) => [r.code, r.limit, r.resetDay, isRateLimit(r)])).toEqual([
      ['organization_per_minute_request_limit', 100n, 1, true],
      ['organization_monthly_budget', 5_000_000n, 1, false],
      ['project_daily_token_limit', 1000n, 15, false],
      ['key_per_minute_token_limit', 50n, 1, true],
    ]);
  });

  it('track without enforcing when a project turns enforcement off', () => {
    expect(limitRules(ids, {}, { dailyRequestLimit: 5, enforceQuota: false }, {})).toEqual([
      expect.objectContaining({ enforce: false, code: 'project_daily_request_limit' }),
    ]);
  });

  it("report a project limit above the organization's at the organization's value", () => {
    expect(
      effectiveProjectQuota({ dailyRequestLimit: 500, dailyBudget: 1_000_000n, monthlyRequestLimit: 9 }, { rpd: 100, dailyBudget: 2_000_000n, rpm: 10 }),
    ).toEqual({
      dailyRequestLimit: 100,
      dailyBudget: 1_000_000n,
      monthlyRequestLimit: 9,
      requestsPerMinuteLimit: 10,
    });
  });
});

import { ApiKey, Organization, Project } from '@tollgate/db';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';

const h = await startHarness();
const SET_ORG =
  'mutation($o: ID!, $input: OrganizationLimitsInput!) { setOrganizationLimits(organizationId: $o, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget } }';
const QUOTA_FIELDS =
  'dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay';
const SET_QUOTA = `mutation($p: ID!, $input: ProjectQuotaInput!) { setProjectQuota(projectId: $p, input: $input) { quota { ${QUOTA_FIELDS} } effective { ${QUOTA_FIELDS} } } }`;
const USAGE = `query($p: ID!) { quotaUsage(projectId: $p, period: MONTH) { projectId period dailyUsage { requestCount tokenCount spent date }
  monthlyUsage { requestCount tokenCount spent resetDay periodStart } quotaLimitRemaining { dailyRequests dailyTokens monthlyRequests monthlyTokens dailyBudget monthlyBudget } } }`;

async function world() {
  const admin = await h.user();
  const organization = await h.organization(admin);
  const project = await h.project(organization);
  return { organization, project, client: await h.signedIn(admin) };
}

/** One hourly rollup row, as the proxy's recorder writes them. */
async function rollup(o: Organization, p: Project, hour: Date, requests: number, forwarded: number, tokens: number, cost: bigint) {
  await h.orm.em.getConnection().execute(
    `insert into usage_hourly (id, hour, organization_id, project_id, api_key_id, user_id, model, requests, errors, forwarded, input_tokens, output_tokens, cost)
     values (?, ?, ?, ?, ?, null, 'mock-small', ?, ?, ?, ?, 0, ?)`,
    [randomUUID(), hour, o.id, p.id, randomUUID(), requests, requests - forwarded, forwarded, tokens, cost.toString()],
  );
}

describe('organization limits and project quota', () => {
  it("store a project limit above the organization's as asked and show it enforced at the organization's", async () => {
    const { organization, project, client } = await world();
    const org = await client.gql(SET_ORG, { o: organization.id, input: { rpm: 60, rpd: 1000, tpd: 2_000_000, dailyBudget: '5.00', monthlyBudget: '100' } });
    expect(org.data!.setOrganizationLimits).toEqual({ rpm: 60, tpm: null, rph: null, rpd: 1000, tpd: 2_000_000, dailyBudget: '5.00', monthlyBudget: '100.00' });

    const set = await client.gql(SET_QUOTA, {
      p: project.id,
      input: { dailyRequestLimit: 5000, monthlyTokenLimit: 10_000_000_000, requestsPerMinuteLimit: 30, dailyBudget: '7.50', customResetDay: 15 },
    });
    expect(outcome(set), JSON.stringify(set.errors)).toBe('OK');
    expect(set.data!.setProjectQuota.quota).toMatchObject({
      dailyRequestLimit: 5000,
      monthlyTokenLimit: 10_000_000_000,
      requestsPerMinuteLimit: 30,
      dailyBudget: '7.50',
      enforceQuota: true,
      customResetDay: 15,
    });
    expect(set.data!.setProjectQuota.effective).toMatchObject({
      dailyRequestLimit: 1000,
      requestsPerMinuteLimit: 30,
      dailyTokenLimit: 2_000_000,
      dailyBudget: '5.00',
      monthlyBudget: '100.00',
      monthlyTokenLimit: 10_000_000_000,
    });
    // Stored for the proxy exactly as asked, money as micro-unit strings.
    expect((await h.orm.em.fork().findOneOrFail(Project, project.id)).quota).toEqual({
      dailyRequestLimit: 5000,
      monthlyTokenLimit: 10_000_000_000,
      requestsPerMinuteLimit: 30,
      dailyBudget: '7500000',
      enforceQuota: true,
      customResetDay: 15,
    });

    // Replacing drops what the new input leaves out.
    const replaced = await client.gql(SET_QUOTA, { p: project.id, input: { enforceQuota: false } });
    expect(replaced.data!.setProjectQuota.quota).toMatchObject({ dailyRequestLimit: null, dailyBudget: null, enforceQuota: false, customResetDay: 1 });
  });

  it('refuse bad limits with a field and change nothing', async () => {
    const { organization, project, client } = await world();
    await client.gql(SET_QUOTA, { p: project.id, input: { dailyRequestLimit: 10 } });
    for (const [input, field] of [
      [{ customResetDay: 29 }, 'customResetDay'],
      [{ dailyRequestLimit: 0 }, 'dailyRequestLimit'],
      [{ dailyBudget: '-1' }, 'dailyBudget'],
      [{ tokensPerMinuteLimit: 2e12 }, 'tokensPerMinuteLimit'],
    ] as const) {
      const result = await client.gql(SET_QUOTA, { p: project.id, input });
      expect(outcome(result), JSON.stringify(input)).toBe('VALIDATION');
      expect(result.errors![0]!.extensions!.field, JSON.stringify(result.errors)).toBe(field);
    }
    expect((await h.orm.em.fork().findOneOrFail(Project, project.id)).quota).toEqual({ dailyRequestLimit: 10, enforceQuota: true, customResetDay: 1 });
    expect(outcome(await client.gql(SET_ORG, { o: organization.id, input: { rpm: -5 } }))).toBe('VALIDATION');
    expect((await h.orm.em.fork().findOneOrFail(Organization, organization.id)).limits).toEqual({});
  });

  it("report quota usage in the seed's shape from the hourly rollups, for the UTC day and the quota month", async () => {
    const { organization, project, client } = await world();
    const now = new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const resetDay = 1;
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), resetDay));
    await client.gql(SET_QUOTA, {
      p: project.id,
      input: { dailyRequestLimit: 10, dailyTokenLimit: 1000, monthlyRequestLimit: 100, dailyBudget: '1.00', customResetDay: resetDay },
    });
    await rollup(organization, project, today, 4, 3, 300, 250_000n); // one refused call: counts as a request, not against the limit
    await rollup(organization, project, new Date(today.getTime() + 3_600_000 * Math.min(now.getUTCHours(), 1)), 2, 2, 200, 100_000n);
    if (monthStart.getTime() < today.getTime()) await rollup(organization, project, monthStart, 50, 50, 5000, 2_000_000n);
    await rollup(organization, project, new Date(monthStart.getTime() - 3_600_000), 999, 999, 99_999, 9_000_000n); // the previous quota month

    const { data, errors } = await client.gql(USAGE, { p: project.id });
    expect(errors).toBeUndefined();
    const earlier = monthStart.getTime() < today.getTime() ? 50 : 0;
    expect(data!.quotaUsage).toEqual({
      projectId: project.id,
      period: 'MONTH',
      dailyUsage: { requestCount: 5, tokenCount: 500, spent: '0.35', date: today.toISOString().slice(0, 10) },
      monthlyUsage: {
        requestCount: 5 + earlier,
        tokenCount: 500 + earlier * 100,
        spent: earlier ? '2.35' : '0.35',
        resetDay,
        periodStart: monthStart.toISOString().slice(0, 10),
      },
      quotaLimitRemaining: { dailyRequests: 5, dailyTokens: 500, monthlyRequests: 95 - earlier, monthlyTokens: null, dailyBudget: '0.65', monthlyBudget: null },
    });
  });

  it("replace a key's own limits, refusing bad ones without change", async () => {
    const { project, client } = await world();
    const created = await client.gql('mutation($p: ID!) { createApiKey(projectId: $p, input: {name: "k", limits: {rpm: 10}}) { apiKey { id } } }', {
      p: project.id,
    });
    const id = created.data!.createApiKey.apiKey.id;
    const SET =
      'mutation($p: ID!, $id: ID!, $l: ApiKeyLimitsInput!) { setApiKeyLimits(projectId: $p, id: $id, limits: $l) { limits { rpm tpm dailyBudget } } }';
    expect((await client.gql(SET, { p: project.id, id, l: { tpm: 5000, dailyBudget: '0.25' } })).data!.setApiKeyLimits.limits).toEqual({
      rpm: null,
      tpm: 5000,
      dailyBudget: '0.25',
    });
    const bad = await client.gql(SET, { p: project.id, id, l: { rpm: 0 } });
    expect(outcome(bad)).toBe('VALIDATION');
    expect(await h.orm.em.fork().findOneOrFail(ApiKey, id)).toMatchObject({ rpmLimit: null, tpmLimit: 5000, dailyBudget: 250_000n });
  });
});

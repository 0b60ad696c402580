import { hashPassword, randomBase62, User, type MikroORM } from '@tollgate/db';
import { formatMoney, type LimitWindow, type Metric, type ScopeKind } from '@tollgate/domain';
import { GraphQLClient } from './graphql';

/** One limit as set through the API, and what the request log must stay within. */
export interface Limit {
  scope: ScopeKind;
  /** The organization's, project's or key's id. */
  scopeId: string;
  /** Its name in the API: `rpm`, `dailyTokenLimit`, `dailyBudget`, … */
  field: string;
  metric: Metric;
  window: LimitWindow;
  /** Requests, tokens or micro-units. */
  value: bigint;
}

/** Every limit of each scope (README "Limits, quotas and templates"), as metric and window. */
const ORGANIZATION_LIMITS = {
  rpm: ['requests', 'minute'],
  tpm: ['tokens', 'minute'],
  rph: ['requests', 'hour'],
  rpd: ['requests', 'day'],
  tpd: ['tokens', 'day'],
  dailyBudget: ['money', 'day'],
  monthlyBudget: ['money', 'month'],
} as const;
const PROJECT_LIMITS = {
  requestsPerMinuteLimit: ['requests', 'minute'],
  tokensPerMinuteLimit: ['tokens', 'minute'],
  dailyRequestLimit: ['requests', 'day'],
  dailyTokenLimit: ['tokens', 'day'],
  monthlyRequestLimit: ['requests', 'month'],
  monthlyTokenLimit: ['tokens', 'month'],
  dailyBudget: ['money', 'day'],
  monthlyBudget: ['money', 'month'],
} as const;
const KEY_LIMITS = { rpm: ['requests', 'minute'], tpm: ['tokens', 'minute'], dailyBudget: ['money', 'day'] } as const;

export interface TenantKey {
  name: string;
  id: string;
  secret: string;
}

export interface Tenant {
  organizationId: string;
  projectId: string;
  /** `steady` (limits set, none binding), `rate` (its rpm binds), `budget` (its daily budget binds). */
  keys: TenantKey[];
  limits: Limit[];
  credit: bigint;
  admin: GraphQLClient;
}

export interface LoadShape {
  /** Calls a second, over both proxies. */
  rate: number;
  /** Seconds of load, the restart's time not included. */
  seconds: number;
}

export const CREDIT = 100_000_000n; // $100: far more than the run spends; the budgets bind first
const TOKENS_PER_CALL_AT_MOST = 100n;
/** The steady key's limits: set, never reached. */
const STEADY_KEY_LIMITS = { rpm: 1_000_000n, tpm: 100_000_000n, dailyBudget: CREDIT };

/** A limits input of the API: money as decimal strings, counts as numbers. */
const apiInput = (table: Record<string, readonly [Metric, LimitWindow]>, values: Record<string, bigint>) =>
  Object.fromEntries(Object.entries(values).map(([field, value]) => [field, table[field]![0] === 'money' ? formatMoney(value) : Number(value)]));

/**
 * An operator (written as `tollgate operator:create` does), signed in on a server, makes the
 * organization through the API: models granted, a project, a steady key, and a wallet credited
 * through the ledger's money-in path (`creditWallet`).
 */
export async function createTenant(orm: MikroORM, serverUrl: string): Promise<Omit<Tenant, 'limits' | 'keys'> & { steady: TenantKey }> {
  const email = `topology-${randomBase62(8).toLowerCase()}@example.test`;
  const password = `Topology-${randomBase62(12)}`;
  const em = orm.em.fork();
  em.create(User, { email, name: 'Topology operator', passwordHash: await hashPassword(password), isOperator: true });
  await em.flush();
  const admin = new GraphQLClient(serverUrl);
  await admin.request('mutation($i: SignInInput!) { signIn(input: $i) { id } }', { i: { email, password } });
  const name = `topology-${randomBase62(8).toLowerCase()}`;
  const { createOrganization } = await admin.request('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', {
    i: { name, displayName: 'Topology run' },
  });
  const organizationId = createOrganization.id as string;
  await admin.request('mutation($o: ID!) { setOrganizationModelAccess(organizationId: $o, access: { groups: ["general"] }) { id } }', { o: organizationId });
  const { createProject } = await admin.request('mutation($o: ID!) { createProject(organizationId: $o, input: { name: "load" }) { id } }', {
    o: organizationId,
  });
  await admin.request('mutation($o: ID!, $a: Money!, $r: String!) { creditWallet(organizationId: $o, amount: $a, reference: $r) { balance } }', {
    o: organizationId,
    a: formatMoney(CREDIT),
    r: `topology-${organizationId}`,
  });
  const steady = await createKey(admin, createProject.id, 'steady', apiInput(KEY_LIMITS, STEADY_KEY_LIMITS));
  return { organizationId, projectId: createProject.id, steady, credit: CREDIT, admin };
}

async function createKey(admin: GraphQLClient, projectId: string, name: string, limits: Record<string, string | number>): Promise<TenantKey> {
  const { createApiKey } = await admin.request(
    'mutation($p: ID!, $i: CreateApiKeyInput!) { createApiKey(projectId: $p, input: $i) { secret apiKey { id } } }',
    {
      p: projectId,
      i: { name, limits },
    },
  );
  return { name, id: createApiKey.apiKey.id, secret: createApiKey.secret };
}

/**
 * Sets every limit of the organization and project, sized well above the load, and adds two keys
 * whose own limits bind within the run: `rate` (rpm: about 30 % of its calls in the first minute
 * admitted) and `budget` (daily budget: about 40 % of its calls' cost), so they still bind on a
 * machine that manages half the asked rate. `callCost` is what one
 * call of the load costs (measured by a first call).
 */
export async function setLimits(tenant: Awaited<ReturnType<typeof createTenant>>, shape: LoadShape, callCost: bigint): Promise<Tenant> {
  const { admin, organizationId, projectId } = tenant;
  const perKeyCalls = (shape.rate / 3) * shape.seconds;
  const loose = BigInt(Math.ceil(3 * shape.rate * (Math.max(shape.seconds, 60) + 30)));
  const looseBy: Record<Metric, bigint> = { requests: loose, tokens: loose * TOKENS_PER_CALL_AT_MOST, money: loose * callCost * 10n };
  const limits: Limit[] = [];
  const values = (scope: ScopeKind, scopeId: string, table: Record<string, readonly [Metric, LimitWindow]>, chosen: Record<string, bigint> = {}) => {
    const set: Record<string, bigint> = {};
    for (const [field, [metric, window]] of Object.entries(table)) {
      set[field] = chosen[field] ?? looseBy[metric];
      limits.push({ scope, scopeId, field, metric, window, value: set[field] });
    }
    return apiInput(table, set);
  };
  await admin.request('mutation($o: ID!, $i: OrganizationLimitsInput!) { setOrganizationLimits(organizationId: $o, input: $i) { __typename } }', {
    o: organizationId,
    i: values('organization', organizationId, ORGANIZATION_LIMITS),
  });
  await admin.request('mutation($p: ID!, $i: ProjectQuotaInput!) { setProjectQuota(projectId: $p, input: $i) { projectId } }', {
    p: projectId,
    i: { ...values('project', projectId, PROJECT_LIMITS), enforceQuota: true },
  });
  const steady = tenant.steady;
  values('key', steady.id, KEY_LIMITS, STEADY_KEY_LIMITS);
  const keys = [steady];
  const bindingLimits = {
    rate: { rpm: BigInt(Math.max(5, Math.round(perKeyCalls * 0.3 * Math.min(1, 60 / shape.seconds)))) },
    budget: { dailyBudget: callCost * BigInt(Math.max(5, Math.round(perKeyCalls * 0.4))) },
  };
  for (const [name, binding] of Object.entries(bindingLimits)) {
    // A placeholder id until the key exists: the input is built from the same table as the checks.
    const first = limits.length;
    const input = values('key', '', KEY_LIMITS, binding);
    const key = await createKey(admin, projectId, name, input);
    for (const limit of limits.slice(first)) limit.scopeId = key.id;
    keys.push(key);
  }
  return { ...tenant, keys, limits };
}

import { appendMoneyIn, OutboxMessage, type Organization, type Project, type User } from '@tollgate/db';
import { OrgGrant, OrgRole, ProjectRole, WalletRecordType } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertFeed } from '../src/modules/alerts/alert-feed';
import { refusedHost } from '../src/modules/alerts/webhook-url';
import { startHarness, type Client, type GraphQLResult } from './support/harness';
import { liveClient, subscribe } from './support/live-client';
import { call, usageWriter, type Caller } from './support/usage-events';

/**
 * The alerts API end to end: settings of each kind, webhook endpoints with
 * their secret shown once and header values never, test sends, the history
 * with its delivery log, alertFired, and the mobile number for SMS. Every bad
 * input is a VALIDATION error naming its field that saves nothing; an
 * outsider's ids answer like ids that do not exist.
 */
const h = await startHarness();
const writer = usageWriter(h.orm);
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => writer.pool.query(text, params).then((r) => r.rows as T[]);
const CENT = 10_000n;

const BALANCE = `query($o: ID!) { balanceAlerts(organizationId: $o) { organizationId thresholds emailEnabled smsEnabled maxDailyAlerts webhookEndpointId
  webhookEndpoint { id description host disabled } messageTemplate placeholders } }`;
const SET_BALANCE = `mutation($o: ID!, $input: BalanceAlertsInput!) { setBalanceAlerts(organizationId: $o, input: $input) { thresholds emailEnabled smsEnabled
  maxDailyAlerts webhookEndpointId webhookEndpoint { id description host } messageTemplate } }`;
const CONSUMPTION =
  'query($p: ID!) { consumptionAlerts(projectId: $p) { projectId dailyAmounts monthlyAmounts emailEnabled smsEnabled webhookEndpointId messageTemplate } }';
const SET_CONSUMPTION = `mutation($p: ID!, $input: ConsumptionAlertsInput!) { setConsumptionAlerts(projectId: $p, input: $input) { dailyAmounts monthlyAmounts emailEnabled
  smsEnabled webhookEndpointId messageTemplate placeholders } }`;
const QUOTA = 'query($p: ID!) { quotaAlerts(projectId: $p) { organizationId projectId shares emailEnabled } }';
const SET_QUOTA = 'mutation($p: ID!, $input: QuotaAlertsInput!) { setQuotaAlerts(projectId: $p, input: $input) { projectId shares emailEnabled smsEnabled } }';
const SET_ORG_QUOTA =
  'mutation($o: ID!, $input: QuotaAlertsInput!) { setOrganizationQuotaAlerts(organizationId: $o, input: $input) { organizationId projectId shares } }';
const ENDPOINT_FIELDS = 'id organizationId url description customHeaders { name value } previousSecretExpiresAt failingSince disabledAt';
const ENDPOINTS = `query($o: ID!) { webhookEndpoints(organizationId: $o) { ${ENDPOINT_FIELDS} } }`;
const CREATE_ENDPOINT = `mutation($o: ID!, $input: WebhookEndpointInput!) { createWebhookEndpoint(organizationId: $o, input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE_ENDPOINT = `mutation($o: ID!, $id: ID!, $input: WebhookEndpointInput!) { updateWebhookEndpoint(organizationId: $o, id: $id, input: $input) { ${ENDPOINT_FIELDS} } }`;
const ROTATE = `mutation($o: ID!, $id: ID!) { rotateWebhookSecret(organizationId: $o, id: $id) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const DISABLE = `mutation($o: ID!, $id: ID!) { disableWebhookEndpoint(organizationId: $o, id: $id) { id disabledAt failingSince } }`;
const ENABLE = `mutation($o: ID!, $id: ID!) { enableWebhookEndpoint(organizationId: $o, id: $id) { id disabledAt failingSince } }`;
const DELETE = 'mutation($o: ID!, $id: ID!) { deleteWebhookEndpoint(organizationId: $o, id: $id) }';
const CHOICES = 'query($p: ID!) { webhookEndpointChoices(projectId: $p) { id description host disabled } }';
const ALERT_FIELDS = `id organizationId projectId projectName kind period periodKey metric threshold value limitValue message firedAt resolvedAt resolved suppressed test
  deliveries { id channel to status lastError sentAt attempts { at statusCode latencyMs error } }`;
const TEST = `mutation($o: ID!, $p: ID, $kind: AlertKind!) { sendTestAlert(organizationId: $o, projectId: $p, kind: $kind) { ${ALERT_FIELDS} } }`;
const HISTORY = `query($o: ID!, $p: ID, $first: Int, $after: String) { alerts(organizationId: $o, projectId: $p, first: $first, after: $after) { nodes { ${ALERT_FIELDS} } endCursor } }`;
const FIRED = `subscription($o: ID!) { alertFired(organizationId: $o) { ${ALERT_FIELDS} } }`;
const ME = '{ me { id mobileNumber mobileVerified } }';
const SET_MOBILE = 'mutation($n: String) { setMobileNumber(number: $n) { mobileNumber mobileVerified } }';
const VERIFY_MOBILE = 'mutation($c: String!) { verifyMobileNumber(code: $c) { mobileNumber mobileVerified } }';

let org: Organization;
let other: Organization;
let alpha: Project;
let beta: Project;
let adminUser: User;
let admin: Client;
let finance: Client;
let owner: Client;
let member: Client;
let configurator: Client;
let outsider: Client;
let who: Caller;

const channels = { emailEnabled: true, smsEnabled: false };
const balanceInput = (over: Record<string, unknown> = {}) => ({ thresholds: ['10', '5', '3', '1'], ...channels, maxDailyAlerts: 3, ...over });
const endpointInput = (over: Record<string, unknown> = {}) => ({
  url: 'https://hooks.example.com/tollgate?token=abc',
  description: 'Ops channel',
  customHeaders: [{ name: 'X-Alert-Token', value: 'token123-secret-value' }],
  ...over,
});

function ok<T = Record<string, any>>(result: GraphQLResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}
/** The first error's code and field. */
const refusal = (result: GraphQLResult) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

async function credit(amount: bigint, reference: string = randomUUID()) {
  await h.orm.em
    .fork()
    .transactional((em) => appendMoneyIn(em, { organizationId: org.id, type: WalletRecordType.RECHARGE, amount, reference, description: 'test' }));
}

const live: Array<ReturnType<typeof liveClient>> = [];
afterAll(async () => {
  for (const c of live) await c.dispose();
});

beforeAll(async () => {
  adminUser = await h.user();
  const financeUser = await h.user();
  const ownerUser = await h.user();
  const memberUser = await h.user();
  const configUser = await h.user();
  const outsiderUser = await h.user();
  org = await h.organization(adminUser, `alerts-${randomUUID().slice(0, 8)}`);
  other = await h.organization(outsiderUser);
  await h.member(org, financeUser, OrgRole.MEMBER, [OrgGrant.FINANCE]);
  await h.member(org, ownerUser, OrgRole.MEMBER);
  await h.member(org, memberUser, OrgRole.MEMBER);
  await h.member(org, configUser, OrgRole.MEMBER, [OrgGrant.CONFIGURATION]);
  alpha = await h.project(org, 'alpha', ownerUser);
  beta = await h.project(org, 'beta');
  await h.projectMember(alpha, memberUser, ProjectRole.MEMBER);
  admin = await h.signedIn(adminUser);
  finance = await h.signedIn(financeUser);
  owner = await h.signedIn(ownerUser);
  member = await h.signedIn(memberUser);
  configurator = await h.signedIn(configUser);
  outsider = await h.signedIn(outsiderUser);
  who = await writer.caller(org.id, alpha.id, adminUser.id);
  await credit(400n * CENT, 'four dollars');
});

describe('balance alerts', () => {
  it('start at 5.00 by email, at most 3 a day, for the ADMIN and FINANCE', async () => {
    for (const client of [admin, finance]) {
      expect(ok(await client.gql(BALANCE, { o: org.id })).balanceAlerts).toEqual({
        organizationId: org.id,
        thresholds: ['5.00'],
        emailEnabled: true,
        smsEnabled: false,
        maxDailyAlerts: 3,
        webhookEndpointId: null,
        webhookEndpoint: null,
        messageTemplate: null,
        placeholders: ['threshold', 'balance', 'organization'],
      });
    }
  });

  it('marks thresholds the balance is already below as fired, so only later falls alert', async () => {
    // The balance is 4.00: 10 and 5 fell before they were set.
    const saved = ok(
      await finance.gql(SET_BALANCE, { o: org.id, input: balanceInput({ messageTemplate: 'Balance of {organization} is below {threshold} USD' }) }),
    );
    expect(saved.setBalanceAlerts).toMatchObject({ thresholds: ['10.00', '5.00', '3.00', '1.00'], maxDailyAlerts: 3 });
    const states = await sql<{ threshold: string }>(
      `select s.threshold::text from alert_states s join alert_rules r on r.id = s.rule_id where r.organization_id = $1 and r.kind = 'BALANCE' order by 1`,
      [org.id],
    );
    expect(states.map((s) => s.threshold)).toEqual(['10000000', '5000000']);
    // 4.00 → 2.50 crosses 3 only.
    await writer.write([call(who, new Date(), { charge: 150n * CENT, cost: 150n * CENT })]);
    const fired = await sql(`select threshold::text, message from alerts where organization_id = $1 and kind = 'BALANCE'`, [org.id]);
    expect(fired).toEqual([{ threshold: '3000000', message: `Balance of ${org.displayName} is below 3.00 USD` }]);
  });

  it('keeps the states of thresholds kept, and forgets those taken away (their open alerts resolved)', async () => {
    ok(await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput({ thresholds: ['5', '2'] }) }));
    const states = await sql<{ threshold: string }>(
      `select s.threshold::text from alert_states s join alert_rules r on r.id = s.rule_id where r.organization_id = $1 and r.kind = 'BALANCE' order by 1`,
      [org.id],
    );
    // At 2.50, 5 stays fired and 2 has not been reached; 3 is gone.
    expect(states.map((s) => s.threshold)).toEqual(['5000000']);
    const [three] = await sql(`select resolved_at from alerts where organization_id = $1 and threshold = 3000000`, [org.id]);
    expect(three!.resolved_at).not.toBeNull();
  });

  it.each([
    ['more than 10 thresholds', { thresholds: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'] }, 'thresholds'],
    ['a negative amount', { thresholds: ['5', '-1'] }, 'thresholds[1]'],
    ['an amount that is not decimal', { thresholds: ['1e3'] }, 'thresholds[0]'],
    ['a zero amount', { thresholds: ['0'] }, 'thresholds'],
    ['a repeated threshold', { thresholds: ['5', '5.00'] }, 'thresholds'],
    ['a template over 2 KiB', { messageTemplate: 'x'.repeat(2049) }, 'messageTemplate'],
    ['a template with an unknown placeholder', { messageTemplate: 'Spent {spent} of {threshold}' }, 'messageTemplate'],
    ['maxDailyAlerts of 0', { maxDailyAlerts: 0 }, 'maxDailyAlerts'],
    ['a webhook endpoint that is not an id', { webhookEndpointId: 'nope' }, 'webhookEndpointId'],
  ])('refuses %s, naming the field, and saves nothing', async (_what, over, field) => {
    const before = ok(await admin.gql(BALANCE, { o: org.id }));
    const result = await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput(over) });
    expect(refusal(result)).toEqual({ code: 'VALIDATION', field });
    expect(result.errors![0]!.message).toMatch(field.replace(/\[\d+\]$/, ''));
    expect(ok(await admin.gql(BALANCE, { o: org.id }))).toEqual(before);
  });
});

describe('webhook endpoints', () => {
  let endpointId: string;
  let firstSecret: string;

  it('answer a Standard Webhooks secret once, keep it and the header values encrypted, and mask the values in every answer', async () => {
    const created = ok(await admin.gql(CREATE_ENDPOINT, { o: org.id, input: endpointInput() })).createWebhookEndpoint;
    firstSecret = created.secret;
    endpointId = created.endpoint.id;
    expect(firstSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(firstSecret.slice(6), 'base64')).toHaveLength(32);
    expect(created.endpoint).toMatchObject({
      url: 'https://hooks.example.com/tollgate?token=abc',
      description: 'Ops channel',
      customHeaders: [{ name: 'X-Alert-Token', value: '••••' }],
      disabledAt: null,
    });
    const listed = ok(await finance.gql(ENDPOINTS, { o: org.id })).webhookEndpoints;
    expect(listed).toEqual([{ ...created.endpoint }]);
    expect(JSON.stringify(listed)).not.toContain('token123');
    const [row] = await sql('select * from webhook_endpoints where id = $1', [endpointId]);
    expect(JSON.stringify(row)).not.toContain(firstSecret.slice(6, 20));
    expect(JSON.stringify(row)).not.toContain('token123');
    expect(row!.custom_header_names).toEqual(['X-Alert-Token']);
    expect(h.app.services.credentials!.decrypt(row!.secret)).toBe(firstSecret);
    const audit = await sql(`select before, after from audit_events where target_id = $1`, [endpointId]);
    expect(JSON.stringify(audit)).not.toContain('token123');
  });

  it('update the URL and headers, keeping a value sent as null', async () => {
    const updated = ok(
      await admin.gql(UPDATE_ENDPOINT, {
        o: org.id,
        id: endpointId,
        input: {
          url: 'https://hooks.example.com/v2',
          description: 'Ops v2',
          customHeaders: [
            { name: 'X-Alert-Token', value: null },
            { name: 'X-Env', value: 'prod' },
          ],
        },
      }),
    ).updateWebhookEndpoint;
    expect(updated).toMatchObject({
      url: 'https://hooks.example.com/v2',
      description: 'Ops v2',
      customHeaders: [
        { name: 'X-Alert-Token', value: '••••' },
        { name: 'X-Env', value: '••••' },
      ],
    });
    const [row] = await sql('select custom_headers from webhook_endpoints where id = $1', [endpointId]);
    expect(JSON.parse(h.app.services.credentials!.decrypt(row!.custom_headers))).toEqual([
      { name: 'X-Alert-Token', value: 'token123-secret-value' },
      { name: 'X-Env', value: 'prod' },
    ]);
  });

  it('rotate the secret: the new one answered once, the old one kept signing for 24 hours', async () => {
    const rotated = ok(await admin.gql(ROTATE, { o: org.id, id: endpointId })).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(firstSecret);
    const until = Date.parse(rotated.endpoint.previousSecretExpiresAt);
    expect(Math.abs(until - Date.now() - 24 * 3_600_000)).toBeLessThan(60_000);
    const [row] = await sql('select secret, previous_secret from webhook_endpoints where id = $1', [endpointId]);
    const cipher = h.app.services.credentials!;
    expect([cipher.decrypt(row!.secret), cipher.decrypt(row!.previous_secret)]).toEqual([rotated.secret, firstSecret]);
    expect(JSON.stringify(ok(await admin.gql(ENDPOINTS, { o: org.id })))).not.toMatch(/whsec_/);
  });

  it('disable and enable, the latter forgetting a run of failures', async () => {
    expect(ok(await admin.gql(DISABLE, { o: org.id, id: endpointId })).disableWebhookEndpoint.disabledAt).not.toBeNull();
    await sql(`update webhook_endpoints set failing_since = now() - interval '1 day' where id = $1`, [endpointId]);
    expect(ok(await admin.gql(ENABLE, { o: org.id, id: endpointId })).enableWebhookEndpoint).toEqual({ id: endpointId, disabledAt: null, failingSince: null });
  });

  it.each([
    ['not http(s)', { url: 'ftp://hooks.example.com/x' }, 'url'],
    ['not a URL', { url: 'hooks.example.com' }, 'url'],
    ['with credentials', { url: 'https://user:pass@hooks.example.com/x' }, 'url'],
    ['to loopback', { url: 'http://127.0.0.1:8080/hook' }, 'url'],
    ['to loopback written otherwise', { url: 'http://0x7f.1/hook' }, 'url'],
    ['to localhost', { url: 'http://localhost:3000/hook' }, 'url'],
    ['to a private address', { url: 'https://10.1.2.3/hook' }, 'url'],
    ['to the metadata address', { url: 'http://169.254.169.254/latest/meta-data' }, 'url'],
    ['to IPv6 loopback', { url: 'http://[::1]/hook' }, 'url'],
    ['to a unique-local address', { url: 'http://[fd00::1]/hook' }, 'url'],
    ['to an IPv4-mapped address', { url: 'http://[::ffff:10.0.0.1]/hook' }, 'url'],
    ['with an invalid header name', { customHeaders: [{ name: 'Bad Header', value: 'x' }] }, 'customHeaders[0].name'],
    ['setting Host', { customHeaders: [{ name: 'Host', value: 'x' }] }, 'customHeaders[0].name'],
    [
      'setting Content-Length',
      {
        customHeaders: [
          { name: 'X-Ok', value: '1' },
          { name: 'content-length', value: '1' },
        ],
      },
      'customHeaders[1].name',
    ],
    ['setting a signature header', { customHeaders: [{ name: 'webhook-signature', value: 'v1,forged' }] }, 'customHeaders[0].name'],
    ['with a header value on two lines', { customHeaders: [{ name: 'X-A', value: 'a\r\nX-B: b' }] }, 'customHeaders[0].value'],
    ['with a header without a value', { customHeaders: [{ name: 'X-New', value: null }] }, 'customHeaders[0].value'],
  ])('refuse a URL or headers %s, naming the field, and save nothing', async (_what, over, field) => {
    const before = await sql('select count(*)::int as n from webhook_endpoints where organization_id = $1', [org.id]);
    const result = await admin.gql(CREATE_ENDPOINT, { o: org.id, input: endpointInput(over) });
    expect(refusal(result)).toEqual({ code: 'VALIDATION', field });
    expect(await sql('select count(*)::int as n from webhook_endpoints where organization_id = $1', [org.id])).toEqual(before);
    // The same input refused on update leaves the endpoint as it was.
    const kept = ok(await admin.gql(ENDPOINTS, { o: org.id })).webhookEndpoints;
    expect(refusal(await admin.gql(UPDATE_ENDPOINT, { o: org.id, id: endpointId, input: endpointInput(over) }))).toEqual({ code: 'VALIDATION', field });
    expect(ok(await admin.gql(ENDPOINTS, { o: org.id })).webhookEndpoints).toEqual(kept);
  });

  it('refuse addresses by range, and leave names to the delivery', () => {
    expect(
      ['127.0.0.1', '[::1]', '10.0.0.1', '192.168.1.1', '172.16.0.1', '169.254.169.254', '[fd00:ec2::254]', '[::ffff:127.0.0.1]', '100.64.0.1', '0.0.0.0'].map(
        refusedHost,
      ),
    ).not.toContain(null);
    expect(['93.184.215.14', '[2606:4700::1]', 'hooks.example.com', 'metadata.google.internal'].map(refusedHost)).toEqual([null, null, null, null]);
  });

  it("answer an outsider's and a missing id alike, and use none of another organization's", async () => {
    const theirs = ok(await outsider.gql(CREATE_ENDPOINT, { o: other.id, input: endpointInput() })).createWebhookEndpoint.endpoint.id;
    for (const document of [ROTATE, DISABLE, ENABLE, DELETE]) {
      const foreign = await admin.gql(document, { o: org.id, id: theirs });
      const missing = await admin.gql(document, { o: org.id, id: randomUUID() });
      expect(refusal(foreign)).toEqual({ code: 'NOT_FOUND', field: undefined });
      expect(foreign.errors![0]!.message).toBe(missing.errors![0]!.message);
      // Through their own organization's id, ours is no more found.
      expect(refusal(await outsider.gql(document, { o: other.id, id: endpointId })).code).toBe('NOT_FOUND');
      expect(refusal(await outsider.gql(document, { o: org.id, id: endpointId })).code).toBe('NOT_FOUND');
    }
    const foreign = await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput({ webhookEndpointId: theirs }) });
    const missing = await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput({ webhookEndpointId: randomUUID() }) });
    expect(refusal(foreign)).toEqual({ code: 'NOT_FOUND', field: 'webhookEndpointId' });
    expect(foreign.errors![0]!.message).toBe(missing.errors![0]!.message);
    expect(refusal(await outsider.gql(ENDPOINTS, { o: org.id })).code).toBe('NOT_FOUND');
    expect(refusal(await outsider.gql(HISTORY, { o: org.id })).code).toBe('NOT_FOUND');
    expect(refusal(await outsider.gql(CONSUMPTION, { p: alpha.id })).code).toBe('NOT_FOUND');
  });

  it('are offered by name and host to a project owner setting project alerts', async () => {
    expect(ok(await owner.gql(CHOICES, { p: alpha.id })).webhookEndpointChoices).toEqual([
      { id: endpointId, description: 'Ops v2', host: 'hooks.example.com', disabled: false },
    ]);
  });

  it('once deleted, leave the rules that posted to them', async () => {
    const extra = ok(await admin.gql(CREATE_ENDPOINT, { o: org.id, input: endpointInput({ description: 'temporary' }) })).createWebhookEndpoint.endpoint.id;
    ok(await admin.gql(SET_CONSUMPTION, { p: beta.id, input: { dailyAmounts: ['1'], monthlyAmounts: [], ...channels, webhookEndpointId: extra } }));
    expect(ok(await admin.gql(DELETE, { o: org.id, id: extra })).deleteWebhookEndpoint).toBe(true);
    expect(ok(await admin.gql(CONSUMPTION, { p: beta.id })).consumptionAlerts.webhookEndpointId).toBeNull();
  });

  describe('in alert settings', () => {
    it('show on the balance settings', async () => {
      const saved = ok(await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput({ thresholds: ['5', '2'], webhookEndpointId: endpointId }) }));
      expect(saved.setBalanceAlerts.webhookEndpoint).toEqual({ id: endpointId, description: 'Ops v2', host: 'hooks.example.com' });
    });
  });
});

describe('consumption and quota alerts', () => {
  it("set a project's daily and monthly amounts as two rules, read by its members", async () => {
    const saved = ok(
      await owner.gql(SET_CONSUMPTION, {
        p: alpha.id,
        input: {
          dailyAmounts: ['1', '5'],
          monthlyAmounts: ['50'],
          emailEnabled: true,
          smsEnabled: true,
          messageTemplate: '{project} spent {spent} this {period}',
        },
      }),
    ).setConsumptionAlerts;
    expect(saved).toMatchObject({
      dailyAmounts: ['5.00', '1.00'],
      monthlyAmounts: ['50.00'],
      smsEnabled: true,
      placeholders: expect.arrayContaining(['spent']),
    });
    const rules = await sql(`select period, thresholds::text[] from alert_rules where project_id = $1 and kind = 'CONSUMPTION' order by period`, [alpha.id]);
    expect(rules).toEqual([
      { period: 'DAY', thresholds: ['5000000', '1000000'] },
      { period: 'MONTH', thresholds: ['50000000'] },
    ]);
    expect(ok(await member.gql(CONSUMPTION, { p: alpha.id })).consumptionAlerts).toMatchObject({ dailyAmounts: ['5.00', '1.00'], monthlyAmounts: ['50.00'] });
  });

  it.each([
    ['more than 10 daily amounts', { dailyAmounts: Array.from({ length: 11 }, (_, i) => String(i + 1)) }, 'dailyAmounts'],
    ['a negative monthly amount', { monthlyAmounts: ['-5'] }, 'monthlyAmounts[0]'],
    ['a balance placeholder', { messageTemplate: 'Below {balance}' }, 'messageTemplate'],
  ])('refuse %s', async (_what, over, field) => {
    const before = ok(await owner.gql(CONSUMPTION, { p: alpha.id }));
    const result = await owner.gql(SET_CONSUMPTION, { p: alpha.id, input: { dailyAmounts: ['1'], monthlyAmounts: [], ...channels, ...over } });
    expect(refusal(result)).toEqual({ code: 'VALIDATION', field });
    expect(ok(await owner.gql(CONSUMPTION, { p: alpha.id }))).toEqual(before);
  });

  it('set shares of the project quota and of the organization limits', async () => {
    expect(ok(await owner.gql(SET_QUOTA, { p: alpha.id, input: { shares: [100, 80], ...channels } })).setQuotaAlerts).toEqual({
      projectId: alpha.id,
      shares: [80, 100],
      emailEnabled: true,
      smsEnabled: false,
    });
    expect(ok(await member.gql(QUOTA, { p: alpha.id })).quotaAlerts.shares).toEqual([80, 100]);
    expect(ok(await configurator.gql(SET_ORG_QUOTA, { o: org.id, input: { shares: [90], ...channels } })).setOrganizationQuotaAlerts).toEqual({
      organizationId: org.id,
      projectId: null,
      shares: [90],
    });
    for (const [shares, field] of [
      [[0], 'shares'],
      [[50, 50], 'shares'],
      [[1001], 'shares'],
    ] as const) {
      expect(refusal(await owner.gql(SET_QUOTA, { p: alpha.id, input: { shares, ...channels } }))).toEqual({ code: 'VALIDATION', field });
    }
    expect(ok(await member.gql(QUOTA, { p: alpha.id })).quotaAlerts.shares).toEqual([80, 100]);
  });
});

describe('test sends, the history and alertFired', () => {
  it("send a test through the rule's channels, recorded as a test with its deliveries", async () => {
    const sent = ok(await finance.gql(TEST, { o: org.id, kind: 'BALANCE' })).sendTestAlert;
    expect(sent).toMatchObject({ kind: 'BALANCE', test: true, resolved: true, suppressed: false, threshold: '2.00' });
    expect(sent.deliveries.map((d: { channel: string }) => d.channel).sort()).toEqual(['EMAIL', 'EMAIL', 'WEBHOOK']);
    const webhook = sent.deliveries.find((d: { channel: string }) => d.channel === 'WEBHOOK');
    expect(webhook.to).toBe('https://hooks.example.com/v2');
    // A project test needs project.configure: the owner may, a FINANCE member may not.
    expect(refusal(await finance.gql(TEST, { o: org.id, p: alpha.id, kind: 'CONSUMPTION' })).code).toBe('FORBIDDEN');
    const project = ok(await owner.gql(TEST, { o: org.id, p: alpha.id, kind: 'CONSUMPTION' })).sendTestAlert;
    expect(project).toMatchObject({ kind: 'CONSUMPTION', projectId: alpha.id, projectName: 'alpha', period: 'DAY', test: true });
    expect(refusal(await owner.gql(TEST, { o: org.id, p: beta.id, kind: 'QUOTA' }))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(refusal(await admin.gql(TEST, { o: org.id, p: beta.id, kind: 'QUOTA' }))).toEqual({ code: 'VALIDATION', field: 'kind' });
  });

  it('list alerts newest first with their delivery attempts, a page at a time, each caller only what they may see', async () => {
    const [email] = await sql<{ id: string }>(
      `select m.id from outbox_messages m join alerts a on a.id = m.alert_id where a.organization_id = $1 and m.channel = 'EMAIL' limit 1`,
      [org.id],
    );
    await sql(`insert into outbox_attempts (id, message_id, at, status_code, latency_ms, error) values ($1, $2, now(), null, 12, 'connection refused')`, [
      randomUUID(),
      email!.id,
    ]);
    const all = ok(await admin.gql(HISTORY, { o: org.id })).alerts.nodes;
    expect(all.map((a: { kind: string; test: boolean }) => [a.kind, a.test])).toEqual([
      ['CONSUMPTION', true],
      ['BALANCE', true],
      ['BALANCE', false],
    ]);
    expect(all[2]).toMatchObject({ threshold: '3.00', value: '2.50', resolved: true });
    const attempted = all
      .flatMap((a: { deliveries: Array<{ id: string; attempts: unknown[] }> }) => a.deliveries)
      .find((d: { id: string }) => d.id === email!.id);
    // The dispatcher may have logged an attempt of its own by now.
    expect(attempted.attempts).toContainEqual({ at: expect.any(String), statusCode: null, latencyMs: 12, error: 'connection refused' });

    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: Array<{ id: string }>; endCursor: string | null } = ok(await admin.gql(HISTORY, { o: org.id, first: 1, after })).alerts;
      pages.push(...page.nodes.map((n) => n.id));
      after = page.endCursor;
    } while (after);
    expect(pages).toEqual(all.map((a: { id: string }) => a.id));

    // FINANCE: the balance alerts; the project's MEMBER: its alerts; a project filter outside one's scope: not found.
    expect(ok(await finance.gql(HISTORY, { o: org.id })).alerts.nodes.map((a: { kind: string }) => a.kind)).toEqual(['BALANCE', 'BALANCE']);
    expect(ok(await member.gql(HISTORY, { o: org.id })).alerts.nodes.map((a: { kind: string }) => a.kind)).toEqual(['CONSUMPTION']);
    expect(ok(await member.gql(HISTORY, { o: org.id, p: alpha.id })).alerts.nodes).toHaveLength(1);
    expect(refusal(await member.gql(HISTORY, { o: org.id, p: beta.id }))).toEqual({ code: 'NOT_FOUND', field: 'projectId' });
    expect(refusal(await finance.gql(HISTORY, { o: org.id, after: 'bogus' }))).toEqual({ code: 'VALIDATION', field: 'after' });
    expect(JSON.stringify(all)).not.toMatch(/whsec_|token123/);
  });

  it('push each fired alert to the subscribers who may see it', async () => {
    const feed = alertFeed(h.app.services);
    const open = (client: Client) => {
      const ws = liveClient(h.url, client);
      live.push(ws);
      return subscribe(ws, FIRED, { o: org.id });
    };
    const before = feed.subscribers;
    const [asAdmin, asFinance, asMember] = [open(admin), open(finance), open(member)];
    await waitFor(() => feed.subscribers === before + 3);

    await credit(300n * CENT); // 2.50 → 5.50: 5 re-armed
    await writer.write([call(who, new Date(), { charge: 100n * CENT, cost: 100n * CENT })]); // 5.50 → 4.50: 5 fires
    const fired = await asAdmin.next((m) => m.data?.alertFired.kind === 'BALANCE');
    expect(fired.data!.alertFired).toMatchObject({ threshold: '5.00', value: '4.50', test: false, resolved: false });
    expect(fired.data!.alertFired.deliveries.map((d: { channel: string }) => d.channel).sort()).toEqual(['EMAIL', 'EMAIL', 'WEBHOOK']);
    await asFinance.next((m) => m.data?.alertFired.id === fired.data!.alertFired.id);

    ok(await owner.gql(TEST, { o: org.id, p: alpha.id, kind: 'QUOTA' }));
    const quota = await asMember.next((m) => m.data?.alertFired.kind === 'QUOTA');
    expect(quota.data!.alertFired).toMatchObject({ projectId: alpha.id, test: true });
    await asAdmin.next((m) => m.data?.alertFired.id === quota.data!.alertFired.id);
    // The member never hears of balance alerts, FINANCE of the project's.
    expect(asMember.messages.map((m) => m.data?.alertFired.kind)).toEqual(['QUOTA']);
    expect(asFinance.messages.map((m) => m.data?.alertFired.kind)).toEqual(['BALANCE']);
    for (const s of [asAdmin, asFinance, asMember]) s.unsubscribe();
    await waitFor(() => feed.subscribers === before);
  });

  it('refuse a subscriber who may see no alert, and an outsider as for a missing organization', async () => {
    const plainUser = await h.user();
    await h.member(org, plainUser, OrgRole.MEMBER);
    for (const [client, code] of [
      [await h.signedIn(plainUser), 'FORBIDDEN'],
      [outsider, 'NOT_FOUND'],
    ] as const) {
      const ws = liveClient(h.url, client);
      live.push(ws);
      const { errors } = await subscribe(ws, FIRED, { o: org.id }).ended;
      expect(errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});

describe('the mobile number', () => {
  const latestCode = async (to: string) => {
    const [message] = await h.orm.em.fork().find(OutboxMessage, { channel: 'SMS', to }, { orderBy: { createdAt: 'desc' }, limit: 1 });
    return /(\d{6})/.exec(message!.text ?? '')?.[1];
  };

  it('refuses a number that is not E.164', async () => {
    for (const n of ['0041 79 123 45 67', '+0123456789', '+1 415 555', 'phone']) {
      expect(refusal(await admin.gql(SET_MOBILE, { n }))).toEqual({ code: 'VALIDATION', field: 'number' });
    }
    expect(ok(await admin.gql(ME)).me).toMatchObject({ mobileNumber: null, mobileVerified: false });
  });

  it('is stored unverified, sent a code by SMS, and verified with it once', async () => {
    expect(ok(await admin.gql(SET_MOBILE, { n: '+41791234567' })).setMobileNumber).toEqual({ mobileNumber: '+41791234567', mobileVerified: false });
    const code = await latestCode('+41791234567');
    expect(code).toMatch(/^\d{6}$/);
    const [stored] = await sql('select mobile_code_hash, mobile_code_expires_at from users where id = $1', [adminUser.id]);
    expect(stored!.mobile_code_hash).not.toContain(code);
    expect(Math.abs(new Date(stored!.mobile_code_expires_at).getTime() - Date.now() - 600_000)).toBeLessThan(30_000);
    // Another code within the minute: too soon.
    expect(refusal(await admin.gql(SET_MOBILE, { n: '+41791234567' })).code).toBe('TOO_MANY_REQUESTS');

    const wrong = code === '000000' ? '000001' : '000000';
    expect(refusal(await admin.gql(VERIFY_MOBILE, { c: wrong }))).toEqual({ code: 'VALIDATION', field: 'code' });
    const [shortened] = await sql('select mobile_code_expires_at from users where id = $1', [adminUser.id]);
    expect(new Date(shortened!.mobile_code_expires_at).getTime()).toBeLessThan(new Date(stored!.mobile_code_expires_at).getTime() - 100_000);
    expect(ok(await admin.gql(VERIFY_MOBILE, { c: code })).verifyMobileNumber).toEqual({ mobileNumber: '+41791234567', mobileVerified: true });
    expect(refusal(await admin.gql(VERIFY_MOBILE, { c: code })).code).toBe('VALIDATION');
    expect(ok(await admin.gql(ME)).me.mobileVerified).toBe(true);
  });

  it('gets SMS alerts once verified, masked in the delivery log', async () => {
    ok(await admin.gql(SET_BALANCE, { o: org.id, input: balanceInput({ thresholds: ['5', '2'], smsEnabled: true }) }));
    const sent = ok(await admin.gql(TEST, { o: org.id, kind: 'BALANCE' })).sendTestAlert;
    const sms = sent.deliveries.filter((d: { channel: string }) => d.channel === 'SMS');
    expect(sms.map((d: { to: string }) => d.to)).toEqual(['+41•••••••67']);
  });

  it('is removed with null', async () => {
    expect(ok(await admin.gql(SET_MOBILE, { n: null })).setMobileNumber).toEqual({ mobileNumber: null, mobileVerified: false });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

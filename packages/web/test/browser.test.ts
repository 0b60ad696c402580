import { LIVE_CHANNEL, RequestLog, usageDeltaPayloads, WalletRecord } from '@tollgate/db';
import { startHarness } from '@tollgate/server/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const QUOTA_FIELDS =
  'dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay';
const PROJECT_QUOTA = `query($p: ID!) { projectQuota(projectId: $p) { quota { ${QUOTA_FIELDS} } effective { ${QUOTA_FIELDS} } } }`;
const ORG_LIMITS = 'query($o: ID!) { organizationLimits(organizationId: $o) { rpm tpm rph rpd tpd dailyBudget monthlyBudget } }';
const SET_ORG_LIMITS = 'mutation($o: ID!, $input: OrganizationLimitsInput!) { setOrganizationLimits(organizationId: $o, input: $input) { rpm } }';
const WALLET = 'query($o: ID!) { wallet(organizationId: $o) { balance isActive } walletRecords(organizationId: $o) { totals { count } } }';
const CREDIT = 'mutation($o: ID!, $a: Money!, $r: String!) { creditWallet(organizationId: $o, amount: $a, reference: $r) { balance } }';
const ISSUE = 'mutation($a: Money!, $e: DateTime!) { issueRedemptionCodes(amount: $a, count: 1, expiresAt: $e) { codes } }';
const REDEEM = 'mutation($o: ID!, $c: String!) { redeemCode(organizationId: $o, code: $c) { balance } }';
const CSV_HEADER = 'createdAt,type,amount,previousBalance,currentBalance,description,reference,requestLogId';
const h = await startHarness();
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is required at ${CHROMIUM} (apt-get install -y chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});

describe('the SPA in headless Chromium', () => {
  it('signs up, creates an organization and a project, and lists it', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${h.url}/sign-up`);
    await page.getByLabel('Email').fill('founder@example.test');
    await page.getByLabel('Name').fill('Founder');
    await page.getByLabel('Password').fill('Sturdy-Pass-1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Create an organization' }).waitFor();
    await page.getByLabel('Display name').fill('Initech');
    await page.getByLabel('Identifier').fill('initech');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Initech' }).waitFor();
    await page.getByLabel('Project name').fill('production');
    await page.getByRole('button', { name: 'Create project' }).click();
    const projects = page.getByRole('table', { name: 'Projects' });
    await projects.getByRole('link', { name: 'production' }).waitFor();
    expect(await projects.getByRole('row').count()).toBe(2);
  });

  it('shows an org MEMBER no admin actions', async () => {
    const admin = await h.user();
    const member = await h.user();
    const organization = await h.organization(admin, 'globex');
    await h.member(organization, member);
    await h.project(organization, 'staging');
    const page = await signedInPage(member);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('table', { name: 'Projects' }).getByText('staging').waitFor();
    expect(await page.getByRole('button', { name: 'Create project' }).count()).toBe(0);
    expect(await page.getByLabel('Project name').count()).toBe(0);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('table', { name: 'Members' }).getByText(admin.email).waitFor();
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /Role of/ }).count()).toBe(0);
  });

  it('uploads a CSV with good and bad rows, reads the report, and a new user joins through a link', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'hooli');
    const existing = await h.user();
    await h.member(organization, existing);
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/members`);
    const csv = [
      'email,name,role',
      'Gavin@Example.test,Gavin,member',
      'not-an-email,Bad,member',
      `${existing.email},Old,member`,
      ' gavin@example.test ,Again,member',
      'dinesh@example.test,Dinesh,member',
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = page.getByLabel('Bulk invite summary');
    await summary.getByText('2 to invite, 3 not invited, of 5 rows').waitFor();
    await page.getByRole('button', { name: 'Invite 2' }).click();
    await summary.getByText('2 invited, 3 not invited, of 5 rows').waitFor();
    const rows = page.getByRole('table', { name: 'Bulk invite rows' }).getByRole('row');
    expect(await rows.nth(2).innerText()).toMatch(/not-an-email.*FAILED.*not a valid email address/s);
    expect(await rows.nth(3).innerText()).toMatch(/Already a member/);
    expect(await rows.nth(4).innerText()).toMatch(/Same email as row 1/);
    const link = await rows.nth(5).getByRole('code').innerText();
    expect(link).toMatch(/\/join\?token=invitation_/);

    const visitor = await (await browser.newContext()).newPage();
    visitor.setDefaultTimeout(10_000);
    await visitor.goto(link);
    await visitor.getByRole('heading', { name: 'Join hooli' }).waitFor();
    expect(await visitor.getByLabel('Email').inputValue()).toBe('dinesh@example.test');
    await visitor.getByLabel('Password').fill('Sturdy-Pass-1');
    await visitor.getByRole('button', { name: 'Sign up and join' }).click();
    await visitor.waitForURL(`${h.url}/orgs/${organization.id}`);
    await visitor.getByRole('heading', { name: 'hooli' }).waitFor();
    await visitor.getByRole('link', { name: 'Members' }).click();
    await visitor.getByRole('table', { name: 'Members' }).getByText('dinesh@example.test').waitFor();
  });

  it('creates an API key whose secret is shown once, lists it after a reload, and revokes it', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'pied-piper');
    const project = await h.project(organization, 'compression');
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}`);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Key name').fill('ci');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByLabel('New API key secret');
    await shown.waitFor();
    const secret = await shown.innerText();
    expect(secret).toMatch(/^sk-tg-[0-9A-Za-z]{38}$/);
    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByRole('cell', { name: 'ci', exact: true }).waitFor();

    await page.reload();
    const row = keys.getByRole('row').filter({ has: page.getByRole('cell', { name: 'ci', exact: true }) });
    await row.getByRole('cell', { name: 'ACTIVE', exact: true }).waitFor();
    expect(await page.getByLabel('New API key secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await row.innerText()).toContain(secret.slice(-4));

    await row.getByRole('button', { name: 'Revoke' }).click();
    // Revoking cannot be undone, so it is asked first.
    await page.getByRole('dialog', { name: 'Revoke ci?' }).getByRole('button', { name: 'Revoke key' }).click();
    await row.getByRole('cell', { name: 'REVOKED', exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
  });

  it("lists a project's requests, filters them and shows content the policy kept", async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'requests-org');
    const project = await h.project(organization, 'api');
    const em = h.orm.em.fork();
    const base = {
      organizationId: organization.id,
      projectId: project.id,
      apiKeyId: randomUUID(),
      userId: admin.id,
      inputTokens: 12,
      latencyMs: 40,
      upstreamLatencyMs: 30,
      stream: false,
    };
    em.create(RequestLog, {
      ...base,
      id: randomUUID(),
      time: new Date(Date.now() - 60_000),
      model: 'mock-small',
      status: 200,
      outputTokens: 20,
      cost: 15n,
      errorCode: null,
      content: { request: { model: 'mock-small' }, response: 'kept answer' },
    });
    em.create(RequestLog, {
      ...base,
      id: randomUUID(),
      time: new Date(),
      model: 'mock-large',
      status: 502,
      outputTokens: 0,
      cost: 0n,
      errorCode: 'upstreamUnavailable',
      content: null,
    });
    await em.flush();
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}`);
    await page.getByRole('link', { name: 'Requests' }).click();
    const table = page.getByRole('table', { name: 'Requests' });
    await table.getByText('mock-large').waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await page.getByLabel('Outcome').selectOption('ERROR');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/502 upstreamUnavailable/);
    await page.getByLabel('Outcome').selectOption('SUCCESS');
    await table.getByText('show').click();
    await table.getByText('kept answer').waitFor();
  });

  it("sets a project quota above the organization's limit, shows it enforced at the organization's, follows usage live, and shows members the quota read-only", async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'quota-org');
    const project = await h.project(organization, 'metered');
    const api = await h.signedIn(admin);
    expect((await api.gql(SET_ORG_LIMITS, { o: organization.id, input: { rpd: 1000 } })).errors).toBeUndefined();
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}`);
    await page.getByRole('link', { name: 'Quota' }).click();
    const quota = page.getByRole('form', { name: 'Project quota' });
    await quota.getByLabel('Requests per day').fill('5000');
    await quota.getByLabel('Requests per month').fill('20000');
    await quota.getByLabel('Daily budget (USD)').fill('2.5');
    await quota.getByRole('button', { name: 'Save quota' }).click();
    await quota.getByRole('status').getByText('Saved.').waitFor();
    await field(quota, 'Requests per day').getByText('Enforced at 1,000 by the organization').waitFor();
    expect(await field(quota, 'Requests per month').innerText()).toContain('Effective: 20,000');
    expect(await field(quota, 'Tokens per day').innerText()).toContain('Effective: no limit');
    expect(await quota.getByLabel('Requests per day').inputValue()).toBe('5000');
    expect(await quota.getByLabel('Daily budget (USD)').inputValue()).toBe('2.50');
    const saved = await api.gql(PROJECT_QUOTA, { p: project.id });
    expect(saved.data!.projectQuota).toMatchObject({
      quota: { dailyRequestLimit: 5000, monthlyRequestLimit: 20000, dailyBudget: '2.50' },
      effective: { dailyRequestLimit: 1000 },
    });

    // Bars for the effective daily and monthly limits, following quotaChanged while the page stays open.
    const usage = page.getByRole('region', { name: 'Quota usage' });
    await usage.getByText('0 / 1,000 requests today').waitFor();
    await usage.getByText('$0.00 / $2.50 spent today').waitFor();
    await usage.getByText('0 / 20,000 requests this month').waitFor();
    expect(await usage.getByRole('meter').count()).toBe(3);
    await usage.getByRole('status').getByText('Live', { exact: true }).waitFor();
    // The quota re-read the save caused (the server's 250 ms state tick) has gone out: only the usage below can move the bars.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await rollup(organization.id, project.id, 120, 3_000, 1_250_000n);
    await usage.getByText('120 / 1,000 requests today').waitFor({ timeout: 15_000 });
    await usage.getByText('$1.25 / $2.50 spent today').waitFor();
    await usage.getByText('120 / 20,000 requests this month').waitFor();

    const member = await h.user();
    await h.member(organization, member);
    await h.projectMember(project, member, 'MEMBER');
    const view = await signedInPage(member);
    await view.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}/quota`);
    const readOnly = view.getByRole('form', { name: 'Project quota' });
    await field(readOnly, 'Requests per day').getByText('Enforced at 1,000 by the organization').waitFor();
    expect(await readOnly.getByLabel('Requests per day').inputValue()).toBe('5000');
    expect(await readOnly.getByLabel('Requests per day').isDisabled()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Save quota' }).count()).toBe(0);
    await view.getByText('120 / 1,000 requests today').waitFor();
  });

  it("keeps a bad quota in the browser with errors beside the fields, and puts the server's refusal beside its field", async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'bad-quota-org');
    const project = await h.project(organization, 'strict');
    const api = await h.signedIn(admin);
    const page = await signedInPage(admin);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('setProjectQuota')) sent.push(request.postData()!);
    });
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}/quota`);
    const quota = page.getByRole('form', { name: 'Project quota' });
    await quota.getByLabel('Requests per minute').fill('30');
    await quota.getByLabel('Monthly reset day').fill('29');
    await quota.getByLabel('Tokens per day').fill('1.5');
    await quota.getByLabel('Monthly budget (USD)').fill('12.3456789');
    await quota.getByRole('button', { name: 'Save quota' }).click();
    await field(quota, 'Monthly reset day').getByText('Enter a day from 1 to 28.').waitFor();
    expect(await quota.getByLabel('Monthly reset day').getAttribute('aria-invalid')).toBe('true');
    await field(quota, 'Tokens per day').getByText('Enter a whole number of at least 1.').waitFor();
    await field(quota, 'Monthly budget (USD)')
      .getByText(/Enter an amount above 0/)
      .waitFor();
    expect(await field(quota, 'Requests per minute').locator('.error').count()).toBe(0);
    expect(sent).toEqual([]);
    const unchanged = (await api.gql(PROJECT_QUOTA, { p: project.id })).data!.projectQuota.quota;
    expect(unchanged).toMatchObject({ requestsPerMinuteLimit: null, dailyTokenLimit: null, monthlyBudget: null, customResetDay: 1 });

    // Past the browser's checks, the server's VALIDATION error names its field.
    await quota.getByLabel('Monthly reset day').fill('15');
    await quota.getByLabel('Tokens per day').fill('2000000000000');
    await quota.getByLabel('Monthly budget (USD)').fill('12.50');
    await quota.getByRole('button', { name: 'Save quota' }).click();
    await field(quota, 'Tokens per day').getByText('dailyTokenLimit must be at most 1000000000000').waitFor();
    expect(await quota.locator('.error').count()).toBe(1);
    expect(sent).toHaveLength(1);
    expect((await api.gql(PROJECT_QUOTA, { p: project.id })).data!.projectQuota.quota).toMatchObject({ requestsPerMinuteLimit: null, customResetDay: 1 });

    await quota.getByLabel('Tokens per day').fill('');
    await quota.getByRole('button', { name: 'Save quota' }).click();
    await quota.getByRole('status').getByText('Saved.').waitFor();
    expect(await quota.locator('.error').count()).toBe(0);
    expect((await api.gql(PROJECT_QUOTA, { p: project.id })).data!.projectQuota.quota).toMatchObject({
      requestsPerMinuteLimit: 30,
      dailyTokenLimit: null,
      monthlyBudget: '12.50',
      customResetDay: 15,
    });
  });

  it("creates a template, then a project from it whose keys' secrets are shown once", async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'template-org');
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('link', { name: 'Templates' }).click();
    const table = page.getByRole('table', { name: 'Project templates' });
    const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('cell').getByText(name, { exact: true }) });
    await rowOf('Starter').waitFor();
    expect(await rowOf('Starter').innerText()).toMatch(/10,000 requests\/day.*Built-in/s);

    const form = page.getByRole('form', { name: 'Create template' });
    await form.getByLabel('Template name').fill('Team standard');
    await form.getByLabel('Category').selectOption('Professional');
    await form.getByLabel('Tags (comma separated)').fill('company, batch');
    await form.getByLabel('Requests per day').fill('500');
    await form.getByLabel('Daily budget (USD)').fill('2.50');
    await form.getByLabel('Monthly reset day').fill('10');
    await form.getByLabel('API key names').fill('ci\nCI');
    await form.getByRole('button', { name: 'Create template' }).click();
    await field(form, 'API key names (one per line or comma separated)').getByText('config.apiKeyNames must not repeat a name').waitFor();
    await form.getByLabel('API key names').fill('ci\nbatch');
    await form.getByRole('button', { name: 'Create template' }).click();
    await form.getByRole('status').getByText('Created template Team standard.').waitFor();
    const ours = rowOf('Team standard');
    await ours.waitFor();
    expect((await ours.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Team standard',
      'Professional',
      'company, batch',
      '500 requests/day, $2.50/day, resets on day 10',
      "All of the organization's",
      'ci, batch',
      '0',
      'This organization',
    ]);

    const from = page.getByRole('form', { name: 'Create project from template' });
    await from.getByLabel('Template', { exact: true }).selectOption({ label: 'Team standard' });
    await from.getByLabel('New project name').fill('from-template');
    await from.getByRole('button', { name: 'Create from template' }).click();
    const secrets = [await page.getByLabel('Secret of ci').innerText(), await page.getByLabel('Secret of batch').innerText()];
    for (const secret of secrets) expect(secret).toMatch(/^sk-tg-[0-9A-Za-z]{38}$/);
    await expect.poll(() => ours.getByRole('cell').nth(6).innerText()).toBe('1');

    await page.getByRole('link', { name: 'from-template' }).click();
    await page.getByRole('heading', { name: 'from-template' }).waitFor();
    await page.getByRole('link', { name: 'Quota' }).click();
    const quota = page.getByRole('form', { name: 'Project quota' });
    await quota.getByLabel('Requests per day').waitFor();
    expect(await quota.getByLabel('Requests per day').inputValue()).toBe('500');
    expect(await quota.getByLabel('Monthly reset day').inputValue()).toBe('10');

    await page.goto(`${h.url}/orgs/${organization.id}/templates`);
    await rowOf('Team standard').waitFor();
    expect(await page.getByLabel(/^Secret of/).count()).toBe(0);
    const content = await page.content();
    for (const secret of secrets) expect(content).not.toContain(secret);
  });

  it("saves the organization's limits, shows them after a reload, and shows members them read-only", async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'limits-org');
    const api = await h.signedIn(admin);
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('link', { name: 'Limits' }).click();
    const form = page.getByRole('form', { name: 'Organization limits' });
    await form.getByLabel('Requests per minute').fill('60');
    await form.getByLabel('Tokens per day').fill('2000000');
    await form.getByLabel('Monthly budget (USD)').fill('100');
    await form.getByLabel('Daily budget (USD)').fill('0');
    await form.getByRole('button', { name: 'Save limits' }).click();
    await field(form, 'Daily budget (USD)')
      .getByText(/Enter an amount above 0/)
      .waitFor();
    expect((await api.gql(ORG_LIMITS, { o: organization.id })).data!.organizationLimits.rpm).toBeNull();

    await form.getByLabel('Daily budget (USD)').fill('5');
    await form.getByRole('button', { name: 'Save limits' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    await page.reload();
    await form.getByLabel('Requests per minute').waitFor();
    const values = Object.fromEntries(
      await Promise.all(
        ['Requests per minute', 'Tokens per minute', 'Tokens per day', 'Daily budget (USD)', 'Monthly budget (USD)'].map(async (label) => [
          label,
          await form.getByLabel(label).inputValue(),
        ]),
      ),
    );
    expect(values).toEqual({
      'Requests per minute': '60',
      'Tokens per minute': '',
      'Tokens per day': '2000000',
      'Daily budget (USD)': '5.00',
      'Monthly budget (USD)': '100.00',
    });
    expect((await api.gql(ORG_LIMITS, { o: organization.id })).data!.organizationLimits).toEqual({
      rpm: 60,
      tpm: null,
      rph: null,
      rpd: null,
      tpd: 2_000_000,
      dailyBudget: '5.00',
      monthlyBudget: '100.00',
    });

    const member = await h.user();
    await h.member(organization, member);
    const view = await signedInPage(member);
    await view.goto(`${h.url}/orgs/${organization.id}/limits`);
    const readOnly = view.getByRole('form', { name: 'Organization limits' });
    await readOnly.getByLabel('Requests per minute').waitFor();
    expect(await readOnly.getByLabel('Requests per minute').inputValue()).toBe('60');
    expect(await readOnly.getByLabel('Requests per minute').isDisabled()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Save limits' }).count()).toBe(0);
  });

  it('lets an operator credit a wallet once per reference and issue codes shown once; the admin sees the balance and redeems a code once', async () => {
    const operator = await h.user({ isOperator: true });
    const admin = await h.user();
    const organization = await h.organization(admin, 'wallet-org');
    const api = await h.signedIn(admin);
    const ops = await signedInPage(operator);
    await ops.goto(`${h.url}/operator/catalog`);
    const operatorNav = ops.getByRole('navigation', { name: 'Operator' });
    await operatorNav.getByRole('link', { name: 'Wallets' }).click();
    await ops.getByLabel('Organization to manage').selectOption({ label: 'wallet-org (wallet-org)' });
    const credit = ops.getByRole('form', { name: 'Credit wallet' });
    await credit.getByLabel('Amount (USD)').fill('5');
    await credit.getByLabel('Reference').fill('INV-1');
    await credit.getByLabel('Description').fill('Bank transfer');
    const credited = async () => {
      await Promise.all([
        ops.waitForResponse((r) => r.request().postData()?.includes('creditWallet') ?? false),
        credit.getByRole('button', { name: 'Credit wallet' }).click(),
      ]);
      return credit.getByRole('status').innerText();
    };
    expect(await credited()).toBe("wallet-org's balance is now $5.00 (available $5.00).");
    // The same reference again is a no-op.
    expect(await credited()).toBe("wallet-org's balance is now $5.00 (available $5.00).");
    expect((await api.gql(WALLET, { o: organization.id })).data).toEqual({
      wallet: { balance: '5.00', isActive: true },
      walletRecords: { totals: { count: 1 } },
    });
    await credit.getByLabel('Amount (USD)').fill('6');
    await credit.getByRole('button', { name: 'Credit wallet' }).click();
    await field(credit, 'Reference').getByText('Reference "INV-1" already credited a different amount').waitFor();
    expect(await credit.getByLabel('Reference').getAttribute('aria-invalid')).toBe('true');

    await operatorNav.getByRole('link', { name: 'Redemption codes' }).click();
    const issue = ops.getByRole('form', { name: 'Issue redemption codes' });
    await issue.getByLabel('Amount per code (USD)').fill('2.50');
    await issue.getByLabel('Number of codes').fill('2');
    await issue.getByLabel('Valid through (UTC day)').fill(utcDay(1));
    await issue.getByLabel('Description').fill('Browser giveaway');
    await issue.getByRole('button', { name: 'Issue codes' }).click();
    const issued = ops.getByRole('region', { name: 'Issued codes' });
    await issued.getByRole('status').getByText('Issued 2 codes of $2.50 each').waitFor();
    await issued.getByText('they will not be shown again').waitFor();
    const codes = await issued.getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(2);
    for (const code of codes) expect(code).toMatch(/^TGR(-[2-9A-HJKMNP-Z]{4}){4}$/);
    await ops.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    await issued.getByRole('button', { name: 'Copy all codes' }).click();
    expect(await ops.evaluate(() => navigator.clipboard.readText())).toBe(codes.join('\n'));
    await ops.reload();
    await issue.getByLabel('Number of codes').waitFor();
    expect(await issued.count()).toBe(0);
    for (const code of codes) expect(await ops.content()).not.toContain(code);

    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('link', { name: 'Wallet' }).click();
    const balance = page.getByLabel('Wallet balance');
    await balance.getByText('$5.00 USD').waitFor();
    expect(await balance.innerText()).toMatch(/Frozen\s+\$0\.00.*Available\s+\$5\.00\s+Status\s+Active/s);
    const redeem = page.getByRole('form', { name: 'Redeem a code' });
    await redeem.getByLabel('Redemption code').fill(codes[0]!.toLowerCase());
    await redeem.getByRole('button', { name: 'Redeem' }).click();
    await redeem.getByRole('status').getByText('Redeemed: the balance is now $7.50.').waitFor();
    await balance.getByText('$7.50 USD').waitFor();
    const records = page.getByRole('table', { name: 'Wallet records' });
    await records.getByText(`Redeemed code …${codes[0]!.slice(-4)}`).waitFor();
    await redeem.getByLabel('Redemption code').fill(codes[0]!);
    await redeem.getByRole('button', { name: 'Redeem' }).click();
    await field(redeem, 'Redemption code').getByText('This code is unknown, expired or already redeemed.').waitFor();
    expect(await redeem.getByLabel('Redemption code').getAttribute('aria-invalid')).toBe('true');
    expect((await api.gql(WALLET, { o: organization.id })).data).toEqual({
      wallet: { balance: '7.50', isActive: true },
      walletRecords: { totals: { count: 2 } },
    });
  });

  it('filters wallet records by type, exports them as CSV, and shows the Wallet tab only with organization.finance', async () => {
    const operator = await h.user({ isOperator: true });
    const admin = await h.user();
    const organization = await h.organization(admin, 'ledger-org');
    const operatorApi = await h.signedIn(operator);
    const api = await h.signedIn(admin);
    expect((await operatorApi.gql(CREDIT, { o: organization.id, a: '5', r: 'INV-1' })).errors).toBeUndefined();
    const issued = await operatorApi.gql(ISSUE, { a: '2.50', e: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await api.gql(REDEEM, { o: organization.id, c: issued.data!.issueRedemptionCodes.codes[0] })).errors).toBeUndefined();
    // A call charged to the wallet, as the proxy writes it.
    const em = h.orm.em.fork();
    em.create(WalletRecord, { organizationId: organization.id, type: 'CONSUME', amount: -1_250_000n, requestLogId: randomUUID(), description: 'mock-small' });
    await em.flush();

    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/wallet`);
    await page.getByLabel('Wallet balance').getByText('$6.25 USD').waitFor();
    const records = page.getByRole('table', { name: 'Wallet records' });
    const totals = page.getByLabel('Totals');
    await totals.getByText('3 records · $7.50 in · $1.25 out').waitFor();
    expect(await records.getByRole('row').count()).toBe(4);
    expect(await records.getByRole('row').nth(1).innerText()).toMatch(/CONSUME\s+-\$1\.25\s+\$7\.50 → \$6\.25\s+mock-small\s+Request/);
    await page.getByLabel('Consume').check();
    await totals.getByText('1 record · $0.00 in · $1.25 out').waitFor();
    expect(await records.getByRole('row').count()).toBe(2);
    await page.getByLabel('Consume').uncheck();
    await page.getByLabel('Recharge').check();
    await totals.getByText('2 records · $7.50 in · $0.00 out').waitFor();
    expect(await records.getByRole('row').count()).toBe(3);
    expect(await records.getByRole('row').nth(1).innerText()).toMatch(/RECHARGE\s+\$2\.50\s+\$5\.00 → \$7\.50\s+Redeemed code …/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`wallet-ledger-org-${utcDay(0)}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3))).toEqual([
      ['RECHARGE', '5.00'],
      ['RECHARGE', '2.50'],
    ]);

    // The tab needs organization.finance: an admin's or the FINANCE grant's, never a plain member's.
    const finance = await h.user();
    await h.member(organization, finance, 'MEMBER', ['FINANCE']);
    const accountant = await signedInPage(finance);
    await accountant.goto(`${h.url}/orgs/${organization.id}`);
    await accountant.getByRole('link', { name: 'Wallet' }).click();
    await accountant.getByLabel('Wallet balance').getByText('$6.25 USD').waitFor();
    const member = await h.user();
    await h.member(organization, member);
    const view = await signedInPage(member);
    await view.goto(`${h.url}/orgs/${organization.id}`);
    await view.getByRole('link', { name: 'Templates' }).waitFor();
    await view.waitForLoadState('networkidle');
    expect(await view.getByRole('link', { name: 'Wallet' }).count()).toBe(0);
    await view.goto(`${h.url}/orgs/${organization.id}/wallet`);
    await view.getByRole('alert').getByText('FORBIDDEN').waitFor();
  });

  it('pages wallet records by cursor, filters them by UTC day, shows an inactive wallet, and an organization that is not prepaid', async () => {
    const operator = await h.user({ isOperator: true });
    const admin = await h.user();
    const organization = await h.organization(admin, 'paged-wallet-org');
    const other = await h.organization(admin, 'postpaid-org');
    const operatorApi = await h.signedIn(operator);
    for (let i = 1; i <= 52; i++) expect((await operatorApi.gql(CREDIT, { o: organization.id, a: '1', r: `R-${i}` })).errors).toBeUndefined();
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/wallet`);
    const records = page.getByRole('table', { name: 'Wallet records' });
    const totals = page.getByLabel('Totals');
    await totals.getByText('52 records · $52.00 in · $0.00 out').waitFor();
    await expect.poll(() => records.getByRole('row').count()).toBe(52);
    await records.getByRole('button', { name: 'Load more' }).click();
    await records.getByRole('cell', { name: 'R-1', exact: true }).waitFor();
    expect(await records.getByRole('row').count()).toBe(53);
    expect(await records.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(await records.getByRole('row').nth(1).innerText()).toContain('R-52');

    await page.getByLabel('To (UTC)').fill(utcDay(-1));
    await totals.getByText('0 records · $0.00 in · $0.00 out').waitFor();
    await page.getByText('No records match.').waitFor();
    await page.getByLabel('To (UTC)').fill(utcDay(0));
    await page.getByLabel('From (UTC)').fill(utcDay(0));
    await totals.getByText('52 records').waitFor();
    expect(await records.getByRole('row').count()).toBe(52);

    const ops = await signedInPage(operator);
    await ops.goto(`${h.url}/operator/wallets`);
    await ops.getByLabel('Organization to manage').selectOption({ label: 'paged-wallet-org (paged-wallet-org)' });
    const status = ops.getByRole('region', { name: 'Wallet status' });
    await status.getByRole('button', { name: 'Deactivate wallet' }).click();
    await status.getByRole('status').getByText("paged-wallet-org's wallet is inactive (balance $52.00).").waitFor();
    await page.reload();
    await page.getByLabel('Wallet balance').getByText('Inactive: every call is refused').waitFor();
    await status.getByRole('button', { name: 'Activate wallet', exact: true }).click();
    await status.getByRole('status').getByText("paged-wallet-org's wallet is active").waitFor();

    await page.goto(`${h.url}/orgs/${other.id}/wallet`);
    await page.getByText('This organization is not prepaid.').waitFor();
    await page.getByLabel('Totals').getByText('0 records').waitFor();
  });
});

/** The field (label, input, note and error) a label names. */
const field = (scope: Locator, label: string) => scope.locator('.field').filter({ has: scope.page().getByLabel(label, { exact: true }) });

/** A UTC day as YYYY-MM-DD, `offset` days from today. */
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * One hourly rollup row in the current UTC hour, as the proxy's recorder writes them, and the batch's usage delta
 * announced on the live channel as the recorder then does (the servers re-read the project's quota use on it).
 */
async function rollup(organizationId: string, projectId: string, forwarded: number, tokens: number, micros: bigint) {
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const connection = h.orm.em.getConnection();
  await connection.execute(
    `insert into usage_hourly (id, hour, organization_id, project_id, api_key_id, user_id, model, requests, errors, forwarded, input_tokens, output_tokens, cost)
     values (?, ?, ?, ?, ?, null, 'mock-small', ?, 0, ?, ?, 0, ?)`,
    [randomUUID(), hour, organizationId, projectId, randomUUID(), forwarded, forwarded, tokens, micros.toString()],
  );
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  for (const payload of usageDeltaPayloads(organizationId, 1, [[projectId, 'mock-small', minute, forwarded, 0, tokens, 0, 0, 0, micros.toString()]])) {
    await connection.execute('select pg_notify(?, ?)', [LIVE_CHANNEL, payload]);
  }
}

/** A page whose browser context carries the user's session cookie. */
async function signedInPage(user: Parameters<typeof h.signedIn>[0]) {
  const client = await h.signedIn(user);
  const [name, value] = client.cookie!.split('=') as [string, string];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: h.url }]);
  const page = await context.newPage();
  // Fail on the step that is stuck, well within the test's own timeout.
  page.setDefaultTimeout(10_000);
  return page;
}

import { Organization, OutboxMessage, seedApiKey, seedMockCatalog } from '@tollgate/db';
import { startMockUpstream } from '@tollgate/mock-upstream';
import { createProxy, createProxyLogger, loadProxyConfig, type Proxy } from '@tollgate/proxy';
import { startHarness } from '@tollgate/server/testing';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Alerts through the SPA: an admin adds a webhook endpoint (its secret shown
 * once) and balance alerts that post to it; a call through the metering proxy
 * takes the balance below a threshold, and the alert shows up in the history
 * (live) with its delivery log, the webhook having reached a receiver here,
 * signed with that secret. Then a project's alerts and the mobile number.
 */
const CHROMIUM = '/usr/bin/chromium';
/** Set to a folder to keep screenshots of the pages. */
const SHOTS = process.env.TOLLGATE_SCREENSHOTS;
const CREDIT = 'mutation($o: ID!, $a: Money!, $r: String!) { creditWallet(organizationId: $o, amount: $a, reference: $r) { balance } }';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

// The receiver is on loopback: the operator allows that host, as ALERT_WEBHOOK_ALLOWED_HOSTS does in a private network.
const h = await startHarness({ ALERT_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
const mock = await startMockUpstream();
let browser: Browser;
let proxy: Proxy;
let proxyUrl: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  await seedMockCatalog(h.orm.em.fork(), mock.url);
  const config = loadProxyConfig({
    DATABASE_URL: h.orm.config.get('clientUrl'),
    CREDENTIAL_KEY: Buffer.alloc(32, 7).toString('base64'),
    PROXY_PORT: '0',
    PROXY_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    USAGE_FLUSH_MS: '50',
  });
  proxy = await createProxy(config, createProxyLogger('silent'));
  proxyUrl = await proxy.listen();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await mock.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('alerts in the SPA', () => {
  it('sets balance alerts and a webhook endpoint, and shows the alert a proxied call fires with its delivery log', async () => {
    const operator = await h.user({ isOperator: true });
    const admin = await h.user({ name: 'Ada Admin' });
    const organization = await h.organization(admin, 'alerting-org');
    await h.orm.em.fork().nativeUpdate(Organization, { id: organization.id }, { grantedGroups: ['general'] });
    const alpha = await h.project(organization, 'alpha');
    const key = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: alpha.id, userId: admin.id, name: 'ci' });
    // Just above 5.00: the first call takes it below.
    expect((await (await h.signedIn(operator)).gql(CREDIT, { o: organization.id, a: '5.000001', r: 'INV-1' })).errors).toBeUndefined();

    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Alerts' }).click();

    // A webhook endpoint: a private address is refused beside the field; the receiver's host is allowed by the operator.
    const endpoints = page.getByRole('region', { name: 'Webhook endpoints' });
    const add = endpoints.getByRole('form', { name: 'Add webhook endpoint' });
    await add.getByLabel('Endpoint URL').fill('http://10.0.0.8/hook');
    await add.getByLabel('Endpoint description').fill('Ops');
    await add.getByRole('button', { name: 'Add header' }).click();
    await add.getByLabel('Header 1 name').fill('Host');
    await add.getByLabel('Header 1 value').fill('token123');
    await add.getByRole('button', { name: 'Create endpoint' }).click();
    await add.getByText(/url points to 10\.0\.0\.8, a private address/).waitFor();
    await add.getByLabel('Endpoint URL').fill(`${receiverUrl}/hook`);
    await add.getByRole('button', { name: 'Create endpoint' }).click();
    await add.getByText('Host is set by Tollgate and may not be overridden').waitFor();
    await add.getByLabel('Header 1 name').fill('X-Alert-Token');
    await add.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = await page.getByLabel('Webhook signing secret').innerText();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const endpointRow = endpoints.getByRole('table', { name: 'Webhook endpoints' }).getByRole('row').filter({ hasText: 'Ops' });
    await endpointRow.getByText('X-Alert-Token: ••••').waitFor();
    await endpointRow.getByText('ACTIVE').waitFor();
    expect(await page.content()).not.toContain('token123');

    // Balance alerts at 10 and 5 to the endpoint; a placeholder of another kind is refused beside the message.
    const balance = page.getByRole('form', { name: 'Balance alerts' });
    await balance.getByLabel('Balance thresholds (USD)').fill('10, 5');
    await balance.getByLabel('Balance alert webhook').selectOption({ label: `Ops (${new URL(receiverUrl).host})` });
    await balance.getByLabel('Balance alert message').fill('Spent {spent}');
    await balance.getByRole('button', { name: 'Save balance alerts' }).click();
    await balance.getByText(/messageTemplate uses \{spent\}/).waitFor();
    await balance.getByLabel('Balance alert message').fill('Balance of {organization} is below {threshold} USD');
    await balance.getByRole('button', { name: 'Save balance alerts' }).click();
    await balance.getByRole('status').getByText('Saved.').waitFor();
    expect(await balance.getByLabel('Balance thresholds (USD)').inputValue()).toBe('10.00, 5.00');
    if (SHOTS) await shot(page, 'organization-alerts');

    // A call through the proxy: 5.000001 − its cost crosses 5.00 (10 was crossed before it was set: no alert for it).
    const response = await fetch(`${proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'hello there' }] }),
    });
    await response.arrayBuffer();
    expect(response.status).toBe(200);

    // The alert arrives live (alertFired) while the page is open.
    const history = page.getByRole('region', { name: 'Alert history' });
    const alertRow = history.getByRole('row').filter({ hasText: 'Balance of alerting-org is below 5.00 USD' });
    await alertRow.waitFor({ timeout: 15_000 });
    await alertRow.getByText('OPEN').waitFor();
    expect(await history.getByRole('row').filter({ hasText: 'below 10.00' }).count()).toBe(0);

    // The webhook reached the receiver, signed Standard Webhooks style with the secret shown once, with the custom header.
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const hook = received[0]!;
    expect(hook.headers['x-alert-token']).toBe('token123');
    const signed = `${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`;
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(signed)
      .digest('base64');
    expect(String(hook.headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'alert.fired', data: { kind: 'BALANCE', threshold: '5.00' } });

    // The delivery log: the admin's email and the webhook, each with its attempts.
    await expect
      .poll(
        async () => {
          await history.getByRole('button', { name: 'Refresh' }).click();
          await alertRow.getByRole('button', { name: 'Show deliveries' }).click();
          const log = history.getByRole('table', { name: 'Delivery log' });
          const text = await log.innerText();
          await alertRow.getByRole('button', { name: 'Hide deliveries' }).click();
          return /WEBHOOK\s+\S*\/hook\s+SENT/.test(text) && text.includes('EMAIL') && text.includes(admin.email);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await alertRow.getByRole('button', { name: 'Show deliveries' }).click();
    await history
      .getByRole('table', { name: 'Delivery log' })
      .getByText(/ · 204 · \d+ ms/)
      .waitFor();
    if (SHOTS) await shot(page, 'alert-history-deliveries');

    // Rotate: a new secret shown once, the old one signing beside it for a day; disable and enable again.
    await endpointRow.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog', { name: 'Rotate the secret of Ops?' }).getByRole('button', { name: 'Rotate secret' }).click();
    await expect.poll(() => page.getByLabel('Webhook signing secret').innerText()).not.toBe(secret);
    await endpointRow.getByText(/rotating until/).waitFor();
    await endpointRow.getByRole('button', { name: 'Disable' }).click();
    await endpointRow.getByText('DISABLED').waitFor();
    await endpointRow.getByRole('button', { name: 'Enable' }).click();
    await endpointRow.getByText('ACTIVE').waitFor();

    // A test send shows up in the history as a test.
    await balance.getByRole('button', { name: 'Send test' }).click();
    // Radix announces a toast in a live region too: two elements carry its text.
    await page.getByText('Test alert sent').first().waitFor();
    await history.getByRole('row').filter({ hasText: 'TEST' }).first().waitFor();

    // Reloaded, the page shows no secret.
    await page.reload();
    await history.getByRole('row').filter({ hasText: 'Balance of alerting-org is below 5.00 USD' }).first().waitFor();
    expect(await page.getByLabel('Webhook signing secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret.slice(6, 20));
  });

  it("sets a project's consumption and quota alerts, and verifies a mobile number on the profile", async () => {
    const admin = await h.user({ name: 'Pat Owner' });
    const organization = await h.organization(admin, 'project-alerts-org');
    const project = await h.project(organization, 'metered');
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}`);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Alerts' }).click();

    const consumption = page.getByRole('form', { name: 'Consumption alerts' });
    await consumption.getByLabel('Daily spend alerts (USD)').fill('1, 5, -2');
    await consumption.getByRole('button', { name: 'Save consumption alerts' }).click();
    await consumption.getByText('-2 is not an amount above 0 such as 12.50.').waitFor();
    await consumption.getByLabel('Daily spend alerts (USD)').fill('1, 5');
    await consumption.getByLabel('Monthly spend alerts (USD)').fill('50');
    await consumption.getByLabel('Consumption alert: SMS to verified numbers').check();
    await consumption.getByRole('button', { name: 'Save consumption alerts' }).click();
    await consumption.getByRole('status').getByText('Saved.').waitFor();
    expect(await consumption.getByLabel('Daily spend alerts (USD)').inputValue()).toBe('5.00, 1.00');

    const quota = page.getByRole('form', { name: 'Quota alerts' });
    await quota.getByLabel('Quota shares (%)').fill('100, 80');
    await quota.getByRole('button', { name: 'Save quota alerts' }).click();
    await quota.getByRole('status').getByText('Saved.').waitFor();
    expect(await quota.getByLabel('Quota shares (%)').inputValue()).toBe('80, 100');
    await consumption.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('region', { name: 'Alert history' }).getByRole('row').filter({ hasText: 'metered' }).first().waitFor();
    if (SHOTS) await shot(page, 'project-alerts');

    // A project MEMBER reads the project's alerts and their history, changes nothing, and has no organization Alerts tab.
    const memberUser = await h.user({ name: 'Max Member' });
    await h.member(organization, memberUser);
    await h.projectMember(project, memberUser, 'MEMBER');
    const view = await signedInPage(memberUser);
    await view.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}/alerts`);
    const readOnly = view.getByRole('form', { name: 'Consumption alerts' });
    expect(await readOnly.getByLabel('Daily spend alerts (USD)').inputValue()).toBe('5.00, 1.00');
    expect(await readOnly.getByLabel('Daily spend alerts (USD)').isDisabled()).toBe(true);
    expect(await view.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    await view.getByRole('region', { name: 'Alert history' }).getByRole('row').filter({ hasText: 'metered' }).first().waitFor();
    await view.goto(`${h.url}/orgs/${organization.id}`);
    await view.getByRole('table', { name: 'Projects' }).getByText('metered').waitFor();
    expect(await view.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Alerts' }).count()).toBe(0);

    // The profile: a number with its country code, a code by SMS, verified.
    await page.getByRole('link', { name: 'Pat Owner' }).click();
    const mobile = page.getByRole('region', { name: 'Mobile number' });
    await mobile.getByLabel('Mobile number', { exact: true }).fill('0415 555 0123');
    await mobile.getByRole('button', { name: 'Send code' }).click();
    await mobile.getByText('Enter the number with its country code, e.g. +14155550123.').waitFor();
    await mobile.getByLabel('Mobile number', { exact: true }).fill('+1 415 555 0123');
    await mobile.getByRole('button', { name: 'Send code' }).click();
    await mobile.getByText('NOT VERIFIED').waitFor();
    const [sms] = await h.orm.em.fork().find(OutboxMessage, { channel: 'SMS', to: '+14155550123' }, { orderBy: { createdAt: 'desc' }, limit: 1 });
    const code = /(\d{6})/.exec(sms!.text ?? '')![1]!;
    await mobile.getByLabel('Verification code').fill(code === '000000' ? '111111' : '000000');
    await mobile.getByRole('button', { name: 'Verify' }).click();
    await mobile.getByText('This code is wrong or has expired').waitFor();
    await mobile.getByLabel('Verification code').fill(code);
    await mobile.getByRole('button', { name: 'Verify' }).click();
    await mobile.getByText('VERIFIED', { exact: true }).waitFor();
    await mobile.getByRole('status').getByText('Your number is verified.').waitFor();
    if (SHOTS) await shot(page, 'profile-mobile');
  });
});

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS!, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signedInPage(user: Parameters<typeof h.signedIn>[0]) {
  const client = await h.signedIn(user);
  const [name, value] = client.cookie!.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name, value, url: h.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

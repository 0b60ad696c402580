import { RequestLog } from '@tollgate/db';
import { startHarness } from '@tollgate/server/testing';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
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
    const csv = ['email,name,role', 'Gavin@Example.test,Gavin,member', 'not-an-email,Bad,member', `${existing.email},Old,member`, ' gavin@example.test ,Again,member', 'dinesh@example.test,Dinesh,member'].join('\n');
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
    await row.getByRole('cell', { name: 'REVOKED', exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
  });

  it('lists a project\'s requests, filters them and shows content the policy kept', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'requests-org');
    const project = await h.project(organization, 'api');
    const em = h.orm.em.fork();
    const base = { organizationId: organization.id, projectId: project.id, apiKeyId: randomUUID(), userId: admin.id, inputTokens: 12, latencyMs: 40, upstreamLatencyMs: 30, stream: false };
    em.create(RequestLog, { ...base, id: randomUUID(), time: new Date(Date.now() - 60_000), model: 'mock-small', status: 200, outputTokens: 20, cost: 15n, errorCode: null, content: { request: { model: 'mock-small' }, response: 'kept answer' } });
    em.create(RequestLog, { ...base, id: randomUUID(), time: new Date(), model: 'mock-large', status: 502, outputTokens: 0, cost: 0n, errorCode: 'upstreamUnavailable', content: null });
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
});

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

import { Organization, seedApiKey, seedMockCatalog } from '@tollgate/db';
import { startMockUpstream } from '@tollgate/mock-upstream';
import { createProxy, createProxyLogger, loadProxyConfig, type Proxy } from '@tollgate/proxy';
import { startHarness } from '@tollgate/server/testing';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The pages that follow the live subscriptions, against real calls: keys call
 * the metering proxy (which calls the mock upstream, writes usage and
 * publishes its deltas and wallet states as in production), and the open page
 * must show the new figures within 2 seconds, without a reload.
 */
const CHROMIUM = '/usr/bin/chromium';
/** Set to a folder to keep screenshots of the live pages. */
const SHOTS = process.env.TOLLGATE_SCREENSHOTS;
/** What "live" promises: a call's figures on the open page within this long. */
const LIVE_MS = 2_000;
const CREDIT = 'mutation($o: ID!, $a: Money!, $r: String!) { creditWallet(organizationId: $o, amount: $a, reference: $r) { balance } }';
const SET_ORG_LIMITS = 'mutation($o: ID!, $input: OrganizationLimitsInput!) { setOrganizationLimits(organizationId: $o, input: $input) { rpd } }';

const h = await startHarness();
let browser: Browser;
let proxy: Proxy;
let proxyUrl: string;
const mock = await startMockUpstream();

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
});

describe('the live pages', () => {
  it("follow calls on the organization's dashboard: today's spend and counts within 2 s, the wallet card, then the charts, with no reload", async () => {
    const { organization, key, page } = await prepaidOrganization('live-org');
    const requests = trackUsageQueries(page);
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Usage' }).click();
    await liveIndicator(page).getByText('Live', { exact: true }).waitFor();
    const summary = page.getByRole('region', { name: 'Spend summary' });
    const today = summary.getByRole('group', { name: 'Spend today' });
    const walletCard = summary.getByRole('group', { name: 'Wallet balance' });
    await today.getByText('0 requests, 0 errors').waitFor();
    expect(await figure(today)).toBe('$0.00');
    await walletCard.getByText('$20.00', { exact: true }).waitFor();
    await expect.poll(async () => (await dataTable(page, 'Requests data')).at(-1)).toEqual(['Total', '0', '0', '0']);
    await markDocument(page);

    const statuses = await calls(key, ['hello', 'a longer question about the weather', 'again [[fail:500]]']);
    expect(statuses).toEqual([200, 200, 502]);
    const sent = Date.now();
    await expect.poll(() => today.innerText(), { timeout: LIVE_MS, intervals: [100] }).toMatch(/3 requests, 1 error$/);
    const spent = await figure(today);
    expect(spent).toMatch(/^\$0\.\d+$/);
    expect(spent).not.toBe('$0.00');
    console.log(`today's figures followed ${Date.now() - sent} ms after the calls`);
    // This month: the days before today as the query read them, and today as it moves.
    expect(await figure(summary.getByRole('group', { name: 'Spend this month' }))).toBe(spent);
    // The wallet card follows walletChanged: the calls' charges are taken from the balance.
    await expect.poll(() => figure(walletCard), { timeout: LIVE_MS, intervals: [100] }).not.toBe('$20.00');
    if (SHOTS) await shot(page, 'live-organization-dashboard');

    // The charts are asked again after the ticks (not on a timer), and hold the calls once their minute closes.
    await expect.poll(async () => (await dataTable(page, 'Requests data')).at(-1), { timeout: 75_000, intervals: [500] }).toEqual(['Total', '2', '1', '3']);
    expect((await dataTable(page, 'Spend by project data')).at(-1)!.at(-1)).toBe(spent);
    expect(await page.getByLabel('Range totals').innerText()).toMatch(/Requests\s+3\s+Errors\s+1 \(33\.3%\)/i);
    await expectSameDocument(page);
    // Re-runs come in bursts (one per chart) at least 5 s apart however often the ticks come.
    const bursts = burstsOf(requests.filter((t) => t >= sent));
    console.log(`usage queries after the calls: ${bursts.map((t) => `+${t - sent} ms`).join(', ')}`);
    expect(bursts.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < bursts.length; i++) expect(bursts[i]! - bursts[i - 1]!).toBeGreaterThanOrEqual(4_900);
    if (SHOTS) await shot(page, 'live-organization-dashboard-charts');
  }, 120_000);

  it("shows the wallet page's balance dropping as calls are charged, and the project's dashboard and quota bars following only its own calls", async () => {
    const { organization, project, key, other, page, api } = await prepaidOrganization('live-wallet-org');
    expect((await api.gql(SET_ORG_LIMITS, { o: organization.id, input: { rpd: 1000 } })).errors).toBeUndefined();
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Wallet' }).click();
    const balance = page.getByLabel('Wallet balance');
    await balance.getByText('$20.00 USD').waitFor();
    await liveIndicator(page).getByText('Live', { exact: true }).waitFor();
    await markDocument(page);
    await calls(key, ['charge me', 'and me']);
    await expect.poll(() => balance.locator('dd').first().innerText(), { timeout: LIVE_MS, intervals: [100] }).not.toBe('$20.00 USD');
    expect(await balance.locator('dd').first().innerText()).toMatch(/^\$19\.\d+ USD$/);
    await expectSameDocument(page);
    if (SHOTS) await shot(page, 'live-wallet');

    // The project's dashboard subscribes for its project only.
    await page.goto(`${h.url}/orgs/${organization.id}/projects/${project.id}/usage`);
    const today = page.getByRole('region', { name: 'Spend summary' }).getByRole('group', { name: 'Spend today' });
    const quota = page.getByRole('region', { name: 'Quota usage' });
    await liveIndicator(page).getByText('Live', { exact: true }).waitFor();
    await today.getByText('2 requests, 0 errors').waitFor();
    await quota.getByText('2 / 1,000 requests today').waitFor();
    await markDocument(page);
    await calls(other, ['another project']);
    await calls(key, ['this project']);
    await expect.poll(() => today.innerText(), { timeout: LIVE_MS, intervals: [100] }).toMatch(/3 requests, 0 errors$/);
    await expect.poll(() => quota.innerText(), { timeout: LIVE_MS, intervals: [100] }).toContain('3 / 1,000 requests today');
    // The other project's call had its tick too by now: it never counts here.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await today.innerText()).toMatch(/3 requests, 0 errors$/);
    await expectSameDocument(page);
    if (SHOTS) await shot(page, 'live-project-dashboard');

    // The quota page's bars follow quotaChanged, with their own indicator.
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Quota' }).click();
    await quota.getByText('3 / 1,000 requests today').waitFor();
    await quota.getByRole('status').getByText('Live', { exact: true }).waitFor();
    await calls(key, ['quota']);
    await expect.poll(() => quota.innerText(), { timeout: LIVE_MS, intervals: [100] }).toContain('4 / 1,000 requests today');
    await expectSameDocument(page);
  }, 60_000);

  it('says it is reconnecting when the connection drops, and catches up with the calls made meanwhile once back', async () => {
    const { organization, key, page } = await prepaidOrganization('live-drop-org');
    // The page's sockets pass through to the server, until the test holds new ones (a network that is down).
    let holding = false;
    const sockets: Array<{ page: WebSocketRoute; server: WebSocketRoute | null }> = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      sockets.push({ page: ws, server: holding ? null : ws.connectToServer() });
    });
    await page.goto(`${h.url}/orgs/${organization.id}/usage`);
    const indicator = liveIndicator(page);
    await indicator.getByText('Live', { exact: true }).waitFor();
    const today = page.getByRole('region', { name: 'Spend summary' }).getByRole('group', { name: 'Spend today' });
    await today.getByText('0 requests, 0 errors').waitFor();
    await markDocument(page);
    expect(await indicator.getAttribute('aria-live')).toBe('polite');

    holding = true;
    const first = sockets.at(-1)!;
    await first.server!.close({ code: 1001, reason: 'Going away' });
    await first.page.close({ code: 1001, reason: 'Going away' });
    await indicator.getByText('Reconnecting…', { exact: true }).waitFor();
    if (SHOTS) await shot(page, 'live-reconnecting');
    await calls(key, ['while away', 'still away']);
    // Retried: the held socket gets no answer, so the page still says so, and its figures are the old ones.
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await indicator.innerText()).toBe('Reconnecting…');
    expect(await today.innerText()).toMatch(/0 requests, 0 errors$/);

    holding = false;
    await sockets.at(-1)!.page.close({ code: 1001, reason: 'Going away' });
    await indicator.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => today.innerText(), { timeout: LIVE_MS, intervals: [100] }).toMatch(/2 requests, 0 errors$/);
    // And it follows new calls again.
    await calls(key, ['back']);
    await expect.poll(() => today.innerText(), { timeout: LIVE_MS, intervals: [100] }).toMatch(/3 requests, 0 errors$/);
    await expectSameDocument(page);
  }, 60_000);
});

/** An organization with $20 in its wallet, a project with a key and another project with one, and its admin's page. */
async function prepaidOrganization(name: string) {
  const operator = await h.user({ isOperator: true });
  const admin = await h.user({ name: 'Ada Admin' });
  const organization = await h.organization(admin, name);
  await h.orm.em.fork().nativeUpdate(Organization, { id: organization.id }, { grantedGroups: ['general'] });
  const project = await h.project(organization, 'alpha');
  const second = await h.project(organization, 'beta');
  const key = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: project.id, userId: admin.id, name: 'alpha-key' });
  const other = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: second.id, userId: admin.id, name: 'beta-key' });
  expect((await (await h.signedIn(operator)).gql(CREDIT, { o: organization.id, a: '20', r: `INV-${name}` })).errors).toBeUndefined();
  return { organization, project, key: key.secret, other: other.secret, page: await signedInPage(admin), api: await h.signedIn(admin) };
}

/** Chat completions through the proxy with the key, one after the other; their statuses. */
async function calls(secret: string, contents: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const content of contents) {
    const response = await fetch(`${proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }] }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** The page's live indicator (text, announced politely). */
const liveIndicator = (page: Page) => page.locator('.live-indicator[role="status"]').first();

/** A summary card's big figure. */
const figure = (card: Locator) => card.locator('.summary-value').innerText();

/** A mark on the loaded document: still there later means no reload happened in between. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { __liveMark: true }));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __liveMark?: boolean }).__liveMark)).toBe(true);
}

/** When the page asked the usage query (the charts' operation). */
function trackUsageQueries(page: Page): number[] {
  const times: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.postData()?.includes('"operationName":"UsageRows"')) times.push(Date.now());
  });
  return times;
}

/** The starts of bursts of requests (each refresh asks every chart at once; a burst ends after 1 s of quiet). */
function burstsOf(times: number[]): number[] {
  const starts: number[] = [];
  let last = -Infinity;
  for (const t of times) {
    if (t - last > 1_000) starts.push(t);
    last = t;
  }
  return starts;
}

/** A chart's data table, opened, as rows of cell texts (header row left out). */
async function dataTable(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, includeHidden: true });
  const details = page.locator('details.chart-data').filter({ has: table });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const rows = await page.getByRole('table', { name }).locator('tbody tr, tfoot tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('th, td').allInnerTexts()).map((t) => t.trim())));
}

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

import { Organization, seedApiKey, seedMockCatalog } from '@tollgate/db';
import { startMockUpstream } from '@tollgate/mock-upstream';
import { createProxy, createProxyLogger, loadProxyConfig, type Proxy } from '@tollgate/proxy';
import { startHarness } from '@tollgate/server/testing';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The overview dashboards against real calls: keys call the metering proxy
 * (which calls the mock upstream and writes usage as in production), then the
 * page's data tables must read exactly what the usage query answers for the
 * same arguments, taken from the chart's own CSV link.
 */
const CHROMIUM = '/usr/bin/chromium';
/** Set to a folder to keep screenshots of both dashboards. */
const SHOTS = process.env.TOLLGATE_SCREENSHOTS;
const ZONE = 'Asia/Kathmandu';
const TOTALS = `query($o: ID!, $from: DateTime!, $to: DateTime!, $window: UsageWindow, $timeZone: String, $groupBy: [UsageDimension!], $filter: UsageFilter) {
  usage(organizationId: $o, from: $from, to: $to, window: $window, timeZone: $timeZone, groupBy: $groupBy, filter: $filter, first: 1000) {
    timeZone totals { requests errors cost } rows { windowStart projectId model requests errors cost }
  } }`;
const CREDIT = 'mutation($o: ID!, $a: Money!, $r: String!) { creditWallet(organizationId: $o, amount: $a, reference: $r) { balance } }';

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

describe('the usage overview dashboards', () => {
  it("read the same totals off their data tables as the usage query, for admins, FINANCE members and a project's MEMBER", async () => {
    const operator = await h.user({ isOperator: true });
    const admin = await h.user({ name: 'Ada Admin' });
    const member = await h.user({ name: 'Max Member' });
    const finance = await h.user({ name: 'Fin Ance' });
    const organization = await h.organization(admin, 'usage-org');
    const em = h.orm.em.fork();
    await em.nativeUpdate(Organization, { id: organization.id }, { grantedGroups: ['general'] });
    await h.member(organization, member);
    await h.member(organization, finance, 'MEMBER', ['FINANCE']);
    const alpha = await h.project(organization, 'alpha');
    const beta = await h.project(organization, 'beta');
    await h.projectMember(alpha, member, 'MEMBER');
    const adminKey = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: alpha.id, userId: admin.id, name: 'admin-ci' });
    const memberKey = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: alpha.id, userId: member.id, name: 'max-laptop' });
    const betaKey = await seedApiKey(h.orm.em.fork(), { organizationId: organization.id, projectId: beta.id, userId: admin.id, name: 'beta-batch' });
    expect((await (await h.signedIn(operator)).gql(CREDIT, { o: organization.id, a: '20', r: 'INV-1' })).errors).toBeUndefined();

    // The admin sets the organization's zone in the settings (a 45-minute offset: day windows are not UTC's).
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/settings`);
    const zoneForm = page.getByRole('form', { name: 'Time zone' });
    await zoneForm.getByLabel('Organization time zone').fill('Mars/Olympus');
    await zoneForm.getByRole('button', { name: 'Save time zone' }).click();
    await zoneForm.getByText(/timeZone must be an IANA time zone name/).waitFor();
    await zoneForm.getByLabel('Organization time zone').fill(ZONE);
    await zoneForm.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByRole('status').getByText(`Saved: ${ZONE}.`).waitFor();

    // Calls through the proxy: two models, two projects, three keys, one upstream failure.
    const calls: Array<[string, string, string]> = [
      [adminKey.secret, 'mock-small', 'hello there'],
      [adminKey.secret, 'mock-large', 'a longer question about the weather in Kathmandu'],
      [memberKey.secret, 'mock-small', 'from the laptop'],
      [memberKey.secret, 'mock-small', 'again [[fail:500]]'],
      [betaKey.secret, 'mock-large', 'batch job one'],
      [betaKey.secret, 'mock-small', 'batch job two'],
    ];
    const statuses: number[] = [];
    for (const [secret, model, content] of calls) {
      const response = await fetch(`${proxyUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    // The usage query answers up to the last whole minute (the current one is still open): wait for the next.
    await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 1_000));

    const api = await h.signedIn(admin);
    // The dashboard's UsageRows requests: totals only for the charts that show them (the series and the top lists).
    const rowsAsked: Array<{ window: string | null; groupBy: string[] | null; withTotals: boolean; after: string | null }> = [];
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/graphql') ? request.postDataJSON() : null;
      if (body?.query?.includes('query UsageRows')) rowsAsked.push(body.variables);
    });
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Usage' }).click();
    await page.getByText(`Times in ${ZONE}`).waitFor();

    await page.getByRole('table', { name: 'Top models' }).waitFor();
    const asked = (window: string | null, groupBy: string[] | null) =>
      rowsAsked.filter((v) => (v.window ?? null) === window && JSON.stringify(v.groupBy ?? null) === JSON.stringify(groupBy)).map((v) => v.withTotals);
    expect(new Set(asked('DAY', null))).toEqual(new Set([true]));
    expect(new Set(asked('DAY', ['PROJECT']))).toEqual(new Set([false]));
    expect(new Set(asked(null, ['PROJECT']))).toEqual(new Set([false, true]));
    expect(rowsAsked.filter((v) => v.after && v.withTotals)).toEqual([]);
    // The chart's CSV link carries its arguments: the test asks the API with exactly those.
    const args = await csvArgs(page, 'Download spend over time as CSV');
    expect(args).toMatchObject({ organizationId: organization.id, timeZone: ZONE, window: 'DAY', groupBy: ['PROJECT'] });
    const byProject = await api.gql(TOTALS, { o: organization.id, ...args });
    expect(byProject.errors).toBeUndefined();
    const totals = byProject.data!.usage.totals;
    expect(totals).toMatchObject({ requests: 6, errors: 1 });
    expect(Number(totals.cost)).toBeGreaterThan(0);

    const spendTable = await dataTable(page, 'Spend by project data');
    const spendFooter = spendTable.at(-1)!;
    expect(spendFooter[0]).toBe('Total');
    expect(spendFooter.at(-1)).toBe(`$${totals.cost}`);
    // Each project's total, as the API groups it.
    const groups = (await api.gql(TOTALS, { o: organization.id, ...args, window: null })).data!.usage.rows as Array<{ projectId: string; cost: string }>;
    const header = (await page.getByRole('table', { name: 'Spend by project data' }).getByRole('columnheader').allTextContents()).map((t) => t.trim());
    expect(header).toEqual([`Day (${ZONE})`, ...header.slice(1, -1), 'Total']);
    expect(new Set(header.slice(1, -1))).toEqual(new Set(['alpha', 'beta']));
    for (const [i, name] of header.entries()) {
      if (name !== 'alpha' && name !== 'beta') continue;
      const id = name === 'alpha' ? alpha.id : beta.id;
      expect(spendFooter[i]).toBe(`$${groups.find((g) => g.projectId === id)!.cost}`);
    }
    // Today's row in the zone's calendar holds all of it (every call was just made).
    const today = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date());
    expect(spendTable.find((r) => r[0] === today)?.at(-1)).toBe(`$${totals.cost}`);

    const requests = (await dataTable(page, 'Requests data')).at(-1)!;
    expect(requests).toEqual(['Total', '5', '1', '6']);
    const range = page.getByLabel('Range totals');
    expect(await range.innerText()).toMatch(new RegExp(`Spend\\s+\\$${totals.cost.replace('.', '\\.')}\\s+Requests\\s+6\\s+Errors\\s+1 \\(16\\.6%\\)`, 'i'));

    // Top projects and keys with their share, names through the normal fields.
    const topProjects = await rowsOf(page, 'Top projects');
    const alphaCost = groups.find((g) => g.projectId === alpha.id)!.cost;
    expect(topProjects.find((r) => r[0] === 'alpha')!.slice(1, 2)).toEqual([`$${alphaCost}`]);
    expect(topProjects.find((r) => r[0] === 'alpha')![4]).toBe('25.0%');
    expect(topProjects.at(-1)).toEqual(['All (2)', `$${totals.cost}`, '100.0%', '6', '16.6%']);
    const topKeys = (await rowsOf(page, 'Top API keys')).map((r) => r[0]);
    expect(topKeys).toEqual(
      expect.arrayContaining([expect.stringMatching(/^admin-ci \(…\w{4}\)$/), expect.stringMatching(/^max-laptop/), expect.stringMatching(/^beta-batch/)]),
    );
    expect((await rowsOf(page, 'Top members')).map((r) => r[0])).toEqual(expect.arrayContaining(['Ada Admin', 'Max Member']));

    // The summary: today in the zone, and the wallet's runway at the last 7 days' rate.
    const summary = page.getByRole('region', { name: 'Spend summary' });
    await summary.getByRole('group', { name: 'Spend today' }).getByText(`$${totals.cost}`).waitFor();
    expect(await summary.getByRole('group', { name: 'Wallet balance' }).innerText()).toMatch(/lasts about [\d,]+\.\d days at the last 7 days' rate/);

    // The CSV the link offers holds the same rows.
    const csv = await page.context().request.get(`${h.url}${await page.getByLabel('Download spend over time as CSV').getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^windowStart,windowEnd,/);
    expect(lines.length - 1).toBe(byProject.data!.usage.rows.length);

    // The 24-hour range by hour reads the same totals.
    await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '24 hours' }).click();
    await expect.poll(async () => (await csvArgs(page, 'Download spend over time as CSV')).window).toBe('HOUR');
    const hourly = await api.gql(TOTALS, { o: organization.id, ...(await csvArgs(page, 'Download spend over time as CSV')) });
    expect(hourly.data!.usage.totals).toEqual(totals);
    await expect.poll(async () => (await dataTable(page, 'Spend by project data')).at(-1)!.at(-1)).toBe(`$${totals.cost}`);
    if (SHOTS) await shot(page, 'organization-dashboard');

    // A FINANCE member sees the organization's dashboard, with the same figures.
    const accountant = await signedInPage(finance);
    await accountant.goto(`${h.url}/orgs/${organization.id}`);
    await accountant.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Usage' }).click();
    await expect.poll(async () => (await dataTable(accountant, 'Requests data')).at(-1)).toEqual(['Total', '5', '1', '6']);

    // A project MEMBER: no organization dashboard, their project's, and not another project's.
    const view = await signedInPage(member);
    await view.goto(`${h.url}/orgs/${organization.id}`);
    await view.getByRole('table', { name: 'Projects' }).getByText('alpha').waitFor();
    expect(await view.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Usage' }).count()).toBe(0);
    await view.goto(`${h.url}/orgs/${organization.id}/usage`);
    await view.getByText("The organization's usage is for admins and FINANCE members").waitFor();
    await view.goto(`${h.url}/orgs/${organization.id}/projects/${alpha.id}`);
    await view.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Usage' }).click();
    const alphaArgs = await csvArgs(view, 'Download spend over time as CSV');
    expect(alphaArgs).toMatchObject({ filter: { projectIds: [alpha.id] }, groupBy: ['MODEL'], timeZone: ZONE });
    const alphaTotals = (await api.gql(TOTALS, { o: organization.id, ...alphaArgs })).data!.usage.totals;
    expect(alphaTotals).toMatchObject({ requests: 4, errors: 1, cost: alphaCost });
    expect((await dataTable(view, 'Spend by model data')).at(-1)!.at(-1)).toBe(`$${alphaCost}`);
    expect((await dataTable(view, 'Requests data')).at(-1)).toEqual(['Total', '3', '1', '4']);
    await view.getByRole('region', { name: 'Quota usage' }).waitFor();
    // Names of keys the member may list; the admin's key in the same project by id only.
    const memberKeys = (await rowsOf(view, 'Top API keys')).map((r) => r[0]);
    expect(memberKeys).toEqual(expect.arrayContaining([expect.stringMatching(/^max-laptop/), expect.stringMatching(/^Key [0-9a-f]{8}$/)]));
    expect(await view.getByRole('table', { name: 'Top projects' }).count()).toBe(0);
    if (SHOTS) await shot(view, 'project-dashboard-member');
    await view.goto(`${h.url}/orgs/${organization.id}/projects/${beta.id}/usage`);
    await view.getByRole('alert').waitFor();
    expect(await view.getByRole('table', { name: 'Requests data' }).count()).toBe(0);
  }, 150_000);

  it('shows empty states for an organization without calls', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin, 'quiet-org');
    await h.project(organization, 'idle');
    const page = await signedInPage(admin);
    await page.goto(`${h.url}/orgs/${organization.id}/usage`);
    await page.getByRole('region', { name: 'Spend over time' }).getByText('No spend in this range').waitFor();
    await page.getByRole('region', { name: 'Requests and errors' }).getByText('No requests in this range').waitFor();
    await page.getByRole('region', { name: 'Top models' }).getByText('No calls in this range.').waitFor();
    expect(await page.getByRole('region', { name: 'Spend summary' }).getByRole('group', { name: 'Wallet balance' }).innerText()).toContain('Not prepaid');
    expect((await dataTable(page, 'Requests data')).at(-1)).toEqual(['Total', '0', '0', '0']);
    expect(await page.getByRole('table', { name: 'Requests data' }).getByRole('row').count()).toBe(7 + 2);
  });
});

/** The usage query's arguments behind a chart, read off its CSV link. */
async function csvArgs(page: Page, link: string) {
  const href = await page.getByLabel(link).getAttribute('href', { timeout: 15_000 });
  const q = new URL(href!, 'http://x').searchParams;
  const list = (name: string) => q.get(name)?.split(',') ?? null;
  return {
    from: q.get('from')!,
    to: q.get('to')!,
    window: q.get('window'),
    timeZone: q.get('timeZone'),
    groupBy: list('groupBy'),
    filter: q.get('projectIds') ? { projectIds: list('projectIds') } : null,
    organizationId: q.get('organizationId'),
  };
}

/** A chart's data table, opened, as rows of cell texts (header row left out). */
async function dataTable(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, includeHidden: true });
  const details = page.locator('details.chart-data').filter({ has: table });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return rowsOf(page, name);
}

async function rowsOf(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await table.waitFor({ timeout: 15_000 });
  const rows = await table.locator('tbody tr, tfoot tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('th, td').allInnerTexts()).map((t) => t.trim())));
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS!, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
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

import { startHarness } from '@tollgate/server/testing';
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
    const client = await h.signedIn(member);
    const [name, value] = client.cookie!.split('=') as [string, string];
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: h.url }]);
    const page = await context.newPage();
    await page.goto(`${h.url}/orgs/${organization.id}`);
    await page.getByRole('table', { name: 'Projects' }).getByText('staging').waitFor();
    expect(await page.getByRole('button', { name: 'Create project' }).count()).toBe(0);
    expect(await page.getByLabel('Project name').count()).toBe(0);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('table', { name: 'Members' }).getByText(admin.email).waitFor();
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /Role of/ }).count()).toBe(0);
  });
});

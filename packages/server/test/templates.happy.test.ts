import { ApiKey, Organization, Project, ProjectTemplate, sha256Hex } from '@tollgate/db';
import { BUILT_IN_TEMPLATES } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';

const h = await startHarness();
const TEMPLATES =
  'query($o: ID!, $pub: Boolean) { projectTemplates(organizationId: $o, isPublic: $pub) { id name category isSystem isPublic usageCount organizationId config { quota { dailyRequestLimit monthlyRequestLimit dailyTokenLimit monthlyTokenLimit requestsPerMinuteLimit dailyBudget enforceQuota customResetDay } access { models groups } apiKeyNames } } }';
const CREATE_TEMPLATE =
  'mutation($o: ID!, $input: CreateProjectTemplateInput!) { createProjectTemplate(organizationId: $o, input: $input) { id name category tags isPublic organizationId usageCount config { quota { dailyRequestLimit dailyBudget customResetDay } access { models groups } apiKeyNames } } }';
const FROM_TEMPLATE =
  'mutation($o: ID!, $t: ID!, $name: String!) { createProjectFromTemplate(organizationId: $o, templateId: $t, input: {name: $name}) { project { id name } apiKeys { secret apiKey { id name owner } } } }';
const STARTER = BUILT_IN_TEMPLATES[0].id;

async function world(grantedModels: string[] = []) {
  const admin = await h.user();
  const organization = await h.organization(admin);
  if (grantedModels.length) await h.orm.em.fork().nativeUpdate(Organization, organization.id, { grantedModels });
  return { organization, client: await h.signedIn(admin) };
}
const template = (id: string) => h.orm.em.fork().findOneOrFail(ProjectTemplate, id);
const projectsOf = (organizationId: string) => h.orm.em.fork().count(Project, { organization: organizationId });

describe('project templates', () => {
  it("offer Starter (the seed's values), Professional, Enterprise and Custom to every organization, in that order", async () => {
    const { organization, client } = await world();
    const { data } = await client.gql(TEMPLATES, { o: organization.id, pub: true });
    const builtIn = data!.projectTemplates.filter((t: { isSystem: boolean }) => t.isSystem);
    expect(builtIn.map((t: { name: string }) => t.name)).toEqual(['Starter', 'Professional', 'Enterprise', 'Custom']);
    expect(builtIn[0]).toMatchObject({
      id: STARTER,
      category: 'Starter',
      isPublic: true,
      organizationId: null,
      config: {
        quota: {
          dailyRequestLimit: 10000,
          monthlyRequestLimit: 100000,
          dailyTokenLimit: 1000000,
          monthlyTokenLimit: 10000000,
          requestsPerMinuteLimit: 100,
          dailyBudget: null,
          enforceQuota: true,
          customResetDay: 1,
        },
        access: null,
        apiKeyNames: [],
      },
    });
  });

  it("keep an organization's own templates private to it, and apply one whole: quota, model access and keys shown once", async () => {
    const { organization, client } = await world(['mock-small', 'mock-large']);
    const created = await client.gql(CREATE_TEMPLATE, {
      o: organization.id,
      input: {
        name: 'Team standard',
        tags: ['company'],
        config: {
          quota: { dailyRequestLimit: 500, dailyBudget: '2.50', customResetDay: 10 },
          access: { models: ['mock-small'], groups: [] },
          apiKeyNames: ['ci', 'batch'],
        },
      },
    });
    expect(outcome(created), JSON.stringify(created.errors)).toBe('OK');
    const ours = created.data!.createProjectTemplate;
    expect(ours).toMatchObject({
      category: 'Custom',
      tags: ['company'],
      isPublic: false,
      organizationId: organization.id,
      usageCount: 0,
      config: {
        quota: { dailyRequestLimit: 500, dailyBudget: '2.50', customResetDay: 10 },
        access: { models: ['mock-small'], groups: [] },
        apiKeyNames: ['ci', 'batch'],
      },
    });

    const other = await world();
    const otherList = await other.client.gql(TEMPLATES, { o: other.organization.id });
    expect(otherList.data!.projectTemplates.map((t: { id: string }) => t.id)).not.toContain(ours.id);
    expect(outcome(await other.client.gql(FROM_TEMPLATE, { o: other.organization.id, t: ours.id, name: 'stolen' }))).toBe('NOT_FOUND');
    expect((await client.gql(TEMPLATES, { o: organization.id, pub: false })).data!.projectTemplates.map((t: { id: string }) => t.id)).toEqual([ours.id]);

    const made = await client.gql(FROM_TEMPLATE, { o: organization.id, t: ours.id, name: 'from-template' });
    expect(outcome(made), JSON.stringify(made.errors)).toBe('OK');
    const { project, apiKeys } = made.data!.createProjectFromTemplate;
    expect(apiKeys.map((k: { apiKey: { name: string; owner: string } }) => [k.apiKey.name, k.apiKey.owner])).toEqual([
      ['ci', 'SERVICE_ACCOUNT'],
      ['batch', 'SERVICE_ACCOUNT'],
    ]);
    for (const { secret, apiKey } of apiKeys) {
      expect(secret).toMatch(/^sk-tg-/);
      expect((await h.orm.em.fork().findOneOrFail(ApiKey, apiKey.id)).keyHash).toBe(sha256Hex(secret));
    }
    const row = await h.orm.em.fork().findOneOrFail(Project, project.id);
    expect(row.quota).toEqual({ dailyRequestLimit: 500, dailyBudget: '2500000', enforceQuota: true, customResetDay: 10 });
    expect(row.allowedModels).toEqual(['mock-small']);
    expect((await template(ours.id)).usageCount).toBe(1);
  });

  it('create nothing when any part fails: a model the organization lacks, a taken name', async () => {
    const { organization, client } = await world(['mock-small']);
    const { data } = await client.gql(CREATE_TEMPLATE, {
      o: organization.id,
      input: { name: 'Big', config: { access: { models: ['mock-large'], groups: [] }, apiKeyNames: ['ci'] } },
    });
    const before = { projects: await projectsOf(organization.id), keys: await h.orm.em.fork().count(ApiKey, { organizationId: organization.id }) };
    const refused = await client.gql(FROM_TEMPLATE, { o: organization.id, t: data!.createProjectTemplate.id, name: 'needs-large' });
    expect(outcome(refused)).toBe('VALIDATION');
    expect(refused.errors![0]!.extensions!.field).toBe('models');

    expect(outcome(await client.gql(FROM_TEMPLATE, { o: organization.id, t: STARTER, name: 'taken' }))).toBe('OK');
    expect(outcome(await client.gql(FROM_TEMPLATE, { o: organization.id, t: STARTER, name: 'taken' }))).toBe('CONFLICT');
    expect(await projectsOf(organization.id)).toBe(before.projects + 1);
    expect(await h.orm.em.fork().count(ApiKey, { organizationId: organization.id })).toBe(before.keys);
    expect((await template(data!.createProjectTemplate.id)).usageCount).toBe(0);
  });

  it('refuse a bad template with its field and store nothing', async () => {
    const { organization, client } = await world();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: ' ', config: {} }, 'name'],
      [{ name: 'x', config: { quota: { customResetDay: 31 } } }, 'config.quota.customResetDay'],
      [{ name: 'x', config: { apiKeyNames: ['ci', 'CI'] } }, 'config.apiKeyNames'],
      [{ name: 'x', category: 'Gold', config: {} }, 'category'],
      [{ name: 'x', icon: 'javascript:alert(1)', config: {} }, 'icon'],
    ];
    for (const [input, field] of cases) {
      const result = await client.gql(CREATE_TEMPLATE, { o: organization.id, input });
      expect(outcome(result), JSON.stringify(input)).toBe('VALIDATION');
      expect(result.errors![0]!.extensions!.field, JSON.stringify(result.errors)).toBe(field);
    }
    expect(await h.orm.em.fork().count(ProjectTemplate, { organization: organization.id })).toBe(0);
  });

  it('count every use under concurrency', async () => {
    const { organization, client } = await world();
    const before = (await template(STARTER)).usageCount;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => client.gql(FROM_TEMPLATE, { o: organization.id, t: STARTER, name: `starter-${i}` })));
    expect(results.map(outcome)).toEqual(Array(8).fill('OK'));
    // Other files create from Starter too, so only this file's uses are certain: at least 8 more.
    expect((await template(STARTER)).usageCount).toBeGreaterThanOrEqual(before + 8);
  });
});

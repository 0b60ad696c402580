import { ApiKey, CatalogModel, CredentialCipher, Organization, Upstream } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness, type Client } from './support/harness';

const h = await startHarness();
const operator = await h.signedIn(await h.user({ isOperator: true }));
const CREATE =
  'mutation($p: ID!, $input: CreateApiKeyInput!) { createApiKey(projectId: $p, input: $input) { secret apiKey { id status owner effectiveModels } } }';
const KEYS = 'query($p: ID!) { apiKeys(projectId: $p) { id name status revocationReason owner createdBy { id } } }';

async function createKey(client: Client, projectId: string, input: Record<string, unknown> = {}) {
  const result = await client.gql(CREATE, { p: projectId, input: { name: 'key', ...input } });
  expect(outcome(result), JSON.stringify(result.errors)).toBe('OK');
  return result.data!.createApiKey.apiKey as { id: string; status: string; owner: string; effectiveModels: string[] };
}
const keyRow = (id: string) => h.orm.em.fork().findOneOrFail(ApiKey, id);

async function orgWithAdmin() {
  const admin = await h.user();
  const organization = await h.organization(admin);
  return { admin, organization, client: await h.signedIn(admin) };
}

describe('key cascades', () => {
  it("revokes a member's keys in a project when they leave it, all their keys when they leave the organization, keeps service-account keys, and disables keys of an archived project", async () => {
    const { organization, client: admin } = await orgWithAdmin();
    const dev = await h.user();
    await h.member(organization, dev);
    const [p1, p2, p3] = [await h.project(organization), await h.project(organization), await h.project(organization)];
    for (const p of [p1, p2]) await h.projectMember(p, dev, 'OWNER');
    const devClient = await h.signedIn(dev);
    const inP1 = await createKey(devClient, p1.id);
    const service = await createKey(devClient, p1.id, { serviceAccount: true });
    const inP2 = await createKey(devClient, p2.id);
    const adminInP1 = await createKey(admin, p1.id);
    expect(service.owner).toBe('SERVICE_ACCOUNT');

    await admin.gql('mutation($p: ID!, $u: ID!) { removeProjectMember(projectId: $p, userId: $u) }', { p: p1.id, u: dev.id });
    expect(await keyRow(inP1.id)).toMatchObject({ revocationReason: 'PROJECT_MEMBER_REMOVED' });
    expect((await keyRow(inP2.id)).revokedAt).toBeNull();
    expect((await keyRow(service.id)).revokedAt).toBeNull();
    expect((await keyRow(adminInP1.id)).revokedAt).toBeNull();

    await admin.gql('mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', { o: organization.id, u: dev.id });
    expect(await keyRow(inP2.id)).toMatchObject({ revocationReason: 'ORGANIZATION_MEMBER_REMOVED' });
    const listed = await admin.gql(KEYS, { p: p1.id });
    expect(listed.data!.apiKeys.find((k: { id: string }) => k.id === service.id)).toMatchObject({ status: 'ACTIVE', owner: 'SERVICE_ACCOUNT' });

    const inP3 = await createKey(admin, p3.id);
    await admin.gql('mutation($id: ID!) { archiveProject(id: $id) { id } }', { id: p3.id });
    const archived = await admin.gql(KEYS, { p: p3.id });
    expect(archived.data!.apiKeys).toEqual([expect.objectContaining({ id: inP3.id, status: 'DISABLED' })]);
    expect(outcome(await admin.gql(CREATE, { p: p3.id, input: { name: 'late' } }))).toBe('CONFLICT');
  });

  it('lets a project member see and manage only their own keys, and nobody mint a service account key without ownership', async () => {
    const { organization, client: admin } = await orgWithAdmin();
    const project = await h.project(organization);
    const [alice, bob] = [await h.user(), await h.user()];
    for (const u of [alice, bob]) {
      await h.member(organization, u);
      await h.projectMember(project, u, 'MEMBER');
    }
    const [aliceClient, bobClient] = [await h.signedIn(alice), await h.signedIn(bob)];
    const aliceKey = await createKey(aliceClient, project.id);
    await createKey(bobClient, project.id);
    const adminKey = await createKey(admin, project.id);
    expect((await aliceClient.gql(KEYS, { p: project.id })).data!.apiKeys.map((k: { id: string }) => k.id)).toEqual([aliceKey.id]);
    expect((await admin.gql(KEYS, { p: project.id })).data!.apiKeys).toHaveLength(3);
    const revokeOther = await bobClient.gql('mutation($p: ID!, $id: ID!) { revokeApiKey(projectId: $p, id: $id) { id } }', { p: project.id, id: aliceKey.id });
    expect(outcome(revokeOther)).toBe('NOT_FOUND');
    const rotateAdmins = await bobClient.gql('mutation($p: ID!, $id: ID!) { rotateApiKey(projectId: $p, id: $id, requestId: "r") { secret } }', {
      p: project.id,
      id: adminKey.id,
    });
    expect(outcome(rotateAdmins)).toBe('NOT_FOUND');
    expect(outcome(await aliceClient.gql(CREATE, { p: project.id, input: { name: 'svc', serviceAccount: true } }))).toBe('FORBIDDEN');
    expect((await keyRow(aliceKey.id)).revokedAt).toBeNull();
  });
});

describe('model access', () => {
  it('narrows organization > project > key, refuses widening, and lets a group granted early pick up models labelled later', async () => {
    const suffix = Date.now().toString(36);
    const upstream = (
      await operator.gql('mutation($n: String!) { createUpstream(input: {name: $n, baseUrl: "https://llm.example/v1/"}) { id baseUrl } }', { n: `u-${suffix}` })
    ).data!.createUpstream;
    expect(upstream.baseUrl).toBe('https://llm.example/v1');
    const model = async (name: string, groups: string[]) =>
      (
        await operator.gql(`mutation($input: ModelInput!) { createModel(input: $input) { id name } }`, {
          input: {
            name,
            upstreamId: upstream.id,
            upstreamModel: name,
            inputPricePerMillion: '0.15',
            outputPricePerMillion: '0.60',
            contextWindow: 128000,
            defaultMaxOutputTokens: 4096,
            groups,
          },
        })
      ).data!.createModel;
    const [a, b, c] = [await model(`a-${suffix}`, ['fast']), await model(`b-${suffix}`, ['smart']), await model(`c-${suffix}`, [])];
    const { organization, client: admin } = await orgWithAdmin();
    const project = await h.project(organization);
    const available = async () =>
      (await admin.gql('query($p: ID!) { availableModels(projectId: $p) { name } }', { p: project.id })).data!.availableModels.map(
        (m: { name: string }) => m.name,
      );
    expect(await available()).toEqual([]);

    await operator.gql('mutation($o: ID!, $a: ModelAccessInput!) { setOrganizationModelAccess(organizationId: $o, access: $a) { id } }', {
      o: organization.id,
      a: { groups: ['fast', 'later'], models: [c.name] },
    });
    expect(await available()).toEqual([a.name, c.name]);

    const narrow = (access: unknown) =>
      admin.gql('mutation($p: ID!, $a: ModelAccessInput) { setProjectModelAccess(projectId: $p, access: $a) { modelAccess { models groups } } }', {
        p: project.id,
        a: access,
      });
    expect((await narrow({ groups: ['smart'] })).errors?.[0]).toMatchObject({
      message: 'The organization does not grant access group "smart"',
      extensions: { code: 'VALIDATION', field: 'groups' },
    });
    expect((await narrow({ models: [b.name] })).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'models' });
    expect((await narrow({ models: [c.name], groups: ['later'] })).data!.setProjectModelAccess.modelAccess).toEqual({ models: [c.name], groups: ['later'] });
    expect(await available()).toEqual([c.name]);

    const widening = await admin.gql(CREATE, { p: project.id, input: { name: 'wide', allowedModels: [a.name] } });
    expect(widening.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'allowedModels' });
    const key = await createKey(admin, project.id);
    expect(key.effectiveModels).toEqual([c.name]);

    // "later" was granted before any model carried it: labelling b with it makes b available to org, project and key.
    await operator.gql('mutation($id: ID!, $input: ModelInput!) { updateModel(id: $id, input: $input) { id } }', {
      id: b.id,
      input: {
        name: b.name,
        upstreamId: upstream.id,
        upstreamModel: b.name,
        inputPricePerMillion: '0.15',
        outputPricePerMillion: '0.60',
        contextWindow: 128000,
        defaultMaxOutputTokens: 4096,
        groups: ['smart', 'later'],
      },
    });
    expect(await available()).toEqual([b.name, c.name].sort());
    const keys = await admin.gql('query($p: ID!) { apiKeys(projectId: $p) { effectiveModels } }', { p: project.id });
    expect(keys.data!.apiKeys[0].effectiveModels).toEqual([b.name, c.name].sort());
    const narrowed = await createKey(admin, project.id, { allowedModels: [c.name] });
    expect(narrowed.effectiveModels).toEqual([c.name]);
    expect((await narrow(null)).data!.setProjectModelAccess.modelAccess).toBeNull();
    expect(await available()).toEqual([a.name, b.name, c.name].sort());
  });

  it('keeps an optional cached-input price, never above the input price, and changes nothing on a bad one', async () => {
    const upstream = (
      await operator.gql('mutation($n: String!) { createUpstream(input: {name: $n, baseUrl: "https://cache.example/v1"}) { id } }', {
        n: `cache-${Date.now()}`,
      })
    ).data!.createUpstream;
    const input = (name: string, cachedInputPricePerMillion?: string | null) => ({
      name,
      upstreamId: upstream.id,
      upstreamModel: name,
      inputPricePerMillion: '2.50',
      cachedInputPricePerMillion,
      outputPricePerMillion: '10.00',
      contextWindow: 128000,
      defaultMaxOutputTokens: 4096,
      groups: [],
    });
    const create = (name: string, cached?: string | null) =>
      operator.gql('mutation($input: ModelInput!) { createModel(input: $input) { id cachedInputPricePerMillion } }', { input: input(name, cached) });
    const name = `cached-${Date.now()}`;
    const model = (await create(name, '1.25')).data!.createModel;
    expect(model.cachedInputPricePerMillion).toBe('1.25');
    expect((await create(`${name}-plain`)).data!.createModel.cachedInputPricePerMillion).toBeNull();
    const tooDear = await create(`${name}-dear`, '2.51');
    expect(tooDear.errors?.[0]).toMatchObject({
      message: 'cachedInputPricePerMillion must not exceed the input price',
      extensions: { code: 'VALIDATION', field: 'cachedInputPricePerMillion' },
    });
    expect(await h.orm.em.fork().count(CatalogModel, { name: `${name}-dear` })).toBe(0);
    const cleared = await operator.gql('mutation($id: ID!, $input: ModelInput!) { updateModel(id: $id, input: $input) { cachedInputPricePerMillion } }', {
      id: model.id,
      input: input(name, null),
    });
    expect(cleared.data!.updateModel.cachedInputPricePerMillion).toBeNull();
  });

  it('stores upstream credentials encrypted and never answers them', async () => {
    const plaintext = `sk-upstream-${Date.now()}`;
    const created = await operator.gql(
      'mutation($n: String!, $c: String) { createUpstream(input: {name: $n, baseUrl: "https://x.example/v1", credential: $c}) { id hasCredential } }',
      { n: `cred-${Date.now()}`, c: plaintext },
    );
    expect(created.data!.createUpstream.hasCredential).toBe(true);
    const row = await h.orm.em.fork().findOneOrFail(Upstream, created.data!.createUpstream.id, { fields: ['credentialCiphertext'] as never });
    expect(row.credentialCiphertext).not.toContain(plaintext);
    expect(new CredentialCipher(h.app.services.config.credentialKey!).decrypt(row.credentialCiphertext!)).toBe(plaintext);
    expect(JSON.stringify(await operator.gql('{ upstreams { id name baseUrl hasCredential } }'))).not.toContain(plaintext);
  });

  it("shows a model's upstream to operators only", async () => {
    const { organization, client: admin } = await orgWithAdmin();
    const project = await h.project(organization);
    const anyModel = await h.orm.em.fork().findOneOrFail(CatalogModel, { enabled: true }, { orderBy: { createdAt: 'asc' } });
    await operator.gql('mutation($o: ID!, $a: ModelAccessInput!) { setOrganizationModelAccess(organizationId: $o, access: $a) { id } }', {
      o: organization.id,
      a: { models: [anyModel.name] },
    });
    const seen = await admin.gql('query($p: ID!) { availableModels(projectId: $p) { name upstreamModel upstream { id } } }', { p: project.id });
    expect(seen.data!.availableModels).toEqual([{ name: anyModel.name, upstreamModel: null, upstream: null }]);
  });
});

describe('caps and verification', () => {
  it('makes exactly one of two concurrent key creations at cap minus one, naming the cap', async () => {
    const { organization, client: admin } = await orgWithAdmin();
    const project = await h.project(organization);
    await operator.gql('mutation($o: ID!) { setOrganizationCaps(organizationId: $o, caps: {apiKeysPerProject: 3}) { id } }', { o: organization.id });
    await createKey(admin, project.id);
    await createKey(admin, project.id);
    const results = await Promise.all([0, 1].map((i) => admin.gql(CREATE, { p: project.id, input: { name: `race ${i}` } })));
    expect(results.map(outcome).sort()).toEqual(['LIMIT_CAP_REACHED', 'OK']);
    expect(results.find((r) => r.errors)!.errors![0]!.message).toBe('Cap reached: at most 3 API keys per project');
    expect(await h.orm.em.fork().count(ApiKey, { project: project.id })).toBe(3);
  });

  it('caps projects by tier under concurrency, and lifts the cap when the operator approves verification', async () => {
    const { organization, client: admin } = await orgWithAdmin();
    for (let i = 0; i < 19; i++) await h.project(organization);
    const create = (name: string) =>
      admin.gql('mutation($o: ID!, $n: String!) { createProject(organizationId: $o, input: {name: $n}) { id } }', { o: organization.id, n: name });
    const raced = await Promise.all([create('race-a'), create('race-b')]);
    expect(raced.map(outcome).sort()).toEqual(['LIMIT_CAP_REACHED', 'OK']);
    expect(raced.find((r) => r.errors)!.errors![0]).toMatchObject({
      message: 'Cap reached: at most 20 projects per organization for verification tier DEFAULT',
      extensions: { field: 'projectsPerOrganization' },
    });

    const details = { companyName: 'Acme GmbH', registrationNumber: 'HRB 12345', contactName: 'Ada', contactEmail: 'Ada@Acme.test', country: 'de' };
    const submit = () =>
      admin.gql(
        'mutation($o: ID!, $input: OrganizationVerificationInput!) { submitOrganizationVerification(organizationId: $o, input: $input) { id status country contactEmail } }',
        { o: organization.id, input: details },
      );
    const first = (await submit()).data!.submitOrganizationVerification;
    expect(first).toMatchObject({ status: 'PENDING', country: 'DE', contactEmail: 'ada@acme.test' });
    expect(outcome(await submit())).toBe('CONFLICT');
    const queue = await operator.gql('{ organizationVerifications(status: PENDING) { id organization { id } } }');
    expect(queue.data!.organizationVerifications.map((v: { id: string }) => v.id)).toContain(first.id);
    const rejected = await operator.gql(
      'mutation($id: ID!) { rejectOrganizationVerification(id: $id, reason: "Number not in the register") { status rejectionReason } }',
      { id: first.id },
    );
    expect(rejected.data!.rejectOrganizationVerification).toEqual({ status: 'REJECTED', rejectionReason: 'Number not in the register' });
    expect(outcome(await operator.gql('mutation($id: ID!) { approveOrganizationVerification(id: $id) { status } }', { id: first.id }))).toBe('CONFLICT');

    const second = (await submit()).data!.submitOrganizationVerification;
    await operator.gql('mutation($id: ID!) { approveOrganizationVerification(id: $id) { status } }', { id: second.id });
    const org = await admin.gql(
      'query($o: ID!) { organization(id: $o) { verificationTier caps { projectsPerOrganization apiKeysPerProject } verification { status } } }',
      { o: organization.id },
    );
    expect(org.data!.organization).toEqual({
      verificationTier: 'ENTERPRISE_VERIFIED',
      caps: { projectsPerOrganization: 50, apiKeysPerProject: 100 },
      verification: { status: 'APPROVED' },
    });
    expect(outcome(await create('after-approval'))).toBe('OK');
    expect((await h.orm.em.fork().findOneOrFail(Organization, organization.id)).verificationTier).toBe('ENTERPRISE_VERIFIED');
  });
});

describe('rotation', () => {
  it('mints one new secret per request id, keeps the old key working through the grace period, and caps grace at 24 h', async () => {
    const { organization, client: admin } = await orgWithAdmin();
    const project = await h.project(organization);
    const old = await createKey(admin, project.id, { allowedModels: null, limits: { rpm: 60, dailyBudget: '5.00' } });
    const rotate = (grace: number, requestId: string) =>
      admin.gql(
        'mutation($p: ID!, $id: ID!, $g: Int!, $r: String!) { rotateApiKey(projectId: $p, id: $id, gracePeriodSeconds: $g, requestId: $r) { secret apiKey { id limits { rpm dailyBudget } rotatedFromId } previous { id status expiresAt } } }',
        { p: project.id, id: old.id, g: grace, r: requestId },
      );
    expect((await rotate(86_401, 'too-long')).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'gracePeriodSeconds' });
    const before = Date.now();
    const [one, two] = await Promise.all([rotate(3600, 'req-1'), rotate(3600, 'req-1')]);
    const answers = [one.data!.rotateApiKey, two.data!.rotateApiKey];
    expect(answers.filter((a) => a.secret !== null)).toHaveLength(1);
    expect(answers[0].apiKey.id).toBe(answers[1].apiKey.id);
    expect(answers[0].apiKey).toMatchObject({ rotatedFromId: old.id, limits: { rpm: 60, dailyBudget: '5.00' } });
    const previous = answers[0].previous;
    expect(previous.status).toBe('ACTIVE');
    const graceEnd = new Date(previous.expiresAt).getTime();
    expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000 + 1000);
    expect(await h.orm.em.fork().count(ApiKey, { project: project.id })).toBe(2);
    expect(outcome(await rotate(60, 'req-2'))).toBe('CONFLICT');
  });
});

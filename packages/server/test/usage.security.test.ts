import { Project } from '@tollgate/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';
import { call, usageWriter, type Caller } from './support/usage-events';
import { ACTORS, buildWorld, type ActorName, type World } from './support/world';

const h = await startHarness();
const usage = usageWriter(h.orm);
let w: World;
let alpha: Caller;
let gamma: Caller;
let foreign: Caller;

const USAGE = `query($organizationId: ID!, $filter: UsageFilter) {
  usage(organizationId: $organizationId, from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z", groupBy: [PROJECT], filter: $filter) {
    rows { projectId requests } totals { requests }
  }
}`;

beforeAll(async () => {
  w = await buildWorld(h);
  const em = h.orm.em.fork();
  const gammaProject = em.create(Project, { organization: w.org.id, name: 'gamma' });
  await em.flush();
  alpha = { organizationId: w.org.id, projectId: w.project.id, apiKeyId: w.keyOf('projectMember'), userId: w.users.projectMember!.id };
  gamma = await usage.caller(w.org.id, gammaProject.id, w.users.orgAdmin!.id);
  foreign = await usage.caller(w.otherOrg.id, w.otherProject.id, w.users.otherOrgUser!.id);
  await usage.write([
    call(alpha, '2026-10-01T10:00:00Z'),
    call(gamma, '2026-10-01T10:00:00Z'),
    call(gamma, '2026-10-01T11:00:00Z'),
    call(foreign, '2026-10-01T10:00:00Z'),
  ]);
});

const ask = async (actor: ActorName, filter?: Record<string, unknown>) => {
  const result = await w.clients[actor].gql(USAGE, { organizationId: w.org.id, filter });
  return {
    code: outcome(result),
    field: result.errors?.[0]?.extensions?.field,
    rows: (result.data?.usage?.rows ?? null) as Array<{ projectId: string; requests: number }> | null,
    total: result.data?.usage?.totals?.requests,
  };
};

describe('who reads which rows', () => {
  const whole = () =>
    [
      [alpha.projectId, 1],
      [gamma.projectId, 2],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  const expected: Record<ActorName, () => { code: string; rows?: unknown }> = {
    orgAdmin: () => ({ code: 'OK', rows: whole() }),
    finance: () => ({ code: 'OK', rows: whole() }),
    readOnlyToken: () => ({ code: 'OK', rows: whole() }), // the admin's read-only BI token: what the admin sees
    projectOwner: () => ({ code: 'OK', rows: [[alpha.projectId, 1]] }),
    projectMember: () => ({ code: 'OK', rows: [[alpha.projectId, 1]] }),
    orgMember: () => ({ code: 'FORBIDDEN' }),
    projectManager: () => ({ code: 'FORBIDDEN' }),
    memberManager: () => ({ code: 'FORBIDDEN' }),
    configurator: () => ({ code: 'FORBIDDEN' }),
    otherOrgUser: () => ({ code: 'NOT_FOUND' }),
    operator: () => ({ code: 'NOT_FOUND' }),
    anonymous: () => ({ code: 'UNAUTHENTICATED' }),
  };
  it.each(ACTORS)('%s', async (actor) => {
    const got = await ask(actor);
    const want = expected[actor]();
    expect(got.code).toBe(want.code);
    if (want.rows) {
      expect(got.rows!.map((r) => [r.projectId, r.requests])).toEqual(want.rows);
      expect(got.total).toBe((want.rows as Array<[string, number]>).reduce((n, r) => n + r[1], 0));
    }
  });
});

describe('a filter never widens what the caller sees', () => {
  it('a project MEMBER asking for a project they are not in gets NOT_FOUND, as for a missing one', async () => {
    expect(await ask('projectMember', { projectIds: [gamma.projectId] })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.projectIds', rows: null });
    expect(await ask('projectMember', { projectIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'filter.projectIds',
    });
    expect(await ask('projectMember', { apiKeyIds: [gamma.apiKeyId] })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.apiKeyIds' });
    expect((await ask('projectMember', { projectIds: [alpha.projectId] })).rows).toEqual([{ projectId: alpha.projectId, requests: 1 }]);
  });

  it("another organization's project, key or user is NOT_FOUND even for an admin", async () => {
    expect(await ask('orgAdmin', { projectIds: [foreign.projectId] })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.projectIds' });
    expect(await ask('orgAdmin', { apiKeyIds: [foreign.apiKeyId] })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.apiKeyIds' });
    expect(await ask('orgAdmin', { userIds: [foreign.userId] })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.userIds' });
  });

  it("a user filter narrows to that member's calls, within the caller's projects", async () => {
    expect((await ask('projectMember', { userIds: [w.users.orgAdmin!.id] })).rows).toEqual([]);
    expect((await ask('orgAdmin', { userIds: [w.users.orgAdmin!.id] })).rows).toEqual([{ projectId: gamma.projectId, requests: 2 }]);
  });
});

import { ApiKey, OrganizationMember, Project, ProjectMember, randomBase62, sha256Hex, User } from '@tollgate/db';
import { API_KEY_RANDOM_LENGTH, apiKeyDisplay, formatApiKey, ORG_ACTIONS, OrgRole, PROJECT_ACTIONS, ProjectRole } from '@tollgate/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrgPermission } from '../src/modules/organization/organization.types';
import { ProjectPermission } from '../src/modules/project/project.types';
import { startHarness, type Client } from './support/harness';
import { buildWorld, type ActorName, type World } from './support/world';

const h = await startHarness();
let w: World;
beforeAll(async () => {
  w = await buildWorld(h);
});

const ALL_ORG = ['ALERTS_MANAGE', 'AUDIT_VIEW', 'CONFIGURE', 'FINANCE', 'MEMBERS_MANAGE', 'PROJECTS_MANAGE', 'USAGE_VIEW', 'VIEW'];
const ALL_PROJECT = ['AUDIT_VIEW', 'CONFIGURE', 'KEYS_CREATE', 'KEYS_MANAGE_ALL', 'MEMBERS_MANAGE', 'VIEW'];
const sorted = (values: string[]) => [...values].sort();

/** What each actor is told they may do, per organization and per project: the matrix of SPEC section 1, as enum values. */
const EXPECTED: Partial<Record<ActorName, { org: string[]; project: string[]; invitable: string[] }>> = {
  orgAdmin: { org: ALL_ORG, project: ALL_PROJECT, invitable: ['ADMIN', 'MEMBER'] },
  orgMember: { org: ['VIEW'], project: [], invitable: [] },
  projectManager: { org: ['PROJECTS_MANAGE', 'VIEW'], project: [], invitable: [] },
  memberManager: { org: ['MEMBERS_MANAGE', 'VIEW'], project: [], invitable: ['MEMBER'] },
  finance: { org: ['ALERTS_MANAGE', 'FINANCE', 'USAGE_VIEW', 'VIEW'], project: [], invitable: [] },
  configurator: { org: ['CONFIGURE', 'VIEW'], project: [], invitable: [] },
  projectOwner: { org: ['VIEW'], project: ['AUDIT_VIEW', 'CONFIGURE', 'KEYS_CREATE', 'KEYS_MANAGE_ALL', 'MEMBERS_MANAGE', 'VIEW'], invitable: [] },
  projectMember: { org: ['VIEW'], project: ['KEYS_CREATE', 'VIEW'], invitable: [] },
  // The token reads as the admin it belongs to; the matrix, not the field, keeps it from writing.
  readOnlyToken: { org: ALL_ORG, project: ALL_PROJECT, invitable: ['ADMIN', 'MEMBER'] },
};

const VIEWER = `query($o: ID!) {
  organization(id: $o) { viewerPermissions viewerInvitableRoles viewerCanRequestVerification }
  projects(organizationId: $o) { id viewerPermissions }
}`;

describe('permission enums', () => {
  it('name every action of the matrix once, and only those', () => {
    expect(sorted(Object.values(OrgPermission))).toEqual(sorted([...ORG_ACTIONS]));
    expect(sorted(Object.values(ProjectPermission))).toEqual(sorted([...PROJECT_ACTIONS]));
    expect(sorted(Object.keys(OrgPermission))).toEqual(ALL_ORG);
    expect(sorted(Object.keys(ProjectPermission))).toEqual(ALL_PROJECT);
    expect(OrgPermission.MEMBERS_MANAGE).toBe('organization.members.manage');
    expect(ProjectPermission.KEYS_MANAGE_ALL).toBe('project.keys.manageAll');
  });
});

describe('Organization and Project viewer permissions', () => {
  it.each(Object.keys(EXPECTED) as ActorName[])('tell %s what the matrix gives them', async (actor) => {
    const result = await w.clients[actor].gql(VIEWER, { o: w.org.id });
    expect(result.errors).toBeUndefined();
    const expected = EXPECTED[actor]!;
    expect(sorted(result.data!.organization.viewerPermissions)).toEqual(expected.org);
    expect(result.data!.organization.viewerInvitableRoles).toEqual(expected.invitable);
    const alpha = result.data!.projects.find((p: { id: string }) => p.id === w.project.id);
    expect(sorted(alpha.viewerPermissions)).toEqual(expected.project);
  });

  it('agree with the deprecated string lists they replace', async () => {
    for (const actor of Object.keys(EXPECTED) as ActorName[]) {
      const result = await w.clients[actor].gql(
        'query($o: ID!) { organization(id: $o) { viewerPermissions viewer { permissions } } projects(organizationId: $o) { viewerPermissions viewer { permissions } } }',
        { o: w.org.id },
      );
      const { organization, projects } = result.data!;
      expect(sorted(organization.viewerPermissions.map((p: string) => OrgPermission[p]))).toEqual(sorted(organization.viewer.permissions));
      for (const project of projects)
        expect(sorted(project.viewerPermissions.map((p: string) => ProjectPermission[p]))).toEqual(sorted(project.viewer.permissions));
    }
  });

  it('are empty for an operator looking at an organization from outside', async () => {
    const result = await w.clients.operator.gql('{ allOrganizations { id viewerPermissions viewerInvitableRoles viewerCanRequestVerification } }');
    const acme = result.data!.allOrganizations.find((o: { id: string }) => o.id === w.org.id);
    expect(acme).toEqual({ id: w.org.id, viewerPermissions: [], viewerInvitableRoles: [], viewerCanRequestVerification: false });
  });

  it('offer a verification request to those who configure, unless one is pending', async () => {
    const ask = async (client: Client, o: string) => (await client.gql(VIEWER, { o })).data!.organization.viewerCanRequestVerification;
    expect(await ask(w.clients.orgAdmin, w.org.id)).toBe(true);
    expect(await ask(w.clients.configurator, w.org.id)).toBe(true);
    expect(await ask(w.clients.orgMember, w.org.id)).toBe(false);
    expect(await ask(w.clients.projectOwner, w.org.id)).toBe(false);
    // The other organization has a pending request.
    expect(await ask(w.clients.otherOrgUser, w.otherOrg.id)).toBe(false);
  });
});

const MEMBERS = `query($o: ID!) { members(organizationId: $o, size: 100) { data { userId role viewerAssignableRoles viewerCanRemove } } }`;

describe('OrganizationMember viewer fields', () => {
  const rowsFor = async (actor: ActorName) => {
    const result = await w.clients[actor].gql(MEMBERS, { o: w.org.id });
    expect(result.errors).toBeUndefined();
    return new Map(result.data!.members.data.map((m: { userId: string }) => [m.userId, m])) as Map<
      string,
      { viewerAssignableRoles: string[]; viewerCanRemove: boolean }
    >;
  };

  it('let an admin change and remove others, never themselves', async () => {
    const rows = await rowsFor('orgAdmin');
    expect(rows.get(w.users.target!.id)).toMatchObject({ viewerAssignableRoles: ['ADMIN'], viewerCanRemove: true });
    expect(rows.get(w.users.orgAdmin!.id)).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: false });
  });

  it('let MEMBER_MANAGEMENT remove members but hand out no admin power and touch no admin', async () => {
    const rows = await rowsFor('memberManager');
    expect(rows.get(w.users.target!.id)).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: true });
    expect(rows.get(w.users.orgAdmin!.id)).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: false });
    expect(rows.get(w.users.memberManager!.id)).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: false });
  });

  it('give everyone else nothing to do', async () => {
    for (const actor of ['orgMember', 'finance', 'configurator', 'projectOwner'] as const) {
      for (const row of (await rowsFor(actor)).values()) expect(row).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: false });
    }
  });

  it('never offer what would leave the organization without an admin', async () => {
    const first = await h.user();
    const second = await h.user();
    const organization = await h.organization(first);
    await h.member(organization, second, OrgRole.ADMIN);
    const client = await h.signedIn(first);
    const rows = (await client.gql(MEMBERS, { o: organization.id })).data!.members.data;
    expect(rows.find((m: { userId: string }) => m.userId === second.id)).toMatchObject({ viewerAssignableRoles: ['MEMBER'], viewerCanRemove: true });
    // Once the second admin is suspended, the first is the last active one: demoting or removing the other counts as leaving none.
    await h.orm.em.fork().nativeUpdate(OrganizationMember, { organization: organization.id, user: second.id }, { status: 'SUSPENDED' });
    const after = (await client.gql(MEMBERS, { o: organization.id })).data!.members.data;
    expect(after.find((m: { userId: string }) => m.userId === second.id)).toMatchObject({ viewerAssignableRoles: [], viewerCanRemove: false });
  });
});

const KEYS = `query($p: ID!) { apiKeys(projectId: $p) { id status createdBy { id } viewerCanManage viewerCanRevoke viewerCanRotate } }`;
const ROTATE = `mutation($p: ID!, $id: ID!) { rotateApiKey(projectId: $p, id: $id, gracePeriodSeconds: 600, requestId: "r1") { apiKey { id viewerCanRotate } previous { id viewerCanManage viewerCanRevoke viewerCanRotate } } }`;
const REVOKE = `mutation($p: ID!, $id: ID!) { revokeApiKey(projectId: $p, id: $id) { id viewerCanManage viewerCanRevoke viewerCanRotate } }`;

describe('ApiKey viewer fields', () => {
  it('let owners and admins manage every key and a project member their own', async () => {
    for (const actor of ['orgAdmin', 'projectOwner'] as const) {
      const keys = (await w.clients[actor].gql(KEYS, { p: w.project.id })).data!.apiKeys;
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const key of keys) expect(key).toMatchObject({ viewerCanManage: true, viewerCanRevoke: true, viewerCanRotate: true });
    }
    const own = (await w.clients.projectMember.gql(KEYS, { p: w.project.id })).data!.apiKeys;
    expect(own.map((k: { createdBy: { id: string } }) => k.createdBy.id)).toEqual([w.users.projectMember!.id]);
    expect(own[0]).toMatchObject({ viewerCanManage: true, viewerCanRevoke: true, viewerCanRotate: true });
  });

  it('stop offering rotation of a rotated key and revocation of a revoked one', async () => {
    const world = await buildWorld(h);
    const client = world.clients.projectMember;
    const key = world.keyOf('projectMember');
    const rotated = await client.gql(ROTATE, { p: world.project.id, id: key });
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data!.rotateApiKey.previous).toEqual({ id: key, viewerCanManage: true, viewerCanRevoke: true, viewerCanRotate: false });
    expect(rotated.data!.rotateApiKey.apiKey.viewerCanRotate).toBe(true);
    const revoked = await client.gql(REVOKE, { p: world.project.id, id: key });
    expect(revoked.data!.revokeApiKey).toEqual({ id: key, viewerCanManage: true, viewerCanRevoke: false, viewerCanRotate: false });
  });

  it("let a service-account key be managed by owners, and keep an archived project's keys revocable but not rotatable", async () => {
    const world = await buildWorld(h);
    const created = await world.clients.projectOwner.gql(
      'mutation($p: ID!) { createApiKey(projectId: $p, input: {name: "svc", serviceAccount: true}) { apiKey { id viewerCanManage viewerCanRotate } } }',
      { p: world.project.id },
    );
    expect(created.data!.createApiKey.apiKey).toMatchObject({ viewerCanManage: true, viewerCanRotate: true });
    expect((await world.clients.orgAdmin.gql('mutation($id: ID!) { archiveProject(id: $id) { id } }', { id: world.project.id })).errors).toBeUndefined();
    const archived = (await world.clients.orgAdmin.gql(KEYS, { p: world.project.id })).data!.apiKeys;
    expect(archived.length).toBeGreaterThanOrEqual(4);
    for (const k of archived) expect(k).toMatchObject({ status: 'DISABLED', viewerCanManage: true, viewerCanRevoke: true, viewerCanRotate: false });
  });
});

/** The SQL statements one request ran. */
async function statements(client: Client, query: string, variables: Record<string, unknown>) {
  const before = h.queries.length;
  const result = await client.gql(query, variables);
  expect(result.errors).toBeUndefined();
  return { result, count: h.requestStatements(before).length };
}

describe('no N+1 for the viewer fields', () => {
  /** An organization with `count` projects the member belongs to, `count` admins and `count` keys in one project. */
  async function organizationOf(count: number) {
    const admin = await h.user();
    const member = await h.user();
    const organization = await h.organization(admin);
    await h.member(organization, member);
    const em = h.orm.em.fork();
    const projects = Array.from({ length: count }, (_, i) => em.create(Project, { organization: organization.id, name: `p-${i}` }));
    for (const project of projects) em.create(ProjectMember, { project, user: member.id, role: ProjectRole.MEMBER });
    for (let i = 0; i < count; i++) {
      const user = em.create(User, { email: `a${i}-${organization.name}@example.test`, name: `A ${i}`, passwordHash: 'x' });
      em.create(OrganizationMember, { organization: organization.id, user, role: OrgRole.ADMIN });
      const secret = formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));
      em.create(ApiKey, {
        project: projects[0]!,
        organizationId: organization.id,
        createdBy: i % 2 ? member.id : admin.id,
        name: `k-${i}`,
        keyHash: sha256Hex(secret),
        ...apiKeyDisplay(secret),
      });
    }
    await em.flush();
    return { organization, project: projects[0]!, admin: await h.signedIn(admin), member: await h.signedIn(member) };
  }

  const PROJECTS = `query($o: ID!) { organization(id: $o) { viewerPermissions viewerInvitableRoles viewerCanRequestVerification } projects(organizationId: $o) { id viewerPermissions } }`;
  const PAGE = `query($o: ID!) { members(organizationId: $o, size: 100) { data { id viewerAssignableRoles viewerCanRemove } } }`;
  const ROWS = `query($p: ID!) { apiKeys(projectId: $p) { id status viewerCanManage viewerCanRevoke viewerCanRotate } }`;

  it('answer 40 projects, members and keys in as many queries as 2', async () => {
    const small = await organizationOf(2);
    const large = await organizationOf(40);
    for (const [query, as, variables] of [
      [PROJECTS, 'member', (o: typeof small) => ({ o: o.organization.id })],
      [PAGE, 'admin', (o: typeof small) => ({ o: o.organization.id })],
      [ROWS, 'admin', (o: typeof small) => ({ p: o.project.id })],
      [ROWS, 'member', (o: typeof small) => ({ p: o.project.id })],
    ] as const) {
      const few = await statements(small[as], query, variables(small));
      const many = await statements(large[as], query, variables(large));
      expect(many.count, query).toBe(few.count);
      expect(many.count, query).toBeLessThanOrEqual(8);
    }
  });
});

import { AuditEvent, OrganizationMember, Project, User } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';
import { buildWorld } from './support/world';

const h = await startHarness({ LOGIN_MAX_FAILURES: '3' });

/** Rows that a refused call must leave untouched. */
async function counts() {
  const em = h.orm.em.fork();
  return { users: await em.count(User), projects: await em.count(Project), members: await em.count(OrganizationMember), audit: await em.count(AuditEvent) };
}

const SIGN_UP = 'mutation($email: String!, $name: String!, $password: String!) { signUp(input: {email: $email, name: $name, password: $password}) { id } }';

describe('bad input answers a stable code and changes nothing', () => {
  it.each([
    ['duplicate email in another case', { email: 'DUP@Example.test', name: 'Dup', password: 'Sturdy-Pass-1' }, 'CONFLICT', 'email'],
    ['weak password', { email: 'weak@example.test', name: 'Weak', password: 'password' }, 'VALIDATION', 'password'],
    ['empty name', { email: 'empty@example.test', name: '   ', password: 'Sturdy-Pass-1' }, 'VALIDATION', 'name'],
    ['over-long name', { email: 'long@example.test', name: 'x'.repeat(101), password: 'Sturdy-Pass-1' }, 'VALIDATION', 'name'],
    ['malformed email', { email: 'not-an-email', name: 'X', password: 'Sturdy-Pass-1' }, 'VALIDATION', 'email'],
  ])('sign-up with %s', async (_case, variables, code, field) => {
    await h.anonymous().gql(SIGN_UP, { email: 'dup@example.test', name: 'Dup', password: 'Sturdy-Pass-1' });
    const before = await counts();
    const result = await h.anonymous().gql(SIGN_UP, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await counts()).toEqual(before);
  });

  it('refuses a project name already taken in the organization, but not in another one', async () => {
    const w = await buildWorld(h);
    const create = 'mutation($o: ID!, $n: String!) { createProject(organizationId: $o, input: {name: $n}) { id } }';
    const before = await counts();
    const taken = await w.clients.orgAdmin.gql(create, { o: w.org.id, n: 'alpha' });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await counts()).toEqual(before);
    expect(outcome(await w.clients.otherOrgUser.gql(create, { o: w.otherOrg.id, n: 'alpha' }))).toBe('OK');
  });

  it.each([
    ['an empty organization name', { name: '', displayName: 'X' }, 'name'],
    ['an over-long display name', { name: 'fine-name', displayName: 'x'.repeat(101) }, 'displayName'],
    ['an organization name with spaces', { name: 'Acme Corp', displayName: 'Acme' }, 'name'],
  ])('refuses %s', async (_case, input, field) => {
    const w = await buildWorld(h);
    const before = await counts();
    const result = await w.clients.orgAdmin.gql('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field });
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed money amount', async () => {
    const w = await buildWorld(h);
    const result = await w.clients.orgAdmin.gql('mutation($id: ID!) { updateProject(id: $id, input: {expectedMonthlySpend: "12.3456789"}) { id } }', {
      id: w.project.id,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });
});

describe('the last admin', () => {
  it('cannot be demoted or removed; with a second admin the first can leave', async () => {
    const w = await buildWorld(h);
    const admin = w.clients.orgAdmin;
    const other = w.users.target!;
    // A second admin demoting the only other admin would leave one: allowed. The last one: refused.
    await admin.gql('mutation($o: ID!, $u: ID!) { updateMemberRole(organizationId: $o, userId: $u, role: ADMIN) { id } }', { o: w.org.id, u: other.id });
    const secondAdmin = await h.signedIn(other);
    expect(
      outcome(await secondAdmin.gql('mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', { o: w.org.id, u: w.users.orgAdmin!.id })),
    ).toBe('OK');
    const before = await counts();
    const demote = await secondAdmin.gql('mutation($o: ID!, $u: ID!) { updateMemberRole(organizationId: $o, userId: $u, role: MEMBER) { id } }', {
      o: w.org.id,
      u: other.id,
    });
    expect(outcome(demote)).toBe('FORBIDDEN'); // nobody changes their own role
    const leave = await secondAdmin.gql('mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', { o: w.org.id, u: other.id });
    expect(outcome(leave)).toBe('LAST_ADMIN');
    expect(await counts()).toEqual(before);
  });

  it('holds when two admins demote each other at the same time', async () => {
    const w = await buildWorld(h);
    await w.clients.orgAdmin.gql('mutation($o: ID!, $u: ID!) { updateMemberRole(organizationId: $o, userId: $u, role: ADMIN) { id } }', {
      o: w.org.id,
      u: w.users.target!.id,
    });
    const a = w.clients.orgAdmin;
    const b = await h.signedIn(w.users.target!);
    const demote = 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }';
    const results = await Promise.all([a.gql(demote, { o: w.org.id, u: w.users.target!.id }), b.gql(demote, { o: w.org.id, u: w.users.orgAdmin!.id })]);
    expect(results.map(outcome).sort()).toEqual(['LAST_ADMIN', 'OK']);
    expect(await h.orm.em.fork().count(OrganizationMember, { organization: w.org.id, role: 'ADMIN' })).toBe(1);
  });

  it('a MEMBER_MANAGEMENT holder cannot promote anyone to ADMIN', async () => {
    const w = await buildWorld(h);
    const result = await w.clients.memberManager.gql('mutation($o: ID!, $u: ID!) { updateMemberRole(organizationId: $o, userId: $u, role: ADMIN) { id } }', {
      o: w.org.id,
      u: w.users.target!.id,
    });
    expect(outcome(result)).toBe('FORBIDDEN');
  });
});

describe('membership cascades', () => {
  it('removing a member from the organization removes them from all its projects', async () => {
    const w = await buildWorld(h);
    await w.clients.orgAdmin.gql('mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }', { o: w.org.id, u: w.users.projectMember!.id });
    const project = await w.clients.orgAdmin.gql('query($id: ID!) { project(id: $id) { members { userId } } }', { id: w.project.id });
    expect(project.data?.project.members.map((m: { userId: string }) => m.userId)).not.toContain(w.users.projectMember!.id);
    expect(outcome(await w.clients.projectMember.gql('query($id: ID!) { project(id: $id) { id } }', { id: w.project.id }))).toBe('NOT_FOUND');
  });

  it('only adds organization members to a project', async () => {
    const w = await buildWorld(h);
    const result = await w.clients.orgAdmin.gql('mutation($p: ID!, $u: ID!) { addProjectMember(projectId: $p, userId: $u, role: MEMBER) { id } }', {
      p: w.project.id,
      u: w.users.otherOrgUser!.id,
    });
    expect(outcome(result)).toBe('NOT_FOUND');
  });
});

describe('sign-in throttling', () => {
  it('refuses sign-in after repeated failures, even with the right password', async () => {
    const user = await h.user();
    const signIn = (password: string) =>
      h.anonymous().gql('mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { id } }', { e: user.email, p: password });
    for (let i = 0; i < 3; i++) expect(outcome(await signIn('Wrong-Pass-123'))).toBe('UNAUTHENTICATED');
    const blocked = await signIn('Correct-Horse-42');
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers the same for an unknown email as for a wrong password', async () => {
    const unknown = await h.anonymous().gql('mutation { signIn(input: {email: "nobody@example.test", password: "Whatever-123"}) { id } }');
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startHarness } from './support/harness';
import { buildWorld } from './support/world';

const h = await startHarness();

/** Another organization's object must answer exactly as an id that does not exist. */
describe('another organization looks like nothing', () => {
  const cases: Array<[string, string, (w: Awaited<ReturnType<typeof buildWorld>>, id: string) => Record<string, unknown>, 'org' | 'project']> = [
    ['organization', 'query($id: ID!) { organization(id: $id) { id } }', (_w, id) => ({ id }), 'org'],
    ['members', 'query($id: ID!) { members(organizationId: $id) { total } }', (_w, id) => ({ id }), 'org'],
    ['projects', 'query($id: ID!) { projects(organizationId: $id) { id } }', (_w, id) => ({ id }), 'org'],
    ['updateOrganization', 'mutation($id: ID!) { updateOrganization(id: $id, input: {displayName: "x"}) { id } }', (_w, id) => ({ id }), 'org'],
    ['createProject', 'mutation($id: ID!) { createProject(organizationId: $id, input: {name: "x1"}) { id } }', (_w, id) => ({ id }), 'org'],
    ['removeMember', 'mutation($id: ID!, $u: ID!) { removeMember(organizationId: $id, userId: $u) }', (w, id) => ({ id, u: w.users.orgMember!.id }), 'org'],
    ['project', 'query($id: ID!) { project(id: $id) { id } }', (_w, id) => ({ id }), 'project'],
    ['updateProject', 'mutation($id: ID!) { updateProject(id: $id, input: {description: "x"}) { id } }', (_w, id) => ({ id }), 'project'],
    ['deleteProject', 'mutation($id: ID!) { deleteProject(id: $id) }', (_w, id) => ({ id }), 'project'],
    [
      'addProjectMember',
      'mutation($id: ID!, $u: ID!) { addProjectMember(projectId: $id, userId: $u, role: MEMBER) { id } }',
      (w, id) => ({ id, u: w.users.orgMember!.id }),
      'project',
    ],
  ];

  it.each(cases)('%s: same code and message for a foreign id and a missing one', async (_name, document, variables, kind) => {
    const w = await buildWorld(h);
    const foreignId = kind === 'org' ? w.otherOrg.id : w.otherProject.id;
    const client = w.clients.orgAdmin;
    const foreign = await client.gql(document, variables(w, foreignId));
    const missing = await client.gql(document, variables(w, randomUUID()));
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect({ message: foreign.errors?.[0]?.message, code: foreign.errors?.[0]?.extensions?.code, data: foreign.data }).toEqual({
      message: missing.errors?.[0]?.message,
      code: missing.errors?.[0]?.extensions?.code,
      data: missing.data,
    });
  });

  it('hides project details from org members outside the project but shows name and status', async () => {
    const w = await buildWorld(h);
    const result = await w.clients.orgMember.gql(
      'query($o: ID!) { projects(organizationId: $o) { name status description members { id } viewer { permissions } } }',
      { o: w.org.id },
    );
    expect(result.data?.projects).toEqual([{ name: 'alpha', status: 'ACTIVE', description: null, members: null, viewer: { permissions: [] } }]);
    const owner = await w.clients.projectOwner.gql('query($o: ID!) { projects(organizationId: $o) { description members { id } viewer { permissions } } }', {
      o: w.org.id,
    });
    expect(owner.data?.projects[0].members).toHaveLength(3);
    expect(owner.data?.projects[0].viewer.permissions).toContain('project.members.manage');
  });

  it('rejects malformed ids with VALIDATION naming the argument, before any lookup', async () => {
    const w = await buildWorld(h);
    const result = await w.clients.orgAdmin.gql('{ organization(id: "not-a-uuid") { id } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'id' });
  });
});

import { Project, ProjectMember, User } from '@tollgate/db';
import { ProjectRole } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { startHarness } from './support/harness';

const h = await startHarness();

const LIST = `query($o: ID!) { projects(organizationId: $o) { id name description viewer { role } members { role user { id email name } } } }`;

async function orgWithProjects(count: number) {
  const admin = await h.user();
  const organization = await h.organization(admin);
  const em = h.orm.em.fork();
  for (let i = 0; i < count; i++) {
    const project = em.create(Project, { organization: organization.id, name: `p-${i}` });
    for (let m = 0; m < 3; m++) {
      const user = em.create(User, { email: `m${m}-${i}-${organization.name}@example.test`, name: `M ${m}`, passwordHash: 'x' });
      em.create(ProjectMember, { project, user, role: m === 0 ? ProjectRole.OWNER : ProjectRole.MEMBER });
    }
  }
  await em.flush();
  return { client: await h.signedIn(admin), organization };
}

async function countQueries(count: number) {
  const { client, organization } = await orgWithProjects(count);
  const before = h.queries.length;
  const result = await client.gql(LIST, { o: organization.id });
  expect(result.errors).toBeUndefined();
  expect(result.data?.projects).toHaveLength(count);
  expect(result.data?.projects.every((p: { members: unknown[] }) => p.members.length === 3)).toBe(true);
  return h.requestStatements(before);
}

describe('no N+1', () => {
  it('lists 100 projects with members and their users in as many queries as 2 projects', async () => {
    const small = await countQueries(2);
    const large = await countQueries(100);
    expect(large.length).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(8);
  });
});

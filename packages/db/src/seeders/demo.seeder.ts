import type { EntityManager } from '@mikro-orm/postgresql';
import { OrgRole, ProjectEnvironment, ProjectRole } from '@tollgate/domain';
import { Organization, OrganizationMember, Project, ProjectMember, User } from '../entities';
import { hashPassword, randomBase62 } from '../security';
import { seedApiKey } from './catalog.seeder';

export interface DemoUser {
  role: 'operator' | 'orgAdmin' | 'orgMember' | 'projectOwner' | 'projectMember';
  email: string;
  password: string;
}
export interface DemoCredentials {
  organizationId: string;
  users: DemoUser[];
  /** A proxy key of the developer in project "production" (demo only: kept under TOLLGATE_HOME). */
  apiKey?: string;
}

const DEMO_USERS: Array<Omit<DemoUser, 'password'> & { name: string }> = [
  { role: 'operator', email: 'operator@tollgate.local', name: 'Platform Operator' },
  { role: 'orgAdmin', email: 'admin@acme.test', name: 'Ada Admin' },
  { role: 'orgMember', email: 'member@acme.test', name: 'Max Member' },
  { role: 'projectOwner', email: 'owner@acme.test', name: 'Olivia Owner' },
  { role: 'projectMember', email: 'developer@acme.test', name: 'Dev Developer' },
];

/**
 * Seeds the demo once: an operator, organization "acme" with projects
 * "production" and "staging", and one user per role. Passwords are random per
 * install; the caller keeps them (under TOLLGATE_HOME). Returns null when the demo exists.
 */
export async function seedDemo(em: EntityManager): Promise<DemoCredentials | null> {
  if (await em.count(Organization, { name: 'acme' })) return null;
  const users = await Promise.all(
    DEMO_USERS.map(async (spec) => {
      const password = `Demo-${randomBase62(12)}`;
      const user = em.create(User, { email: spec.email, name: spec.name, passwordHash: await hashPassword(password), isOperator: spec.role === 'operator' });
      return { spec, user, password };
    }),
  );
  const byRole = (role: DemoUser['role']) => users.find((u) => u.spec.role === role)!.user;
  const acme = em.create(Organization, { name: 'acme', displayName: 'Acme' });
  for (const role of ['orgAdmin', 'orgMember', 'projectOwner', 'projectMember'] as const) {
    em.create(OrganizationMember, { organization: acme, user: byRole(role), role: role === 'orgAdmin' ? OrgRole.ADMIN : OrgRole.MEMBER });
  }
  for (const [name, environment] of [
    ['production', ProjectEnvironment.PRODUCTION],
    ['staging', ProjectEnvironment.STAGING],
  ] as const) {
    const project = em.create(Project, { organization: acme, name, environment, description: `Acme ${name}` });
    em.create(ProjectMember, { project, user: byRole('projectOwner'), role: ProjectRole.OWNER });
    em.create(ProjectMember, { project, user: byRole('projectMember'), role: ProjectRole.MEMBER });
  }
  // The mock catalog's general and embeddings models, and a key to call them with.
  acme.grantedGroups = ['general', 'embeddings'];
  await em.flush();
  const production = await em.findOneOrFail(Project, { organization: acme, name: 'production' });
  const { secret } = await seedApiKey(em, { organizationId: acme.id, projectId: production.id, userId: byRole('projectMember').id, name: 'demo' });
  return { organizationId: acme.id, users: users.map(({ spec, password }) => ({ role: spec.role, email: spec.email, password })), apiKey: secret };
}

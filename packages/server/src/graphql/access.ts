import { OrganizationMember, Project, ProjectMember, type EntityManager } from '@tollgate/db';
import { MemberStatus, type Actor } from '@tollgate/domain';
import DataLoader from 'dataloader';
import type { Auth } from '../auth/auth';

/**
 * The caller's memberships, loaded once per request and batched, so checking
 * permissions on a list of N objects costs a constant number of queries.
 */
export class Access {
  private readonly orgMemberships: DataLoader<string, OrganizationMember | null>;
  private readonly projectMemberships: DataLoader<string, ProjectMember | null>;

  constructor(
    private readonly em: EntityManager,
    readonly auth: Auth | null,
  ) {
    this.orgMemberships = new DataLoader(async (orgIds) => {
      const rows = auth ? await em.find(OrganizationMember, { user: auth.userId, organization: { $in: [...orgIds] }, status: MemberStatus.ACTIVE }) : [];
      return orgIds.map((id) => rows.find((m) => m.organization.id === id) ?? null);
    });
    this.projectMemberships = new DataLoader(async (projectIds) => {
      const rows = auth ? await em.find(ProjectMember, { user: auth.userId, project: { $in: [...projectIds] } }) : [];
      return projectIds.map((id) => rows.find((m) => m.project.id === id) ?? null);
    });
  }

  orgMembership(organizationId: string): Promise<OrganizationMember | null> {
    return this.orgMemberships.load(organizationId);
  }

  /** Forgets cached memberships after a mutation changed them. */
  reset(): void {
    this.orgMemberships.clearAll();
    this.projectMemberships.clearAll();
  }

  async actorInOrganization(organizationId: string): Promise<Actor | null> {
    if (!this.auth) return null;
    const member = await this.orgMembership(organizationId);
    return { ...this.baseActor(this.auth), orgRole: member?.role ?? null, orgGrants: member?.grants ?? [] };
  }

  async actorInProject(project: Project): Promise<Actor | null> {
    if (!this.auth) return null;
    const [member, projectMember] = await Promise.all([this.orgMembership(project.organization.id), this.projectMemberships.load(project.id)]);
    return {
      ...this.baseActor(this.auth),
      orgRole: member?.role ?? null,
      orgGrants: member?.grants ?? [],
      projectRole: member ? (projectMember?.role ?? null) : null,
    };
  }

  /** The caller outside any organization: enough for user-level and platform actions. */
  actor(): Actor | null {
    return this.auth ? this.baseActor(this.auth) : null;
  }

  private baseActor(auth: Auth): Actor {
    return { userId: auth.userId, isOperator: auth.isOperator, readOnly: auth.readOnly };
  }

  /** Loads a project by id; `null` when missing. Kept in the identity map for the resolver. */
  findProject(id: string): Promise<Project | null> {
    return this.em.findOne(Project, id);
  }
}

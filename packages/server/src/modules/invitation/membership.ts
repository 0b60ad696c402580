import type { EntityManager } from '@tollgate/db';
import type { OrgRole, ProjectRole } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';

/**
 * Inserts a membership unless the user already has one; answers whether it
 * did. ON CONFLICT makes a concurrent duplicate wait for the first and then
 * do nothing, so a user joins once however often they click.
 */
export async function joinOrganization(em: EntityManager, organizationId: string, userId: string, role: OrgRole): Promise<boolean> {
  const rows = await em.execute(
    `insert into organization_members (id, organization_id, user_id, role) values (?, ?, ?, ?) on conflict (organization_id, user_id) do nothing returning id`,
    [randomUUID(), organizationId, userId, role],
  );
  return rows.length === 1;
}

/** Adds the user to a live project of the organization, keeping any role they already hold there. */
export async function joinProject(em: EntityManager, organizationId: string, projectId: string, userId: string, role: ProjectRole): Promise<boolean> {
  const rows = await em.execute(
    `insert into project_members (id, project_id, user_id, role)
     select ?, p.id, ?, ? from projects p where p.id = ? and p.organization_id = ? and p.status = 'ACTIVE'
     on conflict (project_id, user_id) do nothing returning id`,
    [randomUUID(), userId, role, projectId, organizationId],
  );
  return rows.length === 1;
}

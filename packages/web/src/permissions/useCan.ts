import { useMemo } from 'react';
import { graphql, useFragment, type FragmentType } from '../gql';
import type { OrgPermission, ProjectPermission } from '../gql/graphql';

/**
 * What the viewer may do, as the server computed it from the permission matrix
 * (the server enforces it again). Every page asks through useCan; none decides
 * from roles. Spread the fragment where the organization or project is queried.
 */
export const OrganizationPermissions = graphql(`
  fragment OrganizationPermissions on Organization {
    id
    viewerPermissions
  }
`);
export const ProjectPermissions = graphql(`
  fragment ProjectPermissions on Project {
    id
    viewerPermissions
  }
`);

export type OrganizationRef = FragmentType<typeof OrganizationPermissions>;
export type ProjectRef = FragmentType<typeof ProjectPermissions>;
export type Can<P extends string> = (permission: P) => boolean;

/** `can('MEMBERS_MANAGE')` for an organization, `can('KEYS_MANAGE_ALL')` for a project; nothing while it is not loaded. */
export function useCan(organization: OrganizationRef | null | undefined): Can<OrgPermission>;
export function useCan(project: ProjectRef | null | undefined): Can<ProjectPermission>;
export function useCan(target: OrganizationRef | ProjectRef | null | undefined): Can<string> {
  // Both fragments have the same shape; which one only decides the permission type.
  const granted = useFragment(OrganizationPermissions, target as OrganizationRef | null | undefined)?.viewerPermissions;
  return useMemo(() => {
    const held = new Set<string>(granted ?? []);
    return (permission: string) => held.has(permission);
  }, [granted]);
}

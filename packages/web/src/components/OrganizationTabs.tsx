import { NavLink } from 'react-router';

/** The organization's sections; every member sees every tab. */
export function OrganizationTabs({ organizationId }: { organizationId: string }) {
  return (
    <nav className="tabs">
      <NavLink end to={`/orgs/${organizationId}`}>Projects</NavLink>
      <NavLink to={`/orgs/${organizationId}/members`}>Members</NavLink>
      <NavLink to={`/orgs/${organizationId}/limits`}>Limits</NavLink>
      <NavLink to={`/orgs/${organizationId}/templates`}>Templates</NavLink>
      <NavLink to={`/orgs/${organizationId}/settings`}>Settings</NavLink>
    </nav>
  );
}

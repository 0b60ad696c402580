import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const OrganizationTabsViewer = graphql(`
  query OrganizationTabsViewer($organizationId: ID!) {
    organization(id: $organizationId) { id viewer { permissions } }
  }
`);

/** The organization's sections; every member sees every tab but Wallet, which needs organization.finance. */
export function OrganizationTabs({ organizationId }: { organizationId: string }) {
  const [{ data }] = useQuery({ query: OrganizationTabsViewer, variables: { organizationId } });
  const can = (permission: string) => data?.organization.viewer?.permissions.includes(permission) ?? false;
  return (
    <nav className="tabs">
      <NavLink end to={`/orgs/${organizationId}`}>Projects</NavLink>
      <NavLink to={`/orgs/${organizationId}/members`}>Members</NavLink>
      <NavLink to={`/orgs/${organizationId}/limits`}>Limits</NavLink>
      <NavLink to={`/orgs/${organizationId}/templates`}>Templates</NavLink>
      {can('organization.finance') && <NavLink to={`/orgs/${organizationId}/wallet`}>Wallet</NavLink>}
      <NavLink to={`/orgs/${organizationId}/settings`}>Settings</NavLink>
    </nav>
  );
}

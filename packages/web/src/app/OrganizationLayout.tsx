import type { ResultOf } from '@graphql-typed-document-node/core';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage, Loading, PageHeader, Tabs, type Tab } from '../components';
import { graphql } from '../gql';
import { useCan } from '../permissions/useCan';

const OrganizationHeader = graphql(`
  query OrganizationHeader($id: ID!) {
    organization(id: $id) {
      id
      name
      displayName
      ...OrganizationPermissions
    }
  }
`);

export type LayoutOrganization = ResultOf<typeof OrganizationHeader>['organization'];

/** Every page of an organization: its name, its sections, and the organization (with the viewer's permissions) for the page below. */
export function OrganizationLayout() {
  const { orgId } = useParams();
  const [{ data, error }] = useQuery({ query: OrganizationHeader, variables: { id: orgId! } });
  const can = useCan(data?.organization);
  if (error)
    return (
      <main>
        <ErrorMessage error={error} />
      </main>
    );
  if (!data)
    return (
      <main>
        <Loading />
      </main>
    );
  const { organization } = data;
  const base = `/orgs/${organization.id}`;
  const tabs: Tab[] = [
    { to: base, label: 'Projects', end: true },
    ...(can('USAGE_VIEW') ? [{ to: `${base}/usage`, label: 'Usage' }] : []),
    { to: `${base}/members`, label: 'Members' },
    { to: `${base}/limits`, label: 'Limits' },
    { to: `${base}/templates`, label: 'Templates' },
    ...(can('FINANCE') ? [{ to: `${base}/wallet`, label: 'Wallet' }] : []),
    // Balance alerts and endpoints (ALERTS_MANAGE), or the organization's limit alerts (CONFIGURE); project alerts are on each project.
    ...(can('ALERTS_MANAGE') || can('CONFIGURE') ? [{ to: `${base}/alerts`, label: 'Alerts' }] : []),
    { to: `${base}/settings`, label: 'Settings' },
  ];
  return (
    <main>
      <PageHeader title={organization.displayName} />
      <Tabs label="Organization" tabs={tabs} />
      <Outlet context={organization satisfies LayoutOrganization} />
    </main>
  );
}

/** The organization of the page's layout: id, names, and the ref useCan reads. */
export const useOrganization = () => useOutletContext<LayoutOrganization>();

import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';
import { OrganizationLimitsForm } from './OrganizationLimitsForm';

const OrganizationLimitsDetails = graphql(`
  query OrganizationLimitsDetails($organizationId: ID!) {
    organization(id: $organizationId) { id displayName viewer { permissions } }
    organizationLimits(organizationId: $organizationId) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }
  }
`);

export function OrganizationLimitsPage() {
  const { orgId } = useParams();
  const [{ data, error }] = useQuery({ query: OrganizationLimitsDetails, variables: { organizationId: orgId! } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  return (
    <main>
      <h1>{data.organization.displayName}</h1>
      <OrganizationTabs organizationId={orgId!} />
      <h2>Limits</h2>
      <p>Shared by every project and key of the organization; blank means no limit. A project's quota above these is enforced at these.</p>
      <OrganizationLimitsForm organizationId={orgId!} current={data.organizationLimits} editable={data.organization.viewer?.permissions.includes('organization.configure') ?? false} />
    </main>
  );
}

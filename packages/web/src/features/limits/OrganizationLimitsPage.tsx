import { useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { OrganizationLimitsForm } from './OrganizationLimitsForm';

const OrganizationLimitsDetails = graphql(`
  query OrganizationLimitsDetails($organizationId: ID!) {
    organizationLimits(organizationId: $organizationId) {
      ...OrganizationLimitValues
    }
  }
`);

export function OrganizationLimitsPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [{ data, error }] = useQuery({ query: OrganizationLimitsDetails, variables: { organizationId: organization.id } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <Card
      title="Limits"
      description="Shared by every project and key of the organization; blank means no limit. A project's quota above these is enforced at these."
    >
      <OrganizationLimitsForm organizationId={organization.id} current={data.organizationLimits} editable={can('CONFIGURE')} />
    </Card>
  );
}

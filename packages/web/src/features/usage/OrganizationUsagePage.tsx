import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LiveIndicator } from '../../app/LiveIndicator';
import { useOrganization } from '../../app/OrganizationLayout';
import { Card, EmptyState, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { useLiveWallet } from '../wallet/useLiveWallet';
import { SpendSummary } from './SpendSummary';
import { UsageDashboard } from './UsageDashboard';
import { useLiveUsage } from './useLiveUsage';

const OrganizationUsageContext = graphql(`
  query OrganizationUsageContext($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      timeZone
    }
    projects(organizationId: $organizationId) {
      id
      name
    }
    members(organizationId: $organizationId, page: 1, size: 100) {
      data {
        userId
        user {
          id
          name
        }
      }
    }
  }
`);

/**
 * The organization's usage overview: for admins and FINANCE members (organization.usage.view); others see their projects' pages.
 * Today's figures and the wallet follow the live subscriptions; the charts are asked again after calls.
 */
export function OrganizationUsagePage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const allowed = can('USAGE_VIEW');
  const [{ data, error }] = useQuery({ query: OrganizationUsageContext, variables: { organizationId: organization.id }, pause: !allowed });
  const live = useLiveUsage(organization.id, null, !allowed);
  const [wallet, walletError] = useLiveWallet(organization.id, !can('FINANCE'));
  const projectNames = useMemo(() => new Map(data?.projects.map((p) => [p.id, p.name])), [data]);
  const memberNames = useMemo(() => new Map(data?.members.data.map((m) => [m.userId, m.user.name])), [data]);
  if (!allowed)
    return (
      <Card>
        <EmptyState title="The organization's usage is for admins and FINANCE members">
          Each project's usage is on its own page: open it from <Link to={`/orgs/${organization.id}`}>Projects</Link>.
        </EmptyState>
      </Card>
    );
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const timeZone = data.organization.timeZone;
  return (
    <UsageDashboard
      scope={{ organizationId: organization.id, timeZone, projectNames, memberNames }}
      now={live.now}
      status={<LiveIndicator errors={[live.error, walletError]} />}
      summary={
        <>
          <ErrorMessage error={live.error ?? walletError} />
          <SpendSummary organizationId={organization.id} timeZone={timeZone} filter={null} withFunds liveWallet={wallet} now={live.now} live={live.tick} />
        </>
      }
    />
  );
}

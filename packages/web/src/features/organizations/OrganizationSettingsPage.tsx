import { useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { Card, ErrorMessage, Facts, Loading, StatusBadge } from '../../components';
import { graphql } from '../../gql';
import { formatDate, listOf } from '../../lib/format';
import { useCan } from '../../permissions/useCan';
import { AuditContentSetting } from './AuditContentSetting';
import { TimeZoneSetting } from './TimeZoneSetting';
import { VerificationForm } from './VerificationForm';

const OrganizationSettings = graphql(`
  query OrganizationSettings($id: ID!) {
    organization(id: $id) {
      id
      verificationTier
      viewerCanRequestVerification
      caps {
        projectsPerOrganization
        apiKeysPerProject
      }
      modelAccess {
        models
        groups
      }
      ...AuditContentSetting
      ...TimeZoneSetting
      verification {
        id
        status
        companyName
        createdAt
        rejectionReason
        ...VerificationPrefill
      }
    }
  }
`);

/** The organization's plan, verification and call-content policy. */
export function OrganizationSettingsPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [{ data, error }, refetch] = useQuery({ query: OrganizationSettings, variables: { id: organization.id } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const { organization: o } = data;
  const v = o.verification;
  return (
    <>
      <Card title="Plan">
        <Facts
          label="Organization settings"
          items={[
            ['Verification tier', o.verificationTier],
            ['Projects per organization', o.caps.projectsPerOrganization],
            ['API keys per project', o.caps.apiKeysPerProject],
            ['Granted models', listOf(o.modelAccess.models)],
            ['Granted access groups', listOf(o.modelAccess.groups)],
          ]}
        />
      </Card>
      <Card title="Verification" description="Verified organizations get higher caps. The operator reviews the company details.">
        {v ? (
          <Facts
            label="Verification"
            items={[
              ['Status', <StatusBadge status={v.status} />],
              ['Company', v.companyName],
              ['Submitted', formatDate(v.createdAt)],
              ['Rejection reason', v.rejectionReason ?? null],
            ]}
          />
        ) : (
          <p>No verification requested yet.</p>
        )}
        {o.viewerCanRequestVerification && (
          <VerificationForm organizationId={o.id} previous={v ?? null} onSubmitted={() => refetch({ requestPolicy: 'network-only' })} />
        )}
      </Card>
      <TimeZoneSetting organization={o} editable={can('CONFIGURE')} />
      <AuditContentSetting organization={o} editable={can('CONFIGURE')} />
    </>
  );
}

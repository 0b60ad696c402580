import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';
import { AuditContentSetting } from './AuditContentSetting';
import { VerificationForm } from './VerificationForm';

const OrganizationSettings = graphql(`
  query OrganizationSettings($id: ID!) {
    organization(id: $id) {
      id displayName verificationTier
      caps { projectsPerOrganization apiKeysPerProject }
      modelAccess { models groups }
      auditContent { policy retentionDays }
      verification { id status companyName registrationNumber contactName contactEmail country rejectionReason createdAt reviewedAt }
      viewer { permissions }
    }
  }
`);

export function OrganizationSettingsPage() {
  const { orgId } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: OrganizationSettings, variables: { id: orgId! } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const { organization: o } = data;
  const v = o.verification;
  const mayVerify = (o.viewer?.permissions.includes('organization.configure') ?? false) && o.verificationTier === 'DEFAULT' && v?.status !== 'PENDING';
  return (
    <main>
      <h1>{o.displayName}</h1>
      <OrganizationTabs organizationId={orgId!} />
      <h2>Plan</h2>
      <dl className="facts" aria-label="Organization settings">
        <dt>Verification tier</dt><dd>{o.verificationTier}</dd>
        <dt>Projects per organization</dt><dd>{o.caps.projectsPerOrganization}</dd>
        <dt>API keys per project</dt><dd>{o.caps.apiKeysPerProject}</dd>
        <dt>Granted models</dt><dd>{o.modelAccess.models.join(', ') || '—'}</dd>
        <dt>Granted access groups</dt><dd>{o.modelAccess.groups.join(', ') || '—'}</dd>
      </dl>
      <h2>Verification</h2>
      {v ? (
        <dl className="facts" aria-label="Verification">
          <dt>Status</dt><dd>{v.status}</dd>
          <dt>Company</dt><dd>{v.companyName}</dd>
          <dt>Submitted</dt><dd>{new Date(v.createdAt).toLocaleString()}</dd>
          {v.rejectionReason && <><dt>Rejection reason</dt><dd>{v.rejectionReason}</dd></>}
        </dl>
      ) : <p>No verification requested yet.</p>}
      <AuditContentSetting organizationId={o.id} current={o.auditContent} editable={o.viewer?.permissions.includes('organization.configure') ?? false} />
      {mayVerify && <VerificationForm organizationId={o.id} previous={v ?? null} onSubmitted={() => refetch({ requestPolicy: 'network-only' })} />}
    </main>
  );
}

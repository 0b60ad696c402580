import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { graphql } from '../../gql';

const VerificationQueue = graphql(`
  query VerificationQueue {
    organizationVerifications(status: PENDING) {
      id companyName registrationNumber contactName contactEmail country createdAt
      organization { id displayName name }
    }
  }
`);
const ApproveVerification = graphql(`
  mutation ApproveVerification($id: ID!) {
    approveOrganizationVerification(id: $id) { id status }
  }
`);
const RejectVerification = graphql(`
  mutation RejectVerification($id: ID!, $reason: String!) {
    rejectOrganizationVerification(id: $id, reason: $reason) { id status rejectionReason }
  }
`);

/** Pending verification requests, oldest first. */
export function VerificationsPage() {
  const [{ data, error }, refetch] = useQuery({ query: VerificationQueue });
  const [approved, approve] = useMutation(ApproveVerification);
  const [rejected, reject] = useMutation(RejectVerification);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const decide = async (run: () => Promise<{ data?: unknown }>) => { if ((await run()).data) reload(); };
  return (
    <main>
      <h1>Verification queue</h1>
      <ErrorMessage error={error ?? approved.error ?? rejected.error} />
      <table aria-label="Verification queue">
        <thead><tr><th>Organization</th><th>Company</th><th>Registration</th><th>Contact</th><th>Country</th><th>Submitted</th><th /></tr></thead>
        <tbody>
          {data?.organizationVerifications.map((v) => (
            <tr key={v.id}>
              <td>{v.organization.displayName}</td><td>{v.companyName}</td><td>{v.registrationNumber}</td>
              <td>{v.contactName} &lt;{v.contactEmail}&gt;</td><td>{v.country}</td><td>{formatDate(v.createdAt)}</td>
              <td className="actions">
                <button type="button" onClick={() => decide(() => approve({ id: v.id }))}>Approve</button>
                <input aria-label="Rejection reason" value={reasons[v.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [v.id]: e.target.value })} />
                <button type="button" className="danger" disabled={!reasons[v.id]?.trim()} onClick={() => decide(() => reject({ id: v.id, reason: reasons[v.id]!.trim() }))}>Reject</button>
              </td>
            </tr>
          ))}
          {data?.organizationVerifications.length === 0 && <tr><td colSpan={7}>Nothing to review.</td></tr>}
        </tbody>
      </table>
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ActionsCell, Button, Card, Dialog, DialogClose, ErrorMessage, Field, PageHeader, Table, useToastResult } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

const VerificationRowFields = graphql(`
  fragment VerificationRow on OrganizationVerification {
    id
    companyName
    registrationNumber
    contactName
    contactEmail
    country
    createdAt
    organization {
      id
      displayName
      name
    }
  }
`);
const VerificationQueue = graphql(`
  query VerificationQueue {
    organizationVerifications(status: PENDING) {
      id
      ...VerificationRow
    }
  }
`);
const ApproveVerification = graphql(`
  mutation ApproveVerification($id: ID!) {
    approveOrganizationVerification(id: $id) {
      id
      status
    }
  }
`);
const RejectVerification = graphql(`
  mutation RejectVerification($id: ID!, $reason: String!) {
    rejectOrganizationVerification(id: $id, reason: $reason) {
      id
      status
      rejectionReason
    }
  }
`);

/** Pending verification requests, oldest first. */
export function VerificationsPage() {
  const [{ data, error }, refetch] = useQuery({ query: VerificationQueue });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <main>
      <PageHeader title="Verification queue" />
      <Card description="Approving lifts the organization to ENTERPRISE_VERIFIED and its caps with it.">
        <ErrorMessage error={error} />
        <Table
          label="Verification queue"
          columns={['Organization', 'Company', 'Registration', 'Contact', 'Country', 'Submitted', '']}
          empty={{ title: 'Nothing to review.' }}
        >
          {data?.organizationVerifications.map((v) => (
            <VerificationRow key={v.id} verification={v} onDecided={reload} />
          ))}
        </Table>
      </Card>
    </main>
  );
}

function VerificationRow({ verification: ref, onDecided }: { verification: FragmentType<typeof VerificationRowFields>; onDecided: () => void }) {
  const v = useFragment(VerificationRowFields, ref);
  const [approved, approve] = useMutation(ApproveVerification);
  const toasted = useToastResult();
  return (
    <tr>
      <td>{v.organization.displayName}</td>
      <td>{v.companyName}</td>
      <td>{v.registrationNumber}</td>
      <td>
        {v.contactName} &lt;{v.contactEmail}&gt;
      </td>
      <td>{v.country}</td>
      <td>{formatDate(v.createdAt)}</td>
      <ActionsCell>
        <Button
          size="small"
          disabled={approved.fetching}
          onClick={async () => {
            const r = await toasted(approve({ id: v.id }), `Approved ${v.organization.displayName}`);
            if (!r.error) onDecided();
          }}
        >
          Approve
        </Button>
        <RejectDialog id={v.id} organization={v.organization.displayName} onRejected={onDecided} />
      </ActionsCell>
    </tr>
  );
}

/** Rejection needs a reason, which the organization reads. */
function RejectDialog({ id, organization, onRejected }: { id: string; organization: string; onRejected: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [rejected, reject] = useMutation(RejectVerification);
  const toasted = useToastResult();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await toasted(reject({ id, reason: reason.trim() }), `Rejected ${organization}`);
    if (result.error) return;
    setOpen(false);
    onRejected();
  };
  return (
    <Dialog
      title={`Reject ${organization}?`}
      description="The organization sees the reason and may submit again."
      trigger={
        <Button variant="danger" size="small">
          Reject
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
    >
      <form onSubmit={submit}>
        <Field label="Rejection reason">
          <textarea rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorMessage error={rejected.error} />
        <div className="dialog-footer">
          <DialogClose />
          <Button type="submit" variant="danger" disabled={rejected.fetching || !reason.trim()}>
            Reject
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

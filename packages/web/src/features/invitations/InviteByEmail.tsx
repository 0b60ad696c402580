import { OrgRole } from '@tollgate/domain';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ActionsCell, Button, Card, ConfirmDialog, CopyButton, ErrorMessage, Field, StatusBadge, Table, useToastResult } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

const InvitationRowFields = graphql(`
  fragment InvitationRow on Invitation {
    id
    email
    name
    role
    status
    expiresAt
    invitedBy {
      name
    }
  }
`);
const Invitations = graphql(`
  query PendingInvitations($organizationId: ID!) {
    invitations(organizationId: $organizationId) {
      id
      ...InvitationRow
    }
  }
`);
const InviteMembers = graphql(`
  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {
    inviteMembers(organizationId: $organizationId, invitations: $invitations) {
      inviteUrl
      invitation {
        id
        email
      }
    }
  }
`);
const ResendInvitation = graphql(`
  mutation ResendInvitation($organizationId: ID!, $id: ID!) {
    resendInvitation(organizationId: $organizationId, id: $id) {
      inviteUrl
      invitation {
        id
        status
        expiresAt
      }
    }
  }
`);
const RevokeInvitation = graphql(`
  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {
    revokeInvitation(organizationId: $organizationId, id: $id) {
      id
      status
    }
  }
`);

/** Invite one person by email as one of the roles the viewer may hand out, and the invitations still pending. */
export function InviteByEmail({ organizationId, roles }: { organizationId: string; roles: readonly OrgRole[] }) {
  const [{ data, error }, refetch] = useQuery({ query: Invitations, variables: { organizationId } });
  const [invited, invite] = useMutation(InviteMembers);
  const empty = { email: '', name: '', role: OrgRole.MEMBER as OrgRole };
  const [form, setForm] = useState(empty);
  const [lastLink, setLastLink] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await invite({ organizationId, invitations: [form] });
    if (result.data) {
      setLastLink(result.data.inviteMembers[0]!.inviteUrl);
      setForm(empty);
      reload();
    }
  };
  return (
    <Card title="Invite by email" description="Each invitee gets a personal link, valid for 7 days and only for their address.">
      <form className="row" onSubmit={submit}>
        <Field label="Invitee email">
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </Field>
        <Field label="Invitee name">
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Invitee role">
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as OrgRole })}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={invited.fetching}>
          Send invitation
        </Button>
      </form>
      {lastLink && (
        <p className="row">
          Invitation sent. Personal link: <code>{lastLink}</code> <CopyButton value={lastLink} />
        </p>
      )}
      <ErrorMessage error={error ?? invited.error} />
      <Table label="Pending invitations" columns={['Email', 'Name', 'Role', 'Status', 'Expires', 'Invited by', '']} empty={{ title: 'No pending invitations' }}>
        {data?.invitations.map((i) => (
          <InvitationRow key={i.id} organizationId={organizationId} invitation={i} onChanged={reload} />
        ))}
      </Table>
    </Card>
  );
}

function InvitationRow({
  organizationId,
  invitation: ref,
  onChanged,
}: {
  organizationId: string;
  invitation: FragmentType<typeof InvitationRowFields>;
  onChanged: () => void;
}) {
  const i = useFragment(InvitationRowFields, ref);
  const [resent, resend] = useMutation(ResendInvitation);
  const [, revoke] = useMutation(RevokeInvitation);
  const toasted = useToastResult();
  return (
    <tr>
      <td>{i.email}</td>
      <td>{i.name}</td>
      <td>{i.role}</td>
      <td>
        <StatusBadge status={i.status} />
      </td>
      <td>{formatDate(i.expiresAt)}</td>
      <td>{i.invitedBy?.name ?? '—'}</td>
      <ActionsCell>
        <Button
          variant="secondary"
          size="small"
          disabled={resent.fetching}
          onClick={async () => {
            await toasted(resend({ organizationId, id: i.id }), `Sent ${i.email} a new link`);
            onChanged();
          }}
        >
          Resend
        </Button>
        <ConfirmDialog
          title={`Revoke the invitation of ${i.email}?`}
          description="Their link stops working; invite them again to send a new one."
          trigger={
            <Button variant="danger" size="small">
              Revoke
            </Button>
          }
          confirm="Revoke invitation"
          onConfirm={async () => {
            const r = await toasted(revoke({ organizationId, id: i.id }), `Revoked the invitation of ${i.email}`);
            onChanged();
            return !r.error;
          }}
        />
      </ActionsCell>
    </tr>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const Invitations = graphql(`
  query PendingInvitations($organizationId: ID!) {
    invitations(organizationId: $organizationId) { id email name role status expiresAt invitedBy { name } }
  }
`);
const InviteMembers = graphql(`
  mutation InviteMembers($organizationId: ID!, $invitations: [InvitationInput!]!) {
    inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email } }
  }
`);
const ResendInvitation = graphql(`
  mutation ResendInvitation($organizationId: ID!, $id: ID!) {
    resendInvitation(organizationId: $organizationId, id: $id) { inviteUrl invitation { id status expiresAt } }
  }
`);
const RevokeInvitation = graphql(`
  mutation RevokeInvitation($organizationId: ID!, $id: ID!) {
    revokeInvitation(organizationId: $organizationId, id: $id) { id status }
  }
`);

/** Invite one person by email, and the list of invitations still pending. */
export function InviteByEmail({ organizationId, mayInviteAdmins }: { organizationId: string; mayInviteAdmins: boolean }) {
  const [{ data, error }, refetch] = useQuery({ query: Invitations, variables: { organizationId } });
  const [invited, invite] = useMutation(InviteMembers);
  const [resent, resend] = useMutation(ResendInvitation);
  const [revoked, revoke] = useMutation(RevokeInvitation);
  const [form, setForm] = useState({ email: '', name: '', role: 'MEMBER' as 'ADMIN' | 'MEMBER' });
  const [lastLink, setLastLink] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await invite({ organizationId, invitations: [form] });
    if (result.data) {
      setLastLink(result.data.inviteMembers[0]!.inviteUrl);
      setForm({ email: '', name: '', role: 'MEMBER' });
      reload();
    }
  };
  return (
    <section>
      <h2>Invite by email</h2>
      <form className="row" onSubmit={submit}>
        <label>Invitee email<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>Invitee name<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>Invitee role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as 'ADMIN' | 'MEMBER' })}>
            <option value="MEMBER">MEMBER</option>
            {mayInviteAdmins && <option value="ADMIN">ADMIN</option>}
          </select>
        </label>
        <button type="submit">Send invitation</button>
      </form>
      {lastLink && <p className="row">Invitation sent. Personal link: <code>{lastLink}</code> <CopyButton value={lastLink} /></p>}
      <ErrorMessage error={error ?? invited.error ?? resent.error ?? revoked.error} />
      <table aria-label="Pending invitations">
        <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Status</th><th>Expires</th><th>Invited by</th><th /></tr></thead>
        <tbody>
          {data?.invitations.map((i) => (
            <tr key={i.id}>
              <td>{i.email}</td><td>{i.name}</td><td>{i.role}</td><td>{i.status}</td>
              <td>{new Date(i.expiresAt).toLocaleString()}</td><td>{i.invitedBy?.name ?? '—'}</td>
              <td className="inline">
                <button onClick={async () => { await resend({ organizationId, id: i.id }); reload(); }}>Resend</button>
                <button className="danger" onClick={async () => { await revoke({ organizationId, id: i.id }); reload(); }}>Revoke</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CopyButton } from '../../components/CopyButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const InviteTokens = graphql(`
  query InviteTokens($organizationId: ID!) {
    inviteTokens(organizationId: $organizationId) { id description prefix usageCount maxUsageCount expiresAt status createdBy { name } }
  }
`);
const CreateInviteToken = graphql(`
  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {
    createInviteToken(organizationId: $organizationId, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt }
  }
`);
const RevokeInviteToken = graphql(`
  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {
    revokeInviteToken(organizationId: $organizationId, id: $id) { id status revokedAt }
  }
`);

/** Shareable join links: the link is shown once, at creation, with a copy button. */
export function InviteLinks({ organizationId }: { organizationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: InviteTokens, variables: { organizationId } });
  const [created, create] = useMutation(CreateInviteToken);
  const [revoked, revoke] = useMutation(RevokeInviteToken);
  const [form, setForm] = useState({ description: '', maxUsageCount: '10', expiresAt: '' });
  const [link, setLink] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      description: form.description || null,
      maxUsageCount: form.maxUsageCount ? Number(form.maxUsageCount) : null,
      expiresAt: form.expiresAt ? new Date(`${form.expiresAt}T23:59:59Z`).toISOString() : null,
    };
    const result = await create({ organizationId, input });
    if (result.data) {
      setLink(result.data.createInviteToken.inviteUrl);
      reload();
    }
  };
  return (
    <section>
      <h2>Invite links</h2>
      <form className="row" onSubmit={submit}>
        <label>Link description<input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} /></label>
        <label>Maximum uses<input type="number" min={1} value={form.maxUsageCount} onChange={(e) => setForm({ ...form, maxUsageCount: e.target.value })} /></label>
        <label>Expires on (UTC)<input type="date" value={form.expiresAt} onChange={(e) => setForm({ ...form, expiresAt: e.target.value })} /></label>
        <button type="submit">Create invite link</button>
      </form>
      {link && <p className="row">Copy it now; it is not shown again: <code aria-label="New invite link">{link}</code> <CopyButton value={link} /></p>}
      <ErrorMessage error={error ?? created.error ?? revoked.error} />
      <table aria-label="Invite links">
        <thead><tr><th>Description</th><th>Token</th><th>Uses</th><th>Expires</th><th>Status</th><th>Created by</th><th /></tr></thead>
        <tbody>
          {data?.inviteTokens.map((t) => (
            <tr key={t.id}>
              <td>{t.description || '—'}</td><td><code>{t.prefix}…</code></td>
              <td>{t.usageCount}/{t.maxUsageCount ?? '∞'}</td>
              <td>{t.expiresAt ? new Date(t.expiresAt).toLocaleString() : 'never'}</td>
              <td>{t.status}</td><td>{t.createdBy?.name ?? '—'}</td>
              <td>{t.status !== 'REVOKED' && <button className="danger" onClick={async () => { await revoke({ organizationId, id: t.id }); reload(); }}>Revoke</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

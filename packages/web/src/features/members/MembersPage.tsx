import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';
import { BulkInvite } from '../invitations/BulkInvite';
import { InviteByEmail } from '../invitations/InviteByEmail';
import { InviteLinks } from '../invitations/InviteLinks';

const Members = graphql(`
  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {
    organization(id: $organizationId) { id displayName viewer { role permissions } }
    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {
      total page size
      data { id userId role grants status joinedAt user { id name email } }
    }
    me { id }
  }
`);
const UpdateMemberRole = graphql(`
  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {
    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) { id role }
  }
`);
const RemoveMember = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);

const SIZE = 20;

export function MembersPage() {
  const { orgId } = useParams();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<'' | 'ADMIN' | 'MEMBER'>('');
  const [{ data, error }, refetch] = useQuery({ query: Members, variables: { organizationId: orgId!, page, size: SIZE, search: search.trim() || null, role: role || null } });
  const [changed, changeRole] = useMutation(UpdateMemberRole);
  const [removed, remove] = useMutation(RemoveMember);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const canManage = data.organization.viewer?.permissions.includes('organization.members.manage') ?? false;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const pages = Math.max(1, Math.ceil(data.members.total / SIZE));
  return (
    <main>
      <h1>{data.organization.displayName}</h1>
      <OrganizationTabs organizationId={orgId!} />
      <p className="row">
        <label>Search members<input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} /></label>
        <label>Role filter
          <select value={role} onChange={(e) => { setRole(e.target.value as typeof role); setPage(1); }}>
            <option value="">Any role</option><option value="ADMIN">ADMIN</option><option value="MEMBER">MEMBER</option>
          </select>
        </label>
      </p>
      <table aria-label="Members">
        <thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Grants</th><th>Joined</th>{canManage && <th />}</tr></thead>
        <tbody>
          {data.members.data.map((m) => {
            const self = m.userId === data.me?.id;
            return (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>
                  {canManage && !self ? (
                    <select aria-label={`Role of ${m.user.email}`} value={m.role} onChange={async (e) => { await changeRole({ organizationId: orgId!, userId: m.userId, role: e.target.value as 'ADMIN' | 'MEMBER' }); reload(); }}>
                      <option value="ADMIN">ADMIN</option>
                      <option value="MEMBER">MEMBER</option>
                    </select>
                  ) : m.role}
                </td>
                <td>{m.grants.join(', ') || '—'}</td>
                <td>{new Date(m.joinedAt).toLocaleDateString()}</td>
                {canManage && <td>{!self && <button className="danger" onClick={async () => { await remove({ organizationId: orgId!, userId: m.userId }); reload(); }}>Remove</button>}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="row">
        <button disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
        <span>Page {page} of {pages} · {data.members.total} members</span>
        <button disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</button>
      </p>
      <ErrorMessage error={changed.error ?? removed.error} />
      {canManage && (
        <>
          <InviteByEmail organizationId={orgId!} mayInviteAdmins={data.organization.viewer?.role === 'ADMIN'} />
          <InviteLinks organizationId={orgId!} />
          <BulkInvite organizationId={orgId!} />
        </>
      )}
    </main>
  );
}

import { ORG_ROLES, type OrgRole } from '@tollgate/domain';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { ActionsCell, Badge, Button, Card, ConfirmDialog, ErrorMessage, Field, Loading, Table, useToastResult } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { BulkInvite } from '../invitations/BulkInvite';
import { InviteByEmail } from '../invitations/InviteByEmail';
import { InviteLinks } from '../invitations/InviteLinks';

const MemberRowFields = graphql(`
  fragment MemberRow on OrganizationMember {
    id
    userId
    role
    grants
    joinedAt
    viewerAssignableRoles
    viewerCanRemove
    user {
      id
      name
      email
    }
  }
`);
const Members = graphql(`
  query OrganizationMembers($organizationId: ID!, $page: Int!, $size: Int!, $search: String, $role: OrgRole) {
    organization(id: $organizationId) {
      id
      viewerInvitableRoles
    }
    members(organizationId: $organizationId, page: $page, size: $size, search: $search, role: $role) {
      total
      page
      size
      data {
        id
        ...MemberRow
      }
    }
  }
`);
const UpdateMemberRole = graphql(`
  mutation UpdateMemberRole($organizationId: ID!, $userId: ID!, $role: OrgRole!) {
    updateMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      id
      role
    }
  }
`);
const RemoveMember = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);

const SIZE = 20;

/** The organization's members, searchable and paged; for member managers the invitations too. */
export function MembersPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<'' | OrgRole>('');
  const [{ data, error }, refetch] = useQuery({
    query: Members,
    variables: { organizationId: organization.id, page, size: SIZE, search: search.trim() || null, role: role || null },
  });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const manage = can('MEMBERS_MANAGE');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const pages = Math.max(1, Math.ceil(data.members.total / SIZE));
  return (
    <>
      <Card title="Members">
        <div className="row">
          <Field label="Search members">
            <input
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setPage(1);
              }}
            />
          </Field>
          <Field label="Role filter">
            <select
              value={role}
              onChange={(e) => {
                setRole(e.target.value as typeof role);
                setPage(1);
              }}
            >
              <option value="">Any role</option>
              {ORG_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Table
          label="Members"
          columns={['Name', 'Email', 'Role', 'Grants', 'Joined', ...(manage ? [''] : [])]}
          empty={{ title: 'No members match', hint: 'Try another search or role.' }}
        >
          {data.members.data.map((m) => (
            <MemberRow key={m.id} organizationId={organization.id} member={m} manage={manage} onChanged={reload} />
          ))}
        </Table>
        <div className="row" style={{ alignItems: 'center' }}>
          <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page} of {pages} · {data.members.total} members
          </span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      </Card>
      {manage && (
        <>
          <InviteByEmail organizationId={organization.id} roles={data.organization.viewerInvitableRoles} />
          <InviteLinks organizationId={organization.id} />
          <BulkInvite organizationId={organization.id} />
        </>
      )}
    </>
  );
}

interface RowProps {
  organizationId: string;
  member: FragmentType<typeof MemberRowFields>;
  manage: boolean;
  onChanged: () => void;
}

/** A member's row: the role can be changed and the member removed as far as the server says the viewer may. */
function MemberRow({ organizationId, member: ref, manage, onChanged }: RowProps) {
  const m = useFragment(MemberRowFields, ref);
  const [, changeRole] = useMutation(UpdateMemberRole);
  const [, remove] = useMutation(RemoveMember);
  const toasted = useToastResult();
  const change = async (next: OrgRole) => {
    await toasted(changeRole({ organizationId, userId: m.userId, role: next }), `${m.user.name} is now ${next}`);
    onChanged();
  };
  return (
    <tr>
      <td>{m.user.name}</td>
      <td>{m.user.email}</td>
      <td>
        {m.viewerAssignableRoles.length ? (
          <select aria-label={`Role of ${m.user.email}`} value={m.role} onChange={(e) => void change(e.target.value as OrgRole)}>
            {[m.role, ...m.viewerAssignableRoles].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          m.role
        )}
      </td>
      <td>
        {m.grants.length
          ? m.grants.map((g) => (
              <Badge key={g} tone="info">
                {g}
              </Badge>
            ))
          : '—'}
      </td>
      <td>{new Date(m.joinedAt).toLocaleDateString()}</td>
      {manage && (
        <ActionsCell>
          {m.viewerCanRemove && (
            <ConfirmDialog
              title={`Remove ${m.user.name}?`}
              description="They leave every project of the organization, and every API key they created is revoked at once."
              trigger={
                <Button variant="danger" size="small">
                  Remove
                </Button>
              }
              confirm="Remove member"
              onConfirm={async () => {
                const r = await toasted(remove({ organizationId, userId: m.userId }), `Removed ${m.user.name}`);
                onChanged();
                return !r.error;
              }}
            />
          )}
        </ActionsCell>
      )}
    </tr>
  );
}

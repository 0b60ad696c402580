import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ActionsCell,
  Button,
  Card,
  ConfirmDialog,
  endOfUtcDay,
  ErrorMessage,
  Field,
  SecretOnce,
  StatusBadge,
  Table,
  useFormState,
  useToastResult,
} from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

const InviteTokenRowFields = graphql(`
  fragment InviteTokenRow on InviteToken {
    id
    description
    prefix
    usageCount
    maxUsageCount
    expiresAt
    status
    createdBy {
      name
    }
  }
`);
const InviteTokens = graphql(`
  query InviteTokens($organizationId: ID!) {
    inviteTokens(organizationId: $organizationId) {
      id
      ...InviteTokenRow
    }
  }
`);
const CreateInviteToken = graphql(`
  mutation CreateInviteToken($organizationId: ID!, $input: CreateInviteTokenInput!) {
    createInviteToken(organizationId: $organizationId, input: $input) {
      id
      token
      inviteUrl
      maxUsageCount
      usageCount
      expiresAt
    }
  }
`);
const RevokeInviteToken = graphql(`
  mutation RevokeInviteToken($organizationId: ID!, $id: ID!) {
    revokeInviteToken(organizationId: $organizationId, id: $id) {
      id
      status
      revokedAt
    }
  }
`);

/** Shareable join links: the link is shown once, at creation, with a copy button. */
export function InviteLinks({ organizationId }: { organizationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: InviteTokens, variables: { organizationId } });
  const [created, create] = useMutation(CreateInviteToken);
  const [form, , text] = useFormState({ description: '', maxUsageCount: '10', expiresAt: '' });
  const [link, setLink] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      description: form.description || null,
      maxUsageCount: form.maxUsageCount ? Number(form.maxUsageCount) : null,
      expiresAt: endOfUtcDay(form.expiresAt),
    };
    const result = await create({ organizationId, input });
    if (result.data) {
      setLink(result.data.createInviteToken.inviteUrl);
      reload();
    }
  };
  return (
    <Card title="Invite links" description="Anyone with the link joins as a member, until it expires or its uses run out.">
      <form className="row" onSubmit={submit}>
        <Field label="Link description">
          <input {...text('description')} />
        </Field>
        <Field label="Maximum uses">
          <input type="number" min={1} {...text('maxUsageCount')} />
        </Field>
        <Field label="Expires on (UTC)">
          <input type="date" {...text('expiresAt')} />
        </Field>
        <Button type="submit" disabled={created.fetching}>
          Create invite link
        </Button>
      </form>
      {link && <SecretOnce label="New invite link" secret={link} lead="Copy it now; it is not shown again:" />}
      <ErrorMessage error={error ?? created.error} />
      <Table label="Invite links" columns={['Description', 'Token', 'Uses', 'Expires', 'Status', 'Created by', '']} empty={{ title: 'No invite links' }}>
        {data?.inviteTokens.map((t) => (
          <InviteTokenRow key={t.id} organizationId={organizationId} token={t} onRevoked={reload} />
        ))}
      </Table>
    </Card>
  );
}

function InviteTokenRow({
  organizationId,
  token: ref,
  onRevoked,
}: {
  organizationId: string;
  token: FragmentType<typeof InviteTokenRowFields>;
  onRevoked: () => void;
}) {
  const t = useFragment(InviteTokenRowFields, ref);
  const [, revoke] = useMutation(RevokeInviteToken);
  const toasted = useToastResult();
  return (
    <tr>
      <td>{t.description || '—'}</td>
      <td>
        <code>{t.prefix}…</code>
      </td>
      <td>
        {t.usageCount}/{t.maxUsageCount ?? '∞'}
      </td>
      <td>{formatDate(t.expiresAt, 'never')}</td>
      <td>
        <StatusBadge status={t.status} />
      </td>
      <td>{t.createdBy?.name ?? '—'}</td>
      <ActionsCell>
        {t.status !== 'REVOKED' && (
          <ConfirmDialog
            title="Revoke this invite link?"
            description="Nobody can join with it any more; those who joined stay members."
            trigger={
              <Button variant="danger" size="small">
                Revoke
              </Button>
            }
            confirm="Revoke link"
            onConfirm={async () => {
              const r = await toasted(revoke({ organizationId, id: t.id }), 'Revoked the invite link');
              onRevoked();
              return !r.error;
            }}
          />
        )}
      </ActionsCell>
    </tr>
  );
}

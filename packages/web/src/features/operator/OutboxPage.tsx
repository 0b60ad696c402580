import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, Card, ErrorMessage, Field, PageHeader, StatusBadge, Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

const OutboxRowFields = graphql(`
  fragment OutboxRow on OutboxMessage {
    id
    to
    subject
    text
    status
    attempts
    lastError
    createdAt
    sentAt
  }
`);
const Outbox = graphql(`
  query Outbox($to: String) {
    outboxMessages(to: $to, first: 200) {
      id
      ...OutboxRow
    }
  }
`);

/** Operators read what the platform mailed; without SMTP this is how invitations get delivered. */
export function OutboxPage() {
  const [to, setTo] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: Outbox, variables: { to: to.trim() || null } });
  return (
    <main>
      <PageHeader title="Outbox" />
      <Card description="Every mail the platform sent or will send; a body is erased once it went out over SMTP.">
        <div className="row">
          <Field label="Recipient">
            <input type="search" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            Refresh
          </Button>
        </div>
        <ErrorMessage error={error} />
        <Table label="Outbox" columns={['Created', 'To', 'Subject', 'Status', 'Message']} empty={{ title: 'No mail yet' }}>
          {data?.outboxMessages.map((m) => (
            <OutboxRow key={m.id} message={m} />
          ))}
        </Table>
      </Card>
    </main>
  );
}

function OutboxRow({ message: ref }: { message: FragmentType<typeof OutboxRowFields> }) {
  const m = useFragment(OutboxRowFields, ref);
  return (
    <tr>
      <td>{formatDate(m.createdAt)}</td>
      <td>{m.to}</td>
      <td>{m.subject}</td>
      <td>
        <StatusBadge status={m.status} />
        {m.attempts ? (
          <small>
            {' '}
            ({m.attempts} failed: {m.lastError ?? ''})
          </small>
        ) : null}
      </td>
      <td>
        <pre className="mail">{m.text ?? '(erased after delivery)'}</pre>
      </td>
    </tr>
  );
}

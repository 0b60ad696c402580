import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const Outbox = graphql(`
  query Outbox($to: String) {
    outboxMessages(to: $to, first: 200) { id to subject text status attempts lastError createdAt sentAt }
  }
`);

/** Operators read what the platform mailed; without SMTP this is how invitations get delivered. */
export function OutboxPage() {
  const [to, setTo] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: Outbox, variables: { to: to.trim() || null } });
  return (
    <main>
      <h1>Outbox</h1>
      <p className="row">
        <label>Recipient<input type="search" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button onClick={() => refetch({ requestPolicy: 'network-only' })}>Refresh</button>
      </p>
      <ErrorMessage error={error} />
      <table aria-label="Outbox">
        <thead><tr><th>Created</th><th>To</th><th>Subject</th><th>Status</th><th>Message</th></tr></thead>
        <tbody>
          {data?.outboxMessages.map((m) => (
            <tr key={m.id}>
              <td>{new Date(m.createdAt).toLocaleString()}</td><td>{m.to}</td><td>{m.subject}</td>
              <td>{m.status}{m.attempts ? ` (${m.attempts} failed: ${m.lastError ?? ''})` : ''}</td>
              <td><pre className="mail">{m.text ?? '(erased after delivery)'}</pre></td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const SetAuditContentPolicy = graphql(`
  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {
    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) { id auditContent { policy retentionDays } }
  }
`);
type Policy = 'NONE' | 'METADATA' | 'FULL';

/** What the proxy keeps of each call; narrowing it erases what it no longer allows. */
export function AuditContentSetting({ organizationId, current, editable }: { organizationId: string; current: { policy: Policy; retentionDays: number }; editable: boolean }) {
  const [form, setForm] = useState({ policy: current.policy, retentionDays: String(current.retentionDays) });
  const [result, save] = useMutation(SetAuditContentPolicy);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ organizationId, policy: form.policy, retentionDays: Number(form.retentionDays) });
  };
  return (
    <section>
      <h2>Call content</h2>
      <p>NONE keeps no content; METADATA keeps parameters and sizes; FULL keeps the request and the answer. Content is erased after the retention period.</p>
      <form className="row" onSubmit={submit}>
        <label>Content policy
          <select aria-label="Content policy" disabled={!editable} value={form.policy} onChange={(e) => setForm({ ...form, policy: e.target.value as Policy })}>
            <option value="NONE">NONE</option><option value="METADATA">METADATA</option><option value="FULL">FULL</option>
          </select>
        </label>
        <label>Retention (days)<input type="number" min={1} max={3650} disabled={!editable} value={form.retentionDays} onChange={(e) => setForm({ ...form, retentionDays: e.target.value })} /></label>
        {editable && <button type="submit">Save content policy</button>}
      </form>
      {result.data && <p role="status">Saved.</p>}
      <ErrorMessage error={result.error} />
    </section>
  );
}

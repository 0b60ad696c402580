import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { AuditContentPolicy } from '../../gql/graphql';

const AuditContentSettingFields = graphql(`
  fragment AuditContentSetting on Organization {
    id
    auditContent {
      policy
      retentionDays
    }
  }
`);
const SetAuditContentPolicy = graphql(`
  mutation SetAuditContentPolicy($organizationId: ID!, $policy: AuditContentPolicy!, $retentionDays: Int!) {
    setAuditContentPolicy(organizationId: $organizationId, policy: $policy, retentionDays: $retentionDays) {
      id
      auditContent {
        policy
        retentionDays
      }
    }
  }
`);
const POLICIES: AuditContentPolicy[] = ['NONE', 'METADATA', 'FULL'];

/** What the proxy keeps of each call; narrowing it erases what it no longer allows. */
export function AuditContentSetting({ organization: ref, editable }: { organization: FragmentType<typeof AuditContentSettingFields>; editable: boolean }) {
  const { id, auditContent: current } = useFragment(AuditContentSettingFields, ref);
  const [form, setForm] = useState({ policy: current.policy, retentionDays: String(current.retentionDays) });
  const [result, save] = useMutation(SetAuditContentPolicy);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ organizationId: id, policy: form.policy, retentionDays: Number(form.retentionDays) });
  };
  return (
    <Card
      title="Call content"
      description="NONE keeps no content; METADATA keeps parameters and sizes; FULL keeps the request and the answer. Content is erased after the retention period."
    >
      <form className="row" onSubmit={submit}>
        <Field label="Content policy">
          <select disabled={!editable} value={form.policy} onChange={(e) => setForm({ ...form, policy: e.target.value as AuditContentPolicy })}>
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Retention (days)">
          <input
            type="number"
            min={1}
            max={3650}
            disabled={!editable}
            value={form.retentionDays}
            onChange={(e) => setForm({ ...form, retentionDays: e.target.value })}
          />
        </Field>
        {editable && (
          <Button type="submit" disabled={result.fetching}>
            Save content policy
          </Button>
        )}
      </form>
      {result.data && !result.fetching && <p role="status">Saved.</p>}
      <ErrorMessage error={result.error} />
    </Card>
  );
}

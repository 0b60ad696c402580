import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ActionsCell, Button, Card, ErrorMessage, Field, Table, useToast } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

const UpstreamRowFields = graphql(`
  fragment UpstreamRow on Upstream {
    id
    name
    baseUrl
    hasCredential
    createdAt
  }
`);
const CreateUpstream = graphql(`
  mutation CreateUpstream($input: UpstreamInput!) {
    createUpstream(input: $input) {
      id
    }
  }
`);
const UpdateUpstream = graphql(`
  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {
    updateUpstream(id: $id, input: $input) {
      id
      name
      baseUrl
      hasCredential
    }
  }
`);

type UpstreamRef = FragmentType<typeof UpstreamRowFields> & { id: string };
const EMPTY = { id: null as string | null, name: '', baseUrl: '', credential: '' };

export function UpstreamsSection({ upstreams, onSaved }: { upstreams: readonly UpstreamRef[]; onSaved: () => void }) {
  const [created, create] = useMutation(CreateUpstream);
  const [updated, update] = useMutation(UpdateUpstream);
  const notify = useToast();
  const [form, setForm] = useState(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On edit a blank credential keeps the stored one (null); on create it means none.
    const input = { name: form.name, baseUrl: form.baseUrl, credential: form.credential || null };
    const result = form.id ? await update({ id: form.id, input }) : await create({ input });
    if (result.error) return;
    notify({ title: form.id ? `Saved upstream ${form.name}` : `Created upstream ${form.name}` });
    setForm(EMPTY);
    onSaved();
  };
  return (
    <Card title="Upstreams" description="OpenAI-compatible endpoints; credentials are stored encrypted and never shown again.">
      <Table
        label="Upstreams"
        columns={['Name', 'Base URL', 'Credential', 'Created', '']}
        empty={{ title: 'No upstreams', hint: 'Add the first endpoint below.' }}
      >
        {upstreams.map((u) => (
          <UpstreamRow key={u.id} upstream={u} onEdit={(v) => setForm({ id: v.id, name: v.name, baseUrl: v.baseUrl, credential: '' })} />
        ))}
      </Table>
      <form className="row" aria-label={form.id ? 'Edit upstream' : 'Create upstream'} onSubmit={submit}>
        <Field label="Upstream name">
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Base URL">
          <input
            type="url"
            required
            placeholder="https://api.openai.com/v1"
            value={form.baseUrl}
            onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
          />
        </Field>
        <Field label="Credential">
          <input
            type="password"
            autoComplete="new-password"
            placeholder={form.id ? 'blank keeps the current one' : ''}
            value={form.credential}
            onChange={(e) => setForm({ ...form, credential: e.target.value })}
          />
        </Field>
        <Button type="submit" disabled={created.fetching || updated.fetching}>
          {form.id ? 'Save upstream' : 'Create upstream'}
        </Button>
        {form.id && (
          <Button variant="ghost" onClick={() => setForm(EMPTY)}>
            Cancel
          </Button>
        )}
      </form>
      <ErrorMessage error={created.error ?? updated.error} />
    </Card>
  );
}

function UpstreamRow({ upstream: ref, onEdit }: { upstream: UpstreamRef; onEdit: (u: { id: string; name: string; baseUrl: string }) => void }) {
  const u = useFragment(UpstreamRowFields, ref);
  return (
    <tr>
      <td>{u.name}</td>
      <td>
        <code>{u.baseUrl}</code>
      </td>
      <td>{u.hasCredential ? 'set' : 'none'}</td>
      <td>{formatDate(u.createdAt)}</td>
      <ActionsCell>
        <Button variant="secondary" size="small" onClick={() => onEdit(u)}>
          Edit
        </Button>
      </ActionsCell>
    </tr>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { graphql } from '../../gql';

const CreateUpstream = graphql(`
  mutation CreateUpstream($input: UpstreamInput!) {
    createUpstream(input: $input) { id }
  }
`);
const UpdateUpstream = graphql(`
  mutation UpdateUpstream($id: ID!, $input: UpstreamInput!) {
    updateUpstream(id: $id, input: $input) { id name baseUrl hasCredential }
  }
`);

type Upstream = { id: string; name: string; baseUrl: string; hasCredential: boolean; createdAt: string };
const EMPTY = { id: null as string | null, name: '', baseUrl: '', credential: '' };

export function UpstreamsSection({ upstreams, onSaved }: { upstreams: Upstream[]; onSaved: () => void }) {
  const [created, create] = useMutation(CreateUpstream);
  const [updated, update] = useMutation(UpdateUpstream);
  const [form, setForm] = useState(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On edit a blank credential keeps the stored one (null); on create it means none.
    const input = { name: form.name, baseUrl: form.baseUrl, credential: form.credential || null };
    const result = form.id ? await update({ id: form.id, input }) : await create({ input });
    if (result.error) return;
    setForm(EMPTY);
    onSaved();
  };
  return (
    <section>
      <h2>Upstreams</h2>
      <table aria-label="Upstreams">
        <thead><tr><th>Name</th><th>Base URL</th><th>Credential</th><th>Created</th><th /></tr></thead>
        <tbody>
          {upstreams.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td><td><code>{u.baseUrl}</code></td><td>{u.hasCredential ? 'set' : 'none'}</td><td>{formatDate(u.createdAt)}</td>
              <td><button type="button" onClick={() => setForm({ id: u.id, name: u.name, baseUrl: u.baseUrl, credential: '' })}>Edit</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" aria-label={form.id ? 'Edit upstream' : 'Create upstream'} onSubmit={submit}>
        <label>Upstream name<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>Base URL<input type="url" required placeholder="https://api.openai.com/v1" value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} /></label>
        <label>Credential
          <input type="password" autoComplete="new-password" placeholder={form.id ? 'blank keeps the current one' : ''} value={form.credential} onChange={(e) => setForm({ ...form, credential: e.target.value })} />
        </label>
        <button type="submit">{form.id ? 'Save upstream' : 'Create upstream'}</button>
        {form.id && <button type="button" className="link" onClick={() => setForm(EMPTY)}>Cancel</button>}
      </form>
      <ErrorMessage error={created.error ?? updated.error} />
    </section>
  );
}

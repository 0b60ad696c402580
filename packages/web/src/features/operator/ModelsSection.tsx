import { type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormState } from '../../components/useFormState';
import { splitList } from '../../components/format';
import { graphql } from '../../gql';

const CreateModel = graphql(`
  mutation CreateModel($input: ModelInput!) {
    createModel(input: $input) { id }
  }
`);
const UpdateModel = graphql(`
  mutation UpdateModel($id: ID!, $input: ModelInput!) {
    updateModel(id: $id, input: $input) { id name enabled }
  }
`);

type Model = {
  id: string; name: string; upstreamModel?: string | null; inputPricePerMillion: string; cachedInputPricePerMillion?: string | null; outputPricePerMillion: string;
  contextWindow: number; defaultMaxOutputTokens: number; groups: string[]; enabled: boolean; upstream?: { id: string; name: string } | null;
};
const EMPTY = { id: null as string | null, name: '', upstreamId: '', upstreamModel: '', input: '', cachedInput: '', output: '', contextWindow: '', maxOutput: '', groups: '', enabled: true };
const toForm = (m: Model) => ({
  id: m.id, name: m.name, upstreamId: m.upstream?.id ?? '', upstreamModel: m.upstreamModel ?? '', input: m.inputPricePerMillion, cachedInput: m.cachedInputPricePerMillion ?? '',
  output: m.outputPricePerMillion, contextWindow: String(m.contextWindow), maxOutput: String(m.defaultMaxOutputTokens), groups: m.groups.join(', '), enabled: m.enabled,
});

export function ModelsSection({ models, upstreams, onSaved }: { models: Model[]; upstreams: Array<{ id: string; name: string }>; onSaved: () => void }) {
  const [created, create] = useMutation(CreateModel);
  const [updated, update] = useMutation(UpdateModel);
  const [form, setForm, field] = useFormState(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name, upstreamId: form.upstreamId, upstreamModel: form.upstreamModel, inputPricePerMillion: form.input.trim(),
      cachedInputPricePerMillion: form.cachedInput.trim() || null, outputPricePerMillion: form.output.trim(),
      contextWindow: Number(form.contextWindow), defaultMaxOutputTokens: Number(form.maxOutput), groups: splitList(form.groups), enabled: form.enabled,
    };
    const result = form.id ? await update({ id: form.id, input }) : await create({ input });
    if (result.error) return;
    setForm(EMPTY);
    onSaved();
  };
  const money = { inputMode: 'decimal' as const, pattern: '\\d+(\\.\\d{1,6})?', required: true };
  return (
    <section>
      <h2>Models</h2>
      <table aria-label="Models">
        <thead><tr><th>Name</th><th>Upstream</th><th>Input / M</th><th>Cached input / M</th><th>Output / M</th><th>Context</th><th>Max output</th><th>Groups</th><th>Enabled</th><th /></tr></thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td><td>{m.upstream?.name ?? '—'} / {m.upstreamModel ?? '—'}</td>
              <td>${m.inputPricePerMillion}</td><td>{m.cachedInputPricePerMillion == null ? 'as input' : `$${m.cachedInputPricePerMillion}`}</td><td>${m.outputPricePerMillion}</td><td>{m.contextWindow}</td><td>{m.defaultMaxOutputTokens}</td>
              <td>{m.groups.join(', ') || '—'}</td><td>{m.enabled ? 'yes' : 'no'}</td>
              <td><button type="button" onClick={() => setForm(toForm(m))}>Edit</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" aria-label={form.id ? 'Edit model' : 'Create model'} onSubmit={submit}>
        <label>Model name<input required {...field('name')} /></label>
        <label>Upstream
          <select required aria-label="Upstream" {...field('upstreamId')}>
            <option value="">Choose…</option>
            {upstreams.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label>Upstream model<input required {...field('upstreamModel')} /></label>
        <label>Input price per million (USD)<input {...money} {...field('input')} /></label>
        <label>Cached input price per million (USD, optional)<input inputMode="decimal" pattern={money.pattern} placeholder="as input" {...field('cachedInput')} /></label>
        <label>Output price per million (USD)<input {...money} {...field('output')} /></label>
        <label>Context window<input type="number" min={1} required {...field('contextWindow')} /></label>
        <label>Default max output tokens<input type="number" min={1} required {...field('maxOutput')} /></label>
        <label>Access groups (comma separated)<input {...field('groups')} /></label>
        <label className="check"><input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />Enabled</label>
        <button type="submit">{form.id ? 'Save model' : 'Create model'}</button>
        {form.id && <button type="button" className="link" onClick={() => setForm(EMPTY)}>Cancel</button>}
      </form>
      <ErrorMessage error={created.error ?? updated.error} />
    </section>
  );
}

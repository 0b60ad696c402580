import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { endOfUtcDay, optionalInt } from '../../components/format';
import { graphql } from '../../gql';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {
    createApiKey(projectId: $projectId, input: $input) { secret apiKey { id } }
  }
`);

const EMPTY = { name: '', expiresOn: '', models: [] as string[], rpm: '', tpm: '', dailyBudget: '', serviceAccount: false };

interface Props {
  projectId: string;
  /** The models the project may call; a key narrows them (none chosen: all of them). */
  models: string[];
  mayCreateServiceAccount: boolean;
  onCreated: (secret: string) => void;
}

export function CreateApiKey({ projectId, models, mayCreateServiceAccount, onCreated }: Props) {
  const [created, create] = useMutation(CreateApiKeyMutation);
  const [form, setForm] = useState(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name,
      expiresAt: endOfUtcDay(form.expiresOn),
      allowedModels: form.models.length ? form.models : null,
      limits: { rpm: optionalInt(form.rpm), tpm: optionalInt(form.tpm), dailyBudget: form.dailyBudget.trim() || null },
      serviceAccount: mayCreateServiceAccount && form.serviceAccount,
    };
    const result = await create({ projectId, input });
    if (!result.data) return;
    setForm(EMPTY);
    onCreated(result.data.createApiKey.secret);
  };
  return (
    <section>
      <h2>Create a key</h2>
      <form className="row" aria-label="Create API key" onSubmit={submit}>
        <label>Key name<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>Expires on (UTC)<input type="date" value={form.expiresOn} onChange={(e) => setForm({ ...form, expiresOn: e.target.value })} /></label>
        <label>Allowed models
          <select multiple aria-label="Allowed models" value={form.models} onChange={(e) => setForm({ ...form, models: [...e.target.selectedOptions].map((o) => o.value) })}>
            {models.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
          <small>None selected: every model of the project.</small>
        </label>
        <label>Requests per minute<input type="number" min={1} value={form.rpm} onChange={(e) => setForm({ ...form, rpm: e.target.value })} /></label>
        <label>Tokens per minute<input type="number" min={1} value={form.tpm} onChange={(e) => setForm({ ...form, tpm: e.target.value })} /></label>
        <label>Daily budget (USD)<input inputMode="decimal" pattern="\d+(\.\d{1,6})?" placeholder="10.00" value={form.dailyBudget} onChange={(e) => setForm({ ...form, dailyBudget: e.target.value })} /></label>
        {mayCreateServiceAccount && (
          <label className="check"><input type="checkbox" checked={form.serviceAccount} onChange={(e) => setForm({ ...form, serviceAccount: e.target.checked })} />Service account</label>
        )}
        <button type="submit" disabled={created.fetching}>Create key</button>
      </form>
      <ErrorMessage error={created.error} />
    </section>
  );
}

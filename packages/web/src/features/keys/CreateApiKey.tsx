import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, CheckField, endOfUtcDay, ErrorMessage, Field, fieldErrors, hasErrors, optionalInt, useFormState, type Errors } from '../../components';
import { graphql } from '../../gql';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($projectId: ID!, $input: CreateApiKeyInput!) {
    createApiKey(projectId: $projectId, input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);

const EMPTY = { name: '', expiresOn: '', models: [] as string[], rpm: '', tpm: '', dailyBudget: '', serviceAccount: false };
/** Where the server's field ("limits.rpm") is in this form. */
const place = (field: string) =>
  ({ name: 'name', expiresAt: 'expiresOn', allowedModels: 'models', 'limits.rpm': 'rpm', 'limits.tpm': 'tpm', 'limits.dailyBudget': 'dailyBudget' })[field] ??
  null;

interface Props {
  projectId: string;
  /** The models the project may call; a key narrows them (none chosen: all of them). */
  models: string[];
  mayCreateServiceAccount: boolean;
  onCreated: (secret: string) => void;
}

export function CreateApiKey({ projectId, models, mayCreateServiceAccount, onCreated }: Props) {
  const [created, create] = useMutation(CreateApiKeyMutation);
  const [form, setForm, text] = useFormState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
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
    setErrors(fieldErrors(result.error, place));
    if (!result.data) return;
    setForm(EMPTY);
    onCreated(result.data.createApiKey.secret);
  };
  return (
    <Card title="Create a key">
      <form aria-label="Create API key" onSubmit={submit}>
        <div className="fields">
          <Field label="Key name" error={errors.name}>
            <input required {...text('name')} />
          </Field>
          <Field label="Expires on (UTC)" error={errors.expiresOn}>
            <input type="date" {...text('expiresOn')} />
          </Field>
          <Field label="Allowed models" note="None selected: every model of the project." error={errors.models}>
            <select multiple value={form.models} onChange={(e) => setForm({ ...form, models: [...e.target.selectedOptions].map((o) => o.value) })}>
              {models.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Requests per minute" error={errors.rpm}>
            <input type="number" min={1} {...text('rpm')} />
          </Field>
          <Field label="Tokens per minute" error={errors.tpm}>
            <input type="number" min={1} {...text('tpm')} />
          </Field>
          <Field label="Daily budget (USD)" error={errors.dailyBudget}>
            <input inputMode="decimal" pattern="\d+(\.\d{1,6})?" placeholder="10.00" {...text('dailyBudget')} />
          </Field>
          {mayCreateServiceAccount && (
            <CheckField label="Service account" checked={form.serviceAccount} onChange={(serviceAccount) => setForm({ ...form, serviceAccount })} />
          )}
        </div>
        <Button type="submit" disabled={created.fetching}>
          Create key
        </Button>
        {!hasErrors(errors) && <ErrorMessage error={created.error} />}
      </form>
    </Card>
  );
}

import type { ResultOf } from '@graphql-typed-document-node/core';
import { type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ActionsCell, Badge, Button, Card, CheckField, ErrorMessage, Field, splitList, Table, useFormState, useToast } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { listOf } from '../../lib/format';

const CatalogModelRowFields = graphql(`
  fragment CatalogModelRow on Model {
    id
    name
    upstreamModel
    inputPricePerMillion
    cachedInputPricePerMillion
    outputPricePerMillion
    contextWindow
    defaultMaxOutputTokens
    groups
    enabled
    upstream {
      id
      name
    }
  }
`);
const CreateModel = graphql(`
  mutation CreateModel($input: ModelInput!) {
    createModel(input: $input) {
      id
    }
  }
`);
const UpdateModel = graphql(`
  mutation UpdateModel($id: ID!, $input: ModelInput!) {
    updateModel(id: $id, input: $input) {
      id
      name
      enabled
    }
  }
`);

type ModelRef = FragmentType<typeof CatalogModelRowFields> & { id: string };
type Model = ResultOf<typeof CatalogModelRowFields>;
const EMPTY = {
  id: null as string | null,
  name: '',
  upstreamId: '',
  upstreamModel: '',
  input: '',
  cachedInput: '',
  output: '',
  contextWindow: '',
  maxOutput: '',
  groups: '',
  enabled: true,
};
const toForm = (m: Model) => ({
  id: m.id,
  name: m.name,
  upstreamId: m.upstream?.id ?? '',
  upstreamModel: m.upstreamModel ?? '',
  input: m.inputPricePerMillion,
  cachedInput: m.cachedInputPricePerMillion ?? '',
  output: m.outputPricePerMillion,
  contextWindow: String(m.contextWindow),
  maxOutput: String(m.defaultMaxOutputTokens),
  groups: m.groups.join(', '),
  enabled: m.enabled,
});

export function ModelsSection({
  models,
  upstreams,
  onSaved,
}: {
  models: readonly ModelRef[];
  upstreams: ReadonlyArray<{ id: string; name: string }>;
  onSaved: () => void;
}) {
  const [created, create] = useMutation(CreateModel);
  const [updated, update] = useMutation(UpdateModel);
  const notify = useToast();
  const [form, setForm, field] = useFormState(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: form.name,
      upstreamId: form.upstreamId,
      upstreamModel: form.upstreamModel,
      inputPricePerMillion: form.input.trim(),
      cachedInputPricePerMillion: form.cachedInput.trim() || null,
      outputPricePerMillion: form.output.trim(),
      contextWindow: Number(form.contextWindow),
      defaultMaxOutputTokens: Number(form.maxOutput),
      groups: splitList(form.groups),
      enabled: form.enabled,
    };
    const result = form.id ? await update({ id: form.id, input }) : await create({ input });
    if (result.error) return;
    notify({ title: form.id ? `Saved model ${form.name}` : `Created model ${form.name}` });
    setForm(EMPTY);
    onSaved();
  };
  const money = { inputMode: 'decimal' as const, pattern: '\\d+(\\.\\d{1,6})?', required: true };
  return (
    <Card title="Models" description="Prices are per million tokens; a model without a cached-input price charges cached tokens as input.">
      <Table
        label="Models"
        columns={['Name', 'Upstream', 'Input / M', 'Cached input / M', 'Output / M', 'Context', 'Max output', 'Groups', 'Enabled', '']}
        empty={{ title: 'No models', hint: 'Add one below, routed to an upstream.' }}
      >
        {models.map((m) => (
          <ModelRow key={m.id} model={m} onEdit={(model) => setForm(toForm(model))} />
        ))}
      </Table>
      <form aria-label={form.id ? 'Edit model' : 'Create model'} onSubmit={submit}>
        <div className="fields">
          <Field label="Model name">
            <input required {...field('name')} />
          </Field>
          <Field label="Upstream">
            <select required {...field('upstreamId')}>
              <option value="">Choose…</option>
              {upstreams.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Upstream model">
            <input required {...field('upstreamModel')} />
          </Field>
          <Field label="Input price per million (USD)">
            <input {...money} {...field('input')} />
          </Field>
          <Field label="Cached input price per million (USD, optional)">
            <input inputMode="decimal" pattern={money.pattern} placeholder="as input" {...field('cachedInput')} />
          </Field>
          <Field label="Output price per million (USD)">
            <input {...money} {...field('output')} />
          </Field>
          <Field label="Context window">
            <input type="number" min={1} required {...field('contextWindow')} />
          </Field>
          <Field label="Default max output tokens">
            <input type="number" min={1} required {...field('maxOutput')} />
          </Field>
          <Field label="Access groups (comma separated)">
            <input {...field('groups')} />
          </Field>
          <CheckField label="Enabled" checked={form.enabled} onChange={(enabled) => setForm({ ...form, enabled })} />
        </div>
        <div className="actions">
          <Button type="submit" disabled={created.fetching || updated.fetching}>
            {form.id ? 'Save model' : 'Create model'}
          </Button>
          {form.id && (
            <Button variant="ghost" onClick={() => setForm(EMPTY)}>
              Cancel
            </Button>
          )}
        </div>
      </form>
      <ErrorMessage error={created.error ?? updated.error} />
    </Card>
  );
}

function ModelRow({ model: ref, onEdit }: { model: ModelRef; onEdit: (model: Model) => void }) {
  const m = useFragment(CatalogModelRowFields, ref);
  return (
    <tr>
      <td>{m.name}</td>
      <td>
        {m.upstream?.name ?? '—'} / {m.upstreamModel ?? '—'}
      </td>
      <td>${m.inputPricePerMillion}</td>
      <td>{m.cachedInputPricePerMillion == null ? 'as input' : `$${m.cachedInputPricePerMillion}`}</td>
      <td>${m.outputPricePerMillion}</td>
      <td>{m.contextWindow.toLocaleString()}</td>
      <td>{m.defaultMaxOutputTokens.toLocaleString()}</td>
      <td>{listOf(m.groups)}</td>
      <td>{m.enabled ? <Badge tone="success">yes</Badge> : <Badge>no</Badge>}</td>
      <ActionsCell>
        <Button variant="secondary" size="small" onClick={() => onEdit(m)}>
          Edit
        </Button>
      </ActionsCell>
    </tr>
  );
}

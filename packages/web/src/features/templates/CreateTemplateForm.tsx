import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field, fieldErrors, hasErrors, splitLines, useFormState, type Errors } from '../../components';
import { graphql } from '../../gql';
import { EMPTY_QUOTA, QUOTA_FIELDS, QuotaFields, quotaForm, quotaInput, validateQuota, type QuotaForm } from '../limits/QuotaFields';

const CreateProjectTemplate = graphql(`
  mutation CreateProjectTemplate($organizationId: ID!, $input: CreateProjectTemplateInput!) {
    createProjectTemplate(organizationId: $organizationId, input: $input) {
      id
      name
    }
  }
`);

const CATEGORIES = ['Starter', 'Professional', 'Enterprise', 'Custom'];
const EMPTY = { name: '', description: '', category: 'Custom', tags: '', apiKeyNames: '' };

/** Where the server's field ("config.quota.dailyBudget", "tags.2") is in this form. */
function place(field: string): string | null {
  const quota = field.replace(/^config\.quota\./, '');
  if (field.startsWith('config.quota.') && QUOTA_FIELDS.has(quota)) return quota;
  if (field.startsWith('config.apiKeyNames')) return 'apiKeyNames';
  const top = field.split('.')[0]!;
  return top in EMPTY ? top : null;
}

/** A template private to the organization: quota and service-account keys every project made from it gets. */
export function CreateTemplateForm({ organizationId, onCreated }: { organizationId: string; onCreated: () => void }) {
  const [created, create] = useMutation(CreateProjectTemplate);
  const [form, setForm, text] = useFormState(EMPTY);
  const [quota, setQuota] = useState<QuotaForm>(() => quotaForm(EMPTY_QUOTA));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...validateQuota(quota), ...(form.name.trim() ? {} : { name: 'Enter a name.' }) };
    setErrors(found);
    if (hasErrors(found)) return;
    const input = {
      name: form.name,
      description: form.description,
      category: form.category,
      tags: splitLines(form.tags),
      config: { quota: quotaInput(quota), apiKeyNames: splitLines(form.apiKeyNames) },
    };
    const result = await create({ organizationId, input });
    setErrors(fieldErrors(result.error, place));
    if (!result.data) return;
    setForm(EMPTY);
    setQuota(quotaForm(EMPTY_QUOTA));
    onCreated();
  };
  return (
    <Card title="Create a template" description="Private to this organization: the quota and the service-account keys every project made from it gets.">
      <form aria-label="Create template" noValidate onSubmit={submit}>
        <div className="fields">
          <Field label="Template name" error={errors.name}>
            <input {...text('name')} />
          </Field>
          <Field label="Description" error={errors.description}>
            <input {...text('description')} />
          </Field>
          <Field label="Category" error={errors.category}>
            <select {...text('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Tags (comma separated)" error={errors.tags}>
            <input {...text('tags')} />
          </Field>
        </div>
        <QuotaFields form={quota} onChange={setQuota} errors={errors} />
        <Field label="API key names (one per line or comma separated)" error={errors.apiKeyNames}>
          <textarea rows={3} {...text('apiKeyNames')} />
        </Field>
        <Button type="submit" disabled={created.fetching}>
          Create template
        </Button>
        {created.data && !hasErrors(errors) && <p role="status">Created template {created.data.createProjectTemplate.name}.</p>}
        {!hasErrors(errors) && <ErrorMessage error={created.error} />}
      </form>
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { hasErrors, serverErrors, type Errors } from './fields';
import { QUOTA_FIELDS, QuotaFields, quotaForm, quotaInput, validateQuota, type Quota } from './QuotaFields';

const SetProjectQuota = graphql(`
  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {
    setProjectQuota(projectId: $projectId, input: $input) {
      projectId
      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }
      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }
    }
  }
`);

interface Props {
  projectId: string;
  settings: { quota: Quota; effective: Quota };
  editable: boolean;
}

/** The project's quota as asked, each limit beside what is enforced; replaced whole on save. */
export function ProjectQuotaForm({ projectId, settings, editable }: Props) {
  const [saved, save] = useMutation(SetProjectQuota);
  const [form, setForm] = useState(() => quotaForm(settings.quota));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateQuota(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({ projectId, input: quotaInput(form) });
    setErrors(serverErrors(result.error, (field) => (QUOTA_FIELDS.has(field) ? field : null)));
    if (result.data) setForm(quotaForm(result.data.setProjectQuota.quota));
  };
  return (
    <form aria-label="Project quota" noValidate onSubmit={submit}>
      <QuotaFields form={form} onChange={setForm} errors={errors} disabled={!editable} settings={settings} />
      {editable && <button type="submit" disabled={saved.fetching}>Save quota</button>}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

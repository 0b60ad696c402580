import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, fieldErrors, hasErrors, type Errors } from '../../components';
import { graphql, useFragment as readFragment, type FragmentType } from '../../gql';
import { QUOTA_FIELDS, QuotaFields, quotaForm, quotaInput, QuotaValues, validateQuota, type Quota } from './QuotaFields';

const ProjectQuotaFormFields = graphql(`
  fragment ProjectQuotaForm on ProjectQuotaSettings {
    projectId
    quota {
      ...QuotaValues
    }
    effective {
      ...QuotaValues
    }
  }
`);
const SetProjectQuota = graphql(`
  mutation SetProjectQuota($projectId: ID!, $input: ProjectQuotaInput!) {
    setProjectQuota(projectId: $projectId, input: $input) {
      ...ProjectQuotaForm
    }
  }
`);

interface Props {
  projectId: string;
  settings: FragmentType<typeof ProjectQuotaFormFields>;
  editable: boolean;
}

const unmask = (ref: FragmentType<typeof ProjectQuotaFormFields>): { quota: Quota; effective: Quota } => {
  const settings = readFragment(ProjectQuotaFormFields, ref);
  return { quota: readFragment(QuotaValues, settings.quota), effective: readFragment(QuotaValues, settings.effective) };
};

/** The project's quota as asked, each limit beside what is enforced; replaced whole on save. */
export function ProjectQuotaForm({ projectId, settings: ref, editable }: Props) {
  const [saved, save] = useMutation(SetProjectQuota);
  // After a save the answer is what the form shows beside each field.
  const settings = unmask(saved.data?.setProjectQuota ?? ref);
  const [form, setForm] = useState(() => quotaForm(settings.quota));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateQuota(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({ projectId, input: quotaInput(form) });
    setErrors(fieldErrors(result.error, (field) => (QUOTA_FIELDS.has(field) ? field : null)));
    if (result.data) setForm(quotaForm(unmask(result.data.setProjectQuota).quota));
  };
  return (
    <form aria-label="Project quota" noValidate onSubmit={submit}>
      <QuotaFields form={form} onChange={setForm} errors={errors} disabled={!editable} settings={settings} />
      {editable && (
        <Button type="submit" disabled={saved.fetching}>
          Save quota
        </Button>
      )}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

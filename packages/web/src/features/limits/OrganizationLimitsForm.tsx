import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { formOf, hasErrors, inputOf, ORGANIZATION_LIMITS, serverErrors, validate, type Errors, type LimitValues } from './fields';
import { LimitInput } from './LimitInput';

const SetOrganizationLimits = graphql(`
  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {
    setOrganizationLimits(organizationId: $organizationId, input: $input) { rpm tpm rph rpd tpd dailyBudget monthlyBudget }
  }
`);

const KEYS = new Set<string>(ORGANIZATION_LIMITS.map((f) => f.key));

/** The organization's limits, replaced whole on save; read-only without organization.configure. */
export function OrganizationLimitsForm({ organizationId, current, editable }: { organizationId: string; current: LimitValues<typeof ORGANIZATION_LIMITS>; editable: boolean }) {
  const [saved, save] = useMutation(SetOrganizationLimits);
  const [form, setForm] = useState(() => formOf(ORGANIZATION_LIMITS, current));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(ORGANIZATION_LIMITS, form);
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({ organizationId, input: inputOf(ORGANIZATION_LIMITS, form) });
    setErrors(serverErrors(result.error, (field) => (KEYS.has(field) ? field : null)));
    if (result.data) setForm(formOf(ORGANIZATION_LIMITS, result.data.setOrganizationLimits));
  };
  return (
    <form aria-label="Organization limits" noValidate onSubmit={submit}>
      <div className="fields">
        {ORGANIZATION_LIMITS.map((f) => (
          <LimitInput key={f.key} label={f.label} kind={f.kind} value={form[f.key]} error={errors[f.key]} disabled={!editable} onChange={(value) => setForm({ ...form, [f.key]: value })} />
        ))}
      </div>
      {editable && <button type="submit" disabled={saved.fetching}>Save limits</button>}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

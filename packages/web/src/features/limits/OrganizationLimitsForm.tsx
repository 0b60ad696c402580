import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, fieldErrors, hasErrors, type Errors } from '../../components';
import { graphql, useFragment, useFragment as readFragment, type FragmentType } from '../../gql';
import { formOf, inputOf, ORGANIZATION_LIMITS, validate } from './fields';
import { LimitInput } from './LimitInput';

const OrganizationLimitValues = graphql(`
  fragment OrganizationLimitValues on OrganizationLimits {
    rpm
    tpm
    rph
    rpd
    tpd
    dailyBudget
    monthlyBudget
  }
`);
const SetOrganizationLimits = graphql(`
  mutation SetOrganizationLimits($organizationId: ID!, $input: OrganizationLimitsInput!) {
    setOrganizationLimits(organizationId: $organizationId, input: $input) {
      ...OrganizationLimitValues
    }
  }
`);

const KEYS = ORGANIZATION_LIMITS.map((f) => f.key);

/** The organization's limits, replaced whole on save; read-only without CONFIGURE. */
export function OrganizationLimitsForm({
  organizationId,
  current: ref,
  editable,
}: {
  organizationId: string;
  current: FragmentType<typeof OrganizationLimitValues>;
  editable: boolean;
}) {
  const current = useFragment(OrganizationLimitValues, ref);
  const [saved, save] = useMutation(SetOrganizationLimits);
  const [form, setForm] = useState(() => formOf(ORGANIZATION_LIMITS, current));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(ORGANIZATION_LIMITS, form);
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({ organizationId, input: inputOf(ORGANIZATION_LIMITS, form) });
    setErrors(fieldErrors(result.error, KEYS));
    if (result.data) setForm(formOf(ORGANIZATION_LIMITS, readFragment(OrganizationLimitValues, result.data.setOrganizationLimits)));
  };
  return (
    <form aria-label="Organization limits" noValidate onSubmit={submit}>
      <div className="fields">
        {ORGANIZATION_LIMITS.map((f) => (
          <LimitInput
            key={f.key}
            label={f.label}
            kind={f.kind}
            value={form[f.key]}
            error={errors[f.key]}
            disabled={!editable}
            onChange={(value) => setForm({ ...form, [f.key]: value })}
          />
        ))}
      </div>
      {editable && (
        <Button type="submit" disabled={saved.fetching}>
          Save limits
        </Button>
      )}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

import { type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, Field, fieldErrors, useFormState } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';

const VerificationPrefill = graphql(`
  fragment VerificationPrefill on OrganizationVerification {
    companyName
    registrationNumber
    contactName
    contactEmail
    country
  }
`);
const SubmitVerification = graphql(`
  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {
    submitOrganizationVerification(organizationId: $organizationId, input: $input) {
      id
      status
    }
  }
`);

type Details = { companyName: string; registrationNumber: string; contactName: string; contactEmail: string; country: string };
const FIELDS: Array<[keyof Details, string, string?]> = [
  ['companyName', 'Company name'],
  ['registrationNumber', 'Registration number'],
  ['contactName', 'Contact name'],
  ['contactEmail', 'Contact email', 'email'],
  ['country', 'Country (ISO code)'],
];

/** Company details for the operator to verify; a rejected request's details prefill a new one. */
export function VerificationForm({
  organizationId,
  previous: ref,
  onSubmitted,
}: {
  organizationId: string;
  previous: FragmentType<typeof VerificationPrefill> | null;
  onSubmitted: () => void;
}) {
  const previous = useFragment(VerificationPrefill, ref);
  const [submitted, submit] = useMutation(SubmitVerification);
  const [form, , text] = useFormState<Details>({
    companyName: previous?.companyName ?? '',
    registrationNumber: previous?.registrationNumber ?? '',
    contactName: previous?.contactName ?? '',
    contactEmail: previous?.contactEmail ?? '',
    country: previous?.country ?? '',
  });
  const errors = fieldErrors(
    submitted.error,
    FIELDS.map(([key]) => key),
  );
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit({ organizationId, input: { ...form, country: form.country.trim().toUpperCase() } });
    if (result.data) onSubmitted();
  };
  return (
    <form className="stack narrow" aria-label="Request verification" onSubmit={send}>
      {FIELDS.map(([key, label, type]) => (
        <Field key={key} label={label} error={errors[key]}>
          <input type={type ?? 'text'} required maxLength={key === 'country' ? 2 : undefined} {...text(key)} />
        </Field>
      ))}
      <Button type="submit" disabled={submitted.fetching}>
        Submit for verification
      </Button>
      {Object.keys(errors).length === 0 && <ErrorMessage error={submitted.error} />}
    </form>
  );
}

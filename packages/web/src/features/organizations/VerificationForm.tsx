import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const SubmitVerification = graphql(`
  mutation SubmitOrganizationVerification($organizationId: ID!, $input: OrganizationVerificationInput!) {
    submitOrganizationVerification(organizationId: $organizationId, input: $input) { id status }
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
export function VerificationForm({ organizationId, previous, onSubmitted }: { organizationId: string; previous: Details | null; onSubmitted: () => void }) {
  const [submitted, submit] = useMutation(SubmitVerification);
  const [form, setForm] = useState<Details>({
    companyName: previous?.companyName ?? '', registrationNumber: previous?.registrationNumber ?? '',
    contactName: previous?.contactName ?? '', contactEmail: previous?.contactEmail ?? '', country: previous?.country ?? '',
  });
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit({ organizationId, input: { ...form, country: form.country.trim().toUpperCase() } });
    if (result.data) onSubmitted();
  };
  return (
    <form className="stack narrow" aria-label="Request verification" onSubmit={send}>
      {FIELDS.map(([key, label, type]) => (
        <label key={key}>{label}
          <input type={type ?? 'text'} required value={form[key]} maxLength={key === 'country' ? 2 : undefined} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
        </label>
      ))}
      <button type="submit" disabled={submitted.fetching}>Submit for verification</button>
      <ErrorMessage error={submitted.error} />
    </form>
  );
}

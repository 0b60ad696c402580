import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { id displayName }
  }
`);

export function CreateOrganizationPage() {
  const [result, create] = useMutation(CreateOrganization);
  const [form, setForm] = useState({ name: '', displayName: '' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await create({ input: form });
    // A full load refreshes the organization list in the header.
    if (res.data) window.location.assign(`/orgs/${res.data.createOrganization.id}`);
  };
  return (
    <main className="narrow">
      <h1>Create an organization</h1>
      <form onSubmit={submit} className="stack">
        <label>Display name<input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required /></label>
        <label>Identifier<input value={form.name} placeholder="acme" onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
        <button type="submit">Create organization</button>
        <ErrorMessage error={result.error} />
      </form>
    </main>
  );
}

import { type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field, fieldErrors, useFormState } from '../../components';
import { graphql } from '../../gql';

const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      displayName
    }
  }
`);

export function CreateOrganizationPage() {
  const [result, create] = useMutation(CreateOrganization);
  const [form, , text] = useFormState({ name: '', displayName: '' });
  const errors = fieldErrors(result.error, ['name', 'displayName']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await create({ input: form });
    // A full load refreshes the organization list in the header.
    if (res.data) window.location.assign(`/orgs/${res.data.createOrganization.id}`);
  };
  return (
    <main className="narrow">
      <Card>
        <h1>Create an organization</h1>
        <form onSubmit={submit} className="stack" style={{ marginTop: 'var(--space-4)' }}>
          <Field label="Display name" error={errors.displayName}>
            <input required {...text('displayName')} />
          </Field>
          <Field label="Identifier" note="Lower case letters, digits and dashes." error={errors.name}>
            <input placeholder="acme" required {...text('name')} />
          </Field>
          <Button type="submit" disabled={result.fetching}>
            Create organization
          </Button>
          {!errors.name && !errors.displayName && <ErrorMessage error={result.error} />}
        </form>
      </Card>
    </main>
  );
}

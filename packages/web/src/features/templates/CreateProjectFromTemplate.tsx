import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field, SecretOnce } from '../../components';
import { graphql } from '../../gql';

const CreateFromTemplate = graphql(`
  mutation CreateProjectFromTemplate($organizationId: ID!, $templateId: ID!, $input: CreateProjectInput!) {
    createProjectFromTemplate(organizationId: $organizationId, templateId: $templateId, input: $input) {
      project {
        id
        name
      }
      apiKeys {
        secret
        apiKey {
          id
          name
        }
      }
    }
  }
`);

interface Props {
  organizationId: string;
  templates: ReadonlyArray<{ id: string; name: string }>;
  onCreated: () => void;
}

/** A new project with a template's quota, access and keys; the keys' secrets live only in this state. */
export function CreateProjectFromTemplate({ organizationId, templates, onCreated }: Props) {
  const [result, create] = useMutation(CreateFromTemplate);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [name, setName] = useState('');
  const [made, setMade] = useState<typeof result.data>(undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await create({ organizationId, templateId, input: { name } });
    if (!res.data) return;
    setMade(res.data);
    setName('');
    onCreated();
  };
  const created = made?.createProjectFromTemplate;
  return (
    <Card title="Create a project from a template">
      <form className="row" aria-label="Create project from template" onSubmit={submit}>
        <Field label="Template">
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} required>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="New project name">
          <input value={name} placeholder="production" onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Button type="submit" disabled={result.fetching}>
          Create from template
        </Button>
      </form>
      <ErrorMessage error={result.error} />
      {created && (
        <div aria-label="Created project">
          <p role="status">
            Created <Link to={`/orgs/${organizationId}/projects/${created.project.id}`}>{created.project.name}</Link>
            {created.apiKeys.length ? ' with these API keys:' : '.'}
          </p>
          {created.apiKeys.map((k) => (
            <div key={k.apiKey.id}>
              <strong>{k.apiKey.name}</strong>
              <SecretOnce label={`Secret of ${k.apiKey.name}`} secret={k.secret} />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, CheckField, ErrorMessage, Field, useToast } from '../../components';
import { graphql } from '../../gql';

const OrganizationModelAccess = graphql(`
  query OrganizationModelAccess($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      modelAccess {
        models
        groups
      }
    }
  }
`);
const SetProjectModelAccess = graphql(`
  mutation SetProjectModelAccess($projectId: ID!, $access: ModelAccessInput) {
    setProjectModelAccess(projectId: $projectId, access: $access) {
      id
      modelAccess {
        models
        groups
      }
    }
  }
`);

type Access = { models: string[]; groups: string[] };
const selected = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/** Picks the project's models and groups from the organization's grant, or inherits all of it. */
export function ProjectModelAccessEditor({
  projectId,
  organizationId,
  current,
  onSaved,
}: {
  projectId: string;
  organizationId: string;
  current: Access | null;
  onSaved: () => void;
}) {
  const [{ data, error }] = useQuery({ query: OrganizationModelAccess, variables: { organizationId } });
  const [saved, save] = useMutation(SetProjectModelAccess);
  const notify = useToast();
  const [inherit, setInherit] = useState(current === null);
  const [access, setAccess] = useState<Access>({ models: current?.models ?? [], groups: current?.groups ?? [] });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  // The organization's grant, plus anything the project still names after the grant narrowed.
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  const models = union(data.organization.modelAccess.models, access.models);
  const groups = union(data.organization.modelAccess.groups, access.groups);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ projectId, access: inherit ? null : access });
    if (!result.data) return;
    notify({ title: "Saved the project's model access" });
    onSaved();
  };
  return (
    <form className="row" aria-label="Project model access" onSubmit={submit}>
      <CheckField label="Inherit all" checked={inherit} onChange={setInherit} />
      <Field label="Project models">
        <select multiple disabled={inherit} value={access.models} onChange={(e) => setAccess({ ...access, models: selected(e.target) })}>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Project access groups">
        <select multiple disabled={inherit} value={access.groups} onChange={(e) => setAccess({ ...access, groups: selected(e.target) })}>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" disabled={saved.fetching}>
        Save model access
      </Button>
      <ErrorMessage error={saved.error} />
    </form>
  );
}

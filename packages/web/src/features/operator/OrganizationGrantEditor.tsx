import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { optionalInt, splitList } from '../../components/format';
import { graphql } from '../../gql';

const SetOrganizationModelAccess = graphql(`
  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {
    setOrganizationModelAccess(organizationId: $organizationId, access: $access) { id modelAccess { models groups } }
  }
`);
const SetOrganizationCaps = graphql(`
  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {
    setOrganizationCaps(organizationId: $organizationId, caps: $caps) { id caps { projectsPerOrganization apiKeysPerProject } }
  }
`);

interface Props {
  organization: { id: string; displayName: string; modelAccess: { models: string[]; groups: string[] }; caps: { projectsPerOrganization: number; apiKeysPerProject: number } };
  onSaved: () => void;
  onClose: () => void;
}

/** Grants models and groups; overrides caps, where blank returns to the tier's default. */
export function OrganizationGrantEditor({ organization: o, onSaved, onClose }: Props) {
  const [grant, setGrant] = useState({ models: o.modelAccess.models.join(', '), groups: o.modelAccess.groups.join(', ') });
  const [caps, setCaps] = useState({ projects: '', keys: '' });
  const [granted, saveGrant] = useMutation(SetOrganizationModelAccess);
  const [capped, saveCaps] = useMutation(SetOrganizationCaps);
  const submitGrant = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveGrant({ organizationId: o.id, access: { models: splitList(grant.models), groups: splitList(grant.groups) } });
    if (result.data) onSaved();
  };
  const submitCaps = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveCaps({ organizationId: o.id, caps: { projectsPerOrganization: optionalInt(caps.projects), apiKeysPerProject: optionalInt(caps.keys) } });
    if (result.data) onSaved();
  };
  return (
    <section aria-label={`Edit ${o.displayName}`}>
      <h2>{o.displayName} <button type="button" className="link" onClick={onClose}>Close</button></h2>
      <form className="row" aria-label="Model access" onSubmit={submitGrant}>
        <label>Models (comma separated)<input value={grant.models} onChange={(e) => setGrant({ ...grant, models: e.target.value })} /></label>
        <label>Access groups (comma separated)<input value={grant.groups} onChange={(e) => setGrant({ ...grant, groups: e.target.value })} /></label>
        <button type="submit" disabled={granted.fetching}>Save model access</button>
      </form>
      <ErrorMessage error={granted.error} />
      <form className="row" aria-label="Caps" onSubmit={submitCaps}>
        <label>Projects per organization<input type="number" min={0} placeholder={`now ${o.caps.projectsPerOrganization}`} value={caps.projects} onChange={(e) => setCaps({ ...caps, projects: e.target.value })} /></label>
        <label>API keys per project<input type="number" min={0} placeholder={`now ${o.caps.apiKeysPerProject}`} value={caps.keys} onChange={(e) => setCaps({ ...caps, keys: e.target.value })} /></label>
        <button type="submit" disabled={capped.fetching}>Save caps</button>
        <small>Blank: the tier's default.</small>
      </form>
      <ErrorMessage error={capped.error} />
    </section>
  );
}

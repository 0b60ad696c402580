import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Dialog, ErrorMessage, Field, optionalInt, splitList, useToast } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';

const OrganizationGrantEditorFields = graphql(`
  fragment OrganizationGrantEditor on Organization {
    id
    displayName
    modelAccess {
      models
      groups
    }
    caps {
      projectsPerOrganization
      apiKeysPerProject
    }
  }
`);
const SetOrganizationModelAccess = graphql(`
  mutation SetOrganizationModelAccess($organizationId: ID!, $access: ModelAccessInput!) {
    setOrganizationModelAccess(organizationId: $organizationId, access: $access) {
      id
      modelAccess {
        models
        groups
      }
    }
  }
`);
const SetOrganizationCaps = graphql(`
  mutation SetOrganizationCaps($organizationId: ID!, $caps: OrganizationCapsInput!) {
    setOrganizationCaps(organizationId: $organizationId, caps: $caps) {
      id
      caps {
        projectsPerOrganization
        apiKeysPerProject
      }
    }
  }
`);

interface Props {
  organization: FragmentType<typeof OrganizationGrantEditorFields>;
  onSaved: () => void;
  onClose: () => void;
}

/** Grants models and groups; overrides caps, where blank returns to the tier's default. In a dialog over the list. */
export function OrganizationGrantEditor({ organization: ref, onSaved, onClose }: Props) {
  const o = useFragment(OrganizationGrantEditorFields, ref);
  const notify = useToast();
  const [grant, setGrant] = useState({ models: o.modelAccess.models.join(', '), groups: o.modelAccess.groups.join(', ') });
  const [caps, setCaps] = useState({ projects: '', keys: '' });
  const [granted, saveGrant] = useMutation(SetOrganizationModelAccess);
  const [capped, saveCaps] = useMutation(SetOrganizationCaps);
  const submitGrant = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveGrant({ organizationId: o.id, access: { models: splitList(grant.models), groups: splitList(grant.groups) } });
    if (!result.data) return;
    notify({ title: `Saved ${o.displayName}'s model access` });
    onSaved();
  };
  const submitCaps = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveCaps({
      organizationId: o.id,
      caps: { projectsPerOrganization: optionalInt(caps.projects), apiKeysPerProject: optionalInt(caps.keys) },
    });
    if (!result.data) return;
    notify({ title: `Saved ${o.displayName}'s caps` });
    onSaved();
  };
  return (
    <Dialog
      title={`Edit ${o.displayName}`}
      description="Models and access groups granted to the organization; caps past its tier's defaults."
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <form aria-label="Model access" onSubmit={submitGrant}>
        <Field label="Models (comma separated)">
          <input value={grant.models} onChange={(e) => setGrant({ ...grant, models: e.target.value })} />
        </Field>
        <Field label="Access groups (comma separated)">
          <input value={grant.groups} onChange={(e) => setGrant({ ...grant, groups: e.target.value })} />
        </Field>
        <Button type="submit" disabled={granted.fetching}>
          Save model access
        </Button>
        <ErrorMessage error={granted.error} />
      </form>
      <hr style={{ border: 0, borderTop: '1px solid var(--color-border)', margin: 'var(--space-4) 0' }} />
      <form aria-label="Caps" onSubmit={submitCaps}>
        <div className="fields">
          <Field label="Projects per organization" note="Blank: the tier's default.">
            <input
              type="number"
              min={0}
              placeholder={`now ${o.caps.projectsPerOrganization}`}
              value={caps.projects}
              onChange={(e) => setCaps({ ...caps, projects: e.target.value })}
            />
          </Field>
          <Field label="API keys per project" note="Blank: the tier's default.">
            <input
              type="number"
              min={0}
              placeholder={`now ${o.caps.apiKeysPerProject}`}
              value={caps.keys}
              onChange={(e) => setCaps({ ...caps, keys: e.target.value })}
            />
          </Field>
        </div>
        <Button type="submit" disabled={capped.fetching}>
          Save caps
        </Button>
        <ErrorMessage error={capped.error} />
      </form>
      <div className="dialog-footer">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

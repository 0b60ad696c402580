import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { Button, Card, ErrorMessage, Field, Loading, StatusBadge, Table, useToast } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useCan } from '../../permissions/useCan';

const ProjectRowFields = graphql(`
  fragment ProjectRow on Project {
    id
    name
    status
    environment
    viewer {
      role
    }
    ...ProjectPermissions
  }
`);
const OrganizationProjects = graphql(`
  query OrganizationProjects($organizationId: ID!) {
    projects(organizationId: $organizationId) {
      id
      ...ProjectRow
    }
  }
`);
const CreateProject = graphql(`
  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {
    createProject(organizationId: $organizationId, input: $input) {
      id
      name
    }
  }
`);

/** The organization's home: its projects, and for project managers a new one. */
export function ProjectsPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [{ data, error }, refetch] = useQuery({ query: OrganizationProjects, variables: { organizationId: organization.id } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <Table
        label="Projects"
        columns={['Name', 'Status', 'Environment', 'Your role']}
        empty={{ title: 'No projects yet', hint: can('PROJECTS_MANAGE') ? 'Create the first one below.' : 'An admin or project manager creates them.' }}
      >
        {data.projects.map((p) => (
          <ProjectRow key={p.id} organizationId={organization.id} project={p} />
        ))}
      </Table>
      {can('PROJECTS_MANAGE') && <CreateProjectForm organizationId={organization.id} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
    </>
  );
}

/** A project's row: its name links to it for those who may view it. */
function ProjectRow({ organizationId, project: ref }: { organizationId: string; project: FragmentType<typeof ProjectRowFields> }) {
  const project = useFragment(ProjectRowFields, ref);
  const can = useCan(project);
  return (
    <tr>
      <td>{can('VIEW') ? <Link to={`/orgs/${organizationId}/projects/${project.id}`}>{project.name}</Link> : project.name}</td>
      <td>
        <StatusBadge status={project.status} />
      </td>
      <td>{project.environment}</td>
      <td>{project.viewer.role ?? '—'}</td>
    </tr>
  );
}

function CreateProjectForm({ organizationId, onCreated }: { organizationId: string; onCreated: () => void }) {
  const [created, createProject] = useMutation(CreateProject);
  const notify = useToast();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createProject({ organizationId, input: { name } });
    if (!result.data) return;
    notify({ title: `Created project ${result.data.createProject.name}` });
    setName('');
    onCreated();
  };
  return (
    <Card title="Create a project">
      <form onSubmit={submit} className="row" aria-label="Create project">
        <Field label="Project name">
          <input value={name} placeholder="production" onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Button type="submit" disabled={created.fetching}>
          Create project
        </Button>
      </form>
      <ErrorMessage error={created.error} />
    </Card>
  );
}

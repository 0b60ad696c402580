import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';

const OrganizationProjects = graphql(`
  query OrganizationProjects($organizationId: ID!) {
    organization(id: $organizationId) { id displayName viewer { role permissions } }
    projects(organizationId: $organizationId) { id name status environment viewer { role } }
  }
`);
const CreateProject = graphql(`
  mutation CreateProject($organizationId: ID!, $input: CreateProjectInput!) {
    createProject(organizationId: $organizationId, input: $input) { id name status environment viewer { role } }
  }
`);

export function ProjectsPage({ organizationId }: { organizationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: OrganizationProjects, variables: { organizationId } });
  const [created, createProject] = useMutation(CreateProject);
  const [name, setName] = useState('');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const can = (permission: string) => data.organization.viewer?.permissions.includes(permission) ?? false;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const res = await createProject({ organizationId, input: { name } });
    if (!res.error) {
      setName('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <main>
      <h1>{data.organization.displayName}</h1>
      <OrganizationTabs organizationId={organizationId} />
      <table aria-label="Projects">
        <thead><tr><th>Name</th><th>Status</th><th>Environment</th><th>Your role</th></tr></thead>
        <tbody>
          {data.projects.map((p) => (
            <tr key={p.id}>
              <td>{p.viewer.role ? <Link to={`/orgs/${organizationId}/projects/${p.id}`}>{p.name}</Link> : p.name}</td>
              <td>{p.status}</td>
              <td>{p.environment}</td>
              <td>{p.viewer.role ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('organization.projects.manage') && (
        <form onSubmit={submit} className="row" aria-label="Create project">
          <label>Project name<input value={name} placeholder="production" onChange={(e) => setName(e.target.value)} required /></label>
          <button type="submit">Create project</button>
          <ErrorMessage error={created.error} />
        </form>
      )}
    </main>
  );
}

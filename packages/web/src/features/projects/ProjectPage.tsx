import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { ProjectModels } from './ProjectModels';

const ProjectDetails = graphql(`
  query ProjectDetails($id: ID!, $organizationId: ID!) {
    project(id: $id) {
      id name description status environment primaryWorkload expectedMonthlySpend escalationContact
      viewer { role permissions }
      members { id userId role user { id name email } }
    }
    members(organizationId: $organizationId, page: 1, size: 100) { data { userId user { id name email } } }
  }
`);
const AddProjectMember = graphql(`
  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
    addProjectMember(projectId: $projectId, userId: $userId, role: $role) { id }
  }
`);
const UpdateProjectMemberRole = graphql(`
  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) { id role }
  }
`);
const RemoveProjectMember = graphql(`
  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {
    removeProjectMember(projectId: $projectId, userId: $userId)
  }
`);

export function ProjectPage() {
  const { orgId, projectId } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: ProjectDetails, variables: { id: projectId!, organizationId: orgId! } });
  const [added, add] = useMutation(AddProjectMember);
  const [changed, changeRole] = useMutation(UpdateProjectMemberRole);
  const [removed, remove] = useMutation(RemoveProjectMember);
  const [candidate, setCandidate] = useState('');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const { project } = data;
  const canManage = project.viewer.permissions.includes('project.members.manage');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const inProject = new Set(project.members?.map((m) => m.userId));
  const candidates = data.members.data.filter((m) => !inProject.has(m.userId));
  return (
    <main>
      <p><Link to={`/orgs/${orgId}`}>← Projects</Link></p>
      <h1>{project.name}</h1>
      <nav className="tabs">
        <Link to={`/orgs/${orgId}/projects/${project.id}/keys`}>API keys</Link>
        <Link to={`/orgs/${orgId}/projects/${project.id}/requests`}>Requests</Link>
        <Link to={`/orgs/${orgId}/projects/${project.id}/quota`}>Quota</Link>
      </nav>
      <dl className="facts">
        <dt>Status</dt><dd>{project.status}</dd>
        <dt>Environment</dt><dd>{project.environment}</dd>
        <dt>Description</dt><dd>{project.description || '—'}</dd>
        <dt>Primary workload</dt><dd>{project.primaryWorkload ?? '—'}</dd>
        <dt>Expected monthly spend</dt><dd>{project.expectedMonthlySpend ? `$${project.expectedMonthlySpend}` : '—'}</dd>
        <dt>Escalation contact</dt><dd>{project.escalationContact ?? '—'}</dd>
      </dl>
      <h2>Members</h2>
      <table aria-label="Project members">
        <thead><tr><th>Name</th><th>Email</th><th>Role</th>{canManage && <th />}</tr></thead>
        <tbody>
          {project.members?.map((m) => (
            <tr key={m.id}>
              <td>{m.user.name}</td>
              <td>{m.user.email}</td>
              <td>
                {canManage ? (
                  <select aria-label={`Project role of ${m.user.email}`} value={m.role} onChange={async (e) => { await changeRole({ projectId: project.id, userId: m.userId, role: e.target.value as 'OWNER' | 'MEMBER' }); reload(); }}>
                    <option value="OWNER">OWNER</option>
                    <option value="MEMBER">MEMBER</option>
                  </select>
                ) : m.role}
              </td>
              {canManage && <td><button className="danger" onClick={async () => { await remove({ projectId: project.id, userId: m.userId }); reload(); }}>Remove</button></td>}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <form className="row" aria-label="Add project member" onSubmit={async (e) => { e.preventDefault(); if (!candidate) return; await add({ projectId: project.id, userId: candidate, role: 'MEMBER' }); setCandidate(''); reload(); }}>
          <label>Organization member
            <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
              <option value="">Choose…</option>
              {candidates.map((c) => <option key={c.userId} value={c.userId}>{c.user.name} ({c.user.email})</option>)}
            </select>
          </label>
          <button type="submit">Add member</button>
        </form>
      )}
      <ErrorMessage error={added.error ?? changed.error ?? removed.error} />
      <ProjectModels projectId={project.id} organizationId={orgId!} canConfigure={project.viewer.permissions.includes('project.configure')} />
    </main>
  );
}

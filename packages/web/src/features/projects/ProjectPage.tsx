import { PROJECT_ROLES, ProjectRole } from '@tollgate/domain';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { ActionsCell, Button, Card, ConfirmDialog, ErrorMessage, Facts, Field, Loading, Table, useToastResult } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { ProjectModels } from './ProjectModels';

const ProjectDetails = graphql(`
  query ProjectDetails($id: ID!, $organizationId: ID!) {
    project(id: $id) {
      id
      description
      primaryWorkload
      expectedMonthlySpend
      escalationContact
      members {
        id
        userId
        ...ProjectMemberRow
      }
    }
    members(organizationId: $organizationId, page: 1, size: 100) {
      data {
        userId
        user {
          id
          name
          email
        }
      }
    }
  }
`);
const ProjectMemberRowFields = graphql(`
  fragment ProjectMemberRow on ProjectMember {
    id
    userId
    role
    user {
      id
      name
      email
    }
  }
`);
const AddProjectMember = graphql(`
  mutation AddProjectMember($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
    addProjectMember(projectId: $projectId, userId: $userId, role: $role) {
      id
    }
  }
`);
const UpdateProjectMemberRole = graphql(`
  mutation UpdateProjectMemberRole($projectId: ID!, $userId: ID!, $role: ProjectRole!) {
    updateProjectMemberRole(projectId: $projectId, userId: $userId, role: $role) {
      id
      role
    }
  }
`);
const RemoveProjectMember = graphql(`
  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {
    removeProjectMember(projectId: $projectId, userId: $userId)
  }
`);

/** A project's overview: its details, its members and the models it may call. */
export function ProjectPage() {
  const { orgId } = useParams();
  const project = useProject();
  const can = useCan(project);
  const [{ data, error }, refetch] = useQuery({ query: ProjectDetails, variables: { id: project.id, organizationId: orgId! } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const details = data.project;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const inProject = new Set(details.members?.map((m) => m.userId));
  const candidates = data.members.data.filter((m) => !inProject.has(m.userId));
  const manage = can('MEMBERS_MANAGE');
  return (
    <>
      <Card title="Details">
        <Facts
          items={[
            ['Description', details.description || '—'],
            ['Primary workload', details.primaryWorkload ?? '—'],
            ['Expected monthly spend', details.expectedMonthlySpend ? `$${details.expectedMonthlySpend}` : '—'],
            ['Escalation contact', details.escalationContact ?? '—'],
          ]}
        />
      </Card>
      <Card title="Members">
        <Table
          label="Project members"
          columns={['Name', 'Email', 'Role', ...(manage ? [''] : [])]}
          empty={{ title: 'No members', hint: 'Organization admins act as owners of every project.' }}
        >
          {details.members?.map((m) => (
            <ProjectMemberRow key={m.id} projectId={project.id} member={m} manage={manage} onChanged={reload} />
          ))}
        </Table>
        {manage && <AddMemberForm projectId={project.id} candidates={candidates} onAdded={reload} />}
      </Card>
      <ProjectModels projectId={project.id} organizationId={orgId!} canConfigure={can('CONFIGURE')} />
    </>
  );
}

interface RowProps {
  projectId: string;
  member: FragmentType<typeof ProjectMemberRowFields>;
  manage: boolean;
  onChanged: () => void;
}

function ProjectMemberRow({ projectId, member: ref, manage, onChanged }: RowProps) {
  const m = useFragment(ProjectMemberRowFields, ref);
  const [, changeRole] = useMutation(UpdateProjectMemberRole);
  const [, remove] = useMutation(RemoveProjectMember);
  const toasted = useToastResult();
  return (
    <tr>
      <td>{m.user.name}</td>
      <td>{m.user.email}</td>
      <td>
        {manage ? (
          <select
            aria-label={`Project role of ${m.user.email}`}
            value={m.role}
            onChange={async (e) => {
              await toasted(changeRole({ projectId, userId: m.userId, role: e.target.value as ProjectRole }), `${m.user.name} is now ${e.target.value}`);
              onChanged();
            }}
          >
            {PROJECT_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          m.role
        )}
      </td>
      {manage && (
        <ActionsCell>
          <ConfirmDialog
            title={`Remove ${m.user.name} from the project?`}
            description="The API keys they created in this project are revoked at once."
            trigger={
              <Button variant="danger" size="small">
                Remove
              </Button>
            }
            confirm="Remove member"
            onConfirm={async () => {
              const r = await toasted(remove({ projectId, userId: m.userId }), `Removed ${m.user.name}`);
              onChanged();
              return !r.error;
            }}
          />
        </ActionsCell>
      )}
    </tr>
  );
}

function AddMemberForm({
  projectId,
  candidates,
  onAdded,
}: {
  projectId: string;
  candidates: Array<{ userId: string; user: { name: string; email: string } }>;
  onAdded: () => void;
}) {
  const [added, add] = useMutation(AddProjectMember);
  const [candidate, setCandidate] = useState('');
  const toasted = useToastResult();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = candidates.find((c) => c.userId === candidate);
    if (!chosen) return;
    const result = await toasted(add({ projectId, userId: candidate, role: ProjectRole.MEMBER }), `Added ${chosen.user.name}`);
    if (result.error) return;
    setCandidate('');
    onAdded();
  };
  return (
    <form className="row" aria-label="Add project member" onSubmit={submit}>
      <Field label="Organization member">
        <select value={candidate} onChange={(e) => setCandidate(e.target.value)}>
          <option value="">Choose…</option>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.user.name} ({c.user.email})
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" disabled={added.fetching || !candidate}>
        Add member
      </Button>
    </form>
  );
}

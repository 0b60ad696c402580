import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { ProjectQuotaForm } from './ProjectQuotaForm';
import { QuotaUsageBars } from './QuotaUsageBars';

const ProjectQuotaDetails = graphql(`
  query ProjectQuotaDetails($projectId: ID!) {
    project(id: $projectId) { id name viewer { permissions } }
    projectQuota(projectId: $projectId) {
      projectId
      quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }
      effective { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }
    }
  }
`);

export function ProjectQuotaPage() {
  const { orgId, projectId } = useParams();
  const [{ data, error }] = useQuery({ query: ProjectQuotaDetails, variables: { projectId: projectId! } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const editable = data.project.viewer.permissions.includes('project.configure');
  return (
    <main>
      <p><Link to={`/orgs/${orgId}/projects/${projectId}`}>← {data.project.name}</Link></p>
      <h1>Quota</h1>
      <p>Blank means no limit. A limit above the organization's is kept as asked, but the organization's binds.</p>
      <ProjectQuotaForm projectId={projectId!} settings={data.projectQuota} editable={editable} />
      <QuotaUsageBars projectId={projectId!} />
    </main>
  );
}

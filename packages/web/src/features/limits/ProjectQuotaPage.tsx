import { useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { ProjectQuotaForm } from './ProjectQuotaForm';
import { QuotaUsageBars } from './QuotaUsageBars';

const ProjectQuotaDetails = graphql(`
  query ProjectQuotaDetails($projectId: ID!) {
    projectQuota(projectId: $projectId) {
      projectId
      ...ProjectQuotaForm
    }
  }
`);

export function ProjectQuotaPage() {
  const project = useProject();
  const can = useCan(project);
  const [{ data, error }] = useQuery({ query: ProjectQuotaDetails, variables: { projectId: project.id } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <Card title="Quota" description="Blank means no limit. A limit above the organization's is kept as asked, but the organization's binds.">
        <ProjectQuotaForm projectId={project.id} settings={data.projectQuota} editable={can('CONFIGURE')} />
      </Card>
      <QuotaUsageBars projectId={project.id} />
    </>
  );
}

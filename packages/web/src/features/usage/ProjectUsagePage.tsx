import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { QuotaUsageBars } from '../limits/QuotaUsageBars';
import { SpendSummary } from './SpendSummary';
import { UsageDashboard, useRefresh } from './UsageDashboard';

const ProjectUsageContext = graphql(`
  query ProjectUsageContext($organizationId: ID!) {
    organization(id: $organizationId) {
      id
      timeZone
    }
    members(organizationId: $organizationId, page: 1, size: 100) {
      data {
        userId
        user {
          id
          name
        }
      }
    }
  }
`);

/** One project's usage overview, for everyone who may view the project; with its quota bars. */
export function ProjectUsagePage() {
  const project = useProject();
  const [{ data, error }] = useQuery({ query: ProjectUsageContext, variables: { organizationId: project.organizationId } });
  const now = useRefresh();
  const projectNames = useMemo(() => new Map([[project.id, project.name]]), [project]);
  const memberNames = useMemo(() => new Map(data?.members.data.map((m) => [m.userId, m.user.name])), [data]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const timeZone = data.organization.timeZone;
  const filter = { projectIds: [project.id] };
  return (
    <UsageDashboard
      scope={{ organizationId: project.organizationId, projectId: project.id, timeZone, projectNames, memberNames }}
      now={now}
      summary={
        <>
          <SpendSummary organizationId={project.organizationId} timeZone={timeZone} filter={filter} withFunds={false} now={now} />
          <QuotaUsageBars projectId={project.id} />
        </>
      }
    />
  );
}

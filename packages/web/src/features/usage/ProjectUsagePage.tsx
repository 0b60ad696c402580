import { useMemo } from 'react';
import { useQuery } from 'urql';
import { LiveIndicator } from '../../app/LiveIndicator';
import { useProject } from '../../app/ProjectLayout';
import { ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { QuotaUsageBars } from '../limits/QuotaUsageBars';
import { SpendSummary } from './SpendSummary';
import { UsageDashboard } from './UsageDashboard';
import { useLiveUsage } from './useLiveUsage';

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

/** One project's usage overview, for everyone who may view the project; with its quota bars. Today's figures and the bars are live. */
export function ProjectUsagePage() {
  const project = useProject();
  const [{ data, error }] = useQuery({ query: ProjectUsageContext, variables: { organizationId: project.organizationId } });
  const live = useLiveUsage(project.organizationId, project.id);
  const projectNames = useMemo(() => new Map([[project.id, project.name]]), [project]);
  const memberNames = useMemo(() => new Map(data?.members.data.map((m) => [m.userId, m.user.name])), [data]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const timeZone = data.organization.timeZone;
  const filter = { projectIds: [project.id] };
  return (
    <UsageDashboard
      scope={{ organizationId: project.organizationId, projectId: project.id, timeZone, projectNames, memberNames }}
      now={live.now}
      status={<LiveIndicator errors={[live.error]} />}
      summary={
        <>
          <ErrorMessage error={live.error} />
          <SpendSummary organizationId={project.organizationId} timeZone={timeZone} filter={filter} withFunds={false} now={live.now} live={live.tick} />
          <QuotaUsageBars projectId={project.id} indicator={false} />
        </>
      }
    />
  );
}
